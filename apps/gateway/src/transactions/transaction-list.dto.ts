import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { TrueOrFalse } from '../shared/true-or-false.js';
import { DEFAULT_TRANSACTION_SORT, TRANSACTION_SORTS, type TransactionSort } from '#domain/model';

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

  @TrueOrFalse(
    'only the transactions whose price is far from their model’s usual price (PRICE_OUTLIER), to check.',
  )
  flagged?: string;

  @ApiPropertyOptional({
    description: 'Order: by date or by price (prix), `-` first for the newest or dearest first.',
    enum: TRANSACTION_SORTS,
    default: DEFAULT_TRANSACTION_SORT,
  })
  @IsOptional()
  @IsIn(TRANSACTION_SORTS)
  sort?: TransactionSort;

  @TrueOrFalse(
    'list the cities that answer within PARTIAL_TIMEOUT_MS (the others in missingCities) instead of 503.',
  )
  partial?: string;

  @ApiPropertyOptional({ description: 'Page, from 1.', default: 1, example: 1 })
  @IsOptional()
  @Matches(/^[1-9]\d{0,5}$/, { message: 'page must be a whole number from 1' })
  page?: string;

  @ApiPropertyOptional({ description: 'Transactions per page (1-500).', default: 50, example: 50 })
  @IsOptional()
  @Matches(/^([1-9]\d?|[1-4]\d\d|500)$/, { message: 'size must be a whole number from 1 to 500' })
  size?: string;
}
