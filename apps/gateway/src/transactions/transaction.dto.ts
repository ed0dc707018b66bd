import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { MAX_RENTAL_MONTHS } from '#domain/model';

/**
 * One transaction with the CSV's field names. The shape is checked here; the contract's rules
 * (a rental's length, at most 2 decimals, a served city...) by the city's worker, as for a CSV.
 */
export class TransactionDto {
  @ApiProperty({ example: 'TX900001' })
  @IsString()
  @IsNotEmpty()
  transaction_id!: string;

  @ApiProperty({ example: '2025-12-15', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be written YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ example: 'Lyon' })
  @IsString()
  @IsNotEmpty()
  ville!: string;

  @ApiProperty({ enum: ['vente', 'location'], example: 'location' })
  @IsIn(['vente', 'location'])
  type!: string;

  @ApiProperty({ example: 'Tesla_Model_3' })
  @IsString()
  @IsNotEmpty()
  modele!: string;

  @ApiProperty({
    description: 'Sale price, or monthly rent, in euros (at most 2 decimals)',
    example: 800,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  prix!: number;

  @ApiPropertyOptional({
    description: `Rental length in months (1-${MAX_RENTAL_MONTHS}); null or absent for a sale`,
    example: 12,
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RENTAL_MONTHS)
  duree_location_mois?: number | null;

  @ApiPropertyOptional({
    description: 'Dealer cost in euros: a sale the car, a rental per month',
    example: 520,
    nullable: true,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  cout?: number | null;
}
