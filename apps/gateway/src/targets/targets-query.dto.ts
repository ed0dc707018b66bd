import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/** `GET /targets`: which targets to list. */
export class TargetsQueryDto {
  @ApiPropertyOptional({
    description: 'One city or a comma-separated list (case-insensitive). Default: every city.',
    example: 'Lyon',
  })
  @IsOptional()
  @IsString()
  city?: string;

  @ApiPropertyOptional({ description: 'First month, inclusive (YYYY-MM).', example: '2026-01' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ description: 'Last month, inclusive (YYYY-MM).', example: '2026-12' })
  @IsOptional()
  @IsString()
  to?: string;
}

/** `DELETE /targets/{city}/{month}`: which of the month's targets. */
export class TargetTypeQueryDto {
  @ApiPropertyOptional({
    description: 'vente or location; the total target when left out',
    enum: ['total', 'vente', 'location'],
  })
  @IsOptional()
  @IsString()
  type?: string;
}
