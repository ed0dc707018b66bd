import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

/** The month a review is of. */
class ReviewMonthDto {
  @ApiProperty({ description: 'The month reviewed (YYYY-MM).', example: '2026-11' })
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month YYYY-MM' })
  month!: string;
}

export class ReviewSendQueryDto extends ReviewMonthDto {
  @ApiPropertyOptional({
    description: 'true: send again to those who already had it.',
    enum: ['true', 'false'],
    default: 'false',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  resend?: string;
}

export class ReviewPdfQueryDto extends ReviewMonthDto {
  @ApiPropertyOptional({
    description: 'A city’s review; the company’s when left out.',
    example: 'Lyon',
  })
  @IsOptional()
  @IsString()
  city?: string;
}
