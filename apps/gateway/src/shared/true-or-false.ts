import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** An optional query flag, `true` or `false` (false when absent), documented with what true does. */
export function TrueOrFalse(whenTrue: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description: `true: ${whenTrue}`,
      enum: ['true', 'false'],
      default: 'false',
    }),
    IsOptional(),
    IsIn(['true', 'false']),
  );
}
