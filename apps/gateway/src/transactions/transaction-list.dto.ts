import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

/** The explorer's filters and page: every filter given must hold. */
export class TransactionListQueryDto {
  @ApiPropertyOptional({
    description: 'One city or a comma-separated list (case-insensitive). Default: every city.',
    example: 'Paris',
  })
  @IsOptional()
  @IsString()
  city?: string;

  @ApiPropertyOptional({ description: 'Month of the date, YYYY-MM.', example: '2025-12' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}$/, { message: 'month must be a month YYYY-MM' })
  month?: string;

  @ApiPropertyOptional({ description: 'The model as stored.', example: 'BMW_X3' })
  @IsOptional()
  @IsString()
  model?: string;

  @ApiPropertyOptional({ enum: ['vente', 'location'], example: 'vente' })
  @IsOptional()
  @IsIn(['vente', 'location'])
  type?: string;

  @ApiPropertyOptional({ description: 'One transaction id.', example: 'T-000123' })
  @IsOptional()
  @IsString()
  id?: string;

  @ApiPropertyOptional({
    description:
      'true: only the transactions whose price is far from their model’s usual price (PRICE_OUTLIER), to check.',
    enum: ['true', 'false'],
    example: 'true',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  flagged?: string;

  @ApiPropertyOptional({ description: 'Page, from 1.', default: 1, example: 1 })
  @IsOptional()
  @Matches(/^[1-9]\d{0,5}$/, { message: 'page must be a whole number from 1' })
  page?: string;

  @ApiPropertyOptional({ description: 'Transactions per page (1-500).', default: 50, example: 50 })
  @IsOptional()
  @Matches(/^([1-9]\d?|[1-4]\d\d|500)$/, { message: 'size must be a whole number from 1 to 500' })
  size?: string;
}
