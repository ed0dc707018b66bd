import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { REPORT_FORMATS, type ReportFormat } from '../exports/report-file.js';
import { TrueOrFalse } from '../shared/true-or-false.js';

/** Query string of every report endpoint. Values are checked by the domain (`parseReportQuery`). */
export class ReportQueryDto {
  @ApiPropertyOptional({
    description: 'One city or a comma-separated list (case-insensitive). Default: every city.',
    example: 'Lyon,Paris',
  })
  @IsOptional()
  @IsString()
  city?: string;

  @ApiPropertyOptional({
    description: 'First month, inclusive. Default: the earliest month with a transaction.',
    example: '2025-01',
    pattern: '^\\d{4}-\\d{2}$',
  })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({
    description: 'Last month, inclusive. Default: the latest month with a transaction.',
    example: '2025-12',
    pattern: '^\\d{4}-\\d{2}$',
  })
  @IsOptional()
  @IsString()
  to?: string;

  @ApiPropertyOptional({
    description:
      'contract: a rental earns prix x months in its first month; recognized: prix in each of its months.',
    enum: ['contract', 'recognized'],
    default: 'contract',
  })
  @IsOptional()
  @IsString()
  basis?: string;

  @ApiPropertyOptional({ description: 'Models per top list (1-50).', default: 5, example: 5 })
  @IsOptional()
  @IsString()
  limit?: string;

  @ApiPropertyOptional({
    description:
      'What the top-models lists are ranked by: transactions, or revenue (contract basis).',
    enum: ['count', 'revenue'],
    default: 'count',
  })
  @IsOptional()
  @IsString()
  by?: string;

  @ApiPropertyOptional({
    description: 'Months the trend is fitted on (2-24).',
    default: 3,
    example: 3,
  })
  @IsOptional()
  @IsString()
  window?: string;

  @ApiPropertyOptional({ description: 'Months forecast (1-24).', default: 3, example: 3 })
  @IsOptional()
  @IsString()
  horizon?: string;

  @ApiPropertyOptional({
    description:
      'Today, for the month in progress (the progress section): its month is compared day for day with the month before and the year before. Default: today in Europe/Paris.',
    example: '2025-12-14',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  })
  @IsOptional()
  @IsString()
  asOf?: string;

  @TrueOrFalse(
    'answer 200 without the cities that do not answer within PARTIAL_TIMEOUT_MS (listed in meta.missingCities) instead of 503.',
  )
  partial?: string;

  @ApiPropertyOptional({
    description:
      'json: the envelope. csv: the section as RFC 4180 CSV (`,`, decimal point, column keys as headers). csv-fr: for Excel in French (UTF-8 BOM, `;`, decimal comma, French headers). xlsx: an Excel workbook (the summary: one sheet per section). Files give money to the cent and shares to 4 decimals; csv and csv-fr only for one section.',
    enum: REPORT_FORMATS,
    default: 'json',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
