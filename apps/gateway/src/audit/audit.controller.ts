import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '#domain/model';
import { Needs } from '../auth/auth-decorators.js';
import { AuditLog, type AuditPage } from './audit-log.service.js';

const MAX_LIMIT = 500;

@ApiTags('auth')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @Needs('admin')
  @ApiOperation({
    summary: 'The audit trail, newest first (admins)',
    description:
      'Every write (import, POST, PUT, DELETE), token created or revoked, sign-in and failed sign-in, and every write refused for its role: when (`at`), who (`user`, `role`, `via`), from where (`client`), what (`action`, `request`), how it ended (`status`, `outcome` counts).',
  })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiQuery({ name: 'limit', required: false, example: 50, description: `1-${MAX_LIMIT}` })
  @ApiOkResponse({ description: '`{total, offset, entries}`.' })
  list(@Query('offset') offset?: string, @Query('limit') limit?: string): AuditPage {
    return this.audit.page(
      whole(offset, 'offset', 0, 0, Number.MAX_SAFE_INTEGER),
      whole(limit, 'limit', 50, 1, MAX_LIMIT),
    );
  }
}

function whole(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new DomainError(
      ErrorCode.InvalidQuery,
      `${name} must be a whole number from ${min} to ${max}`,
      { parameter: name },
    );
  }
  return number;
}
