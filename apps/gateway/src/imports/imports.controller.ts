import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiBadRequestResponse,
  ApiServiceUnavailableResponse,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { ImportOutcome } from '#contracts';
import type { ImportConfig } from '../config/gateway-config.js';
import { errorSchema } from '../docs/error-schema.js';
import { IMPORT_OUTCOME_SCHEMA } from '../docs/import-schemas.js';
import { IMPORT_CONFIG } from '../config/tokens.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';
import { ImportsService } from './imports.service.js';
import { csvUpload } from './csv-upload.js';
import { WriteEndpoint } from '../security/write-endpoint.js';
import type { Access } from '../auth/access.js';
import { Caller } from '../auth/auth-decorators.js';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    @Inject(IMPORT_CONFIG) private readonly limits: ImportConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @WriteEndpoint('import')
  @ApiOperation({
    summary: 'Import a CSV file',
    description:
      'The body is the CSV itself (Content-Type: text/csv), streamed, or a multipart upload with the file in the field `file`. ' +
      'Records are routed to their city worker in batches; each record is validated by its worker against the CSV contract.',
  })
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'the CSV file' } },
    },
  })
  @ApiOkResponse({
    description: 'What was imported: counts per city and the first 1000 rejections by line.',
    schema: IMPORT_OUTCOME_SCHEMA,
  })
  @ApiBadRequestResponse({
    description:
      'MISSING_COLUMN / EMPTY_FILE / NO_ROWS / INVALID_BODY: a bad header, no header, a header and no record, or bytes that are not UTF-8.',
    schema: errorSchema(
      400,
      'MISSING_COLUMN',
      'the header lacks required column prix (expected transaction_id,date,ville,type,modele,prix,duree_location_mois[,cout])',
      { missing: ['prix'] },
    ),
  })
  @ApiUnprocessableEntityResponse({
    description:
      'NOTHING_IMPORTED: records were read but none is valid; the body is the import answer with its errors.',
    schema: errorSchema(
      422,
      'NOTHING_IMPORTED',
      'none of the 3 records is valid: nothing was stored (see errors)',
    ),
  })
  @ApiPayloadTooLargeResponse({
    description: 'IMPORT_TOO_LARGE: the body is over MAX_IMPORT_BYTES.',
    schema: errorSchema(
      413,
      'IMPORT_TOO_LARGE',
      'the body (600000000 bytes) is over MAX_IMPORT_BYTES (536870912 bytes)',
    ),
  })
  @ApiUnsupportedMediaTypeResponse({
    description: 'UNSUPPORTED_MEDIA_TYPE: neither text/csv nor multipart/form-data.',
    schema: errorSchema(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'send the CSV as text/csv or as multipart/form-data (field "file"), not "application/xml"',
    ),
  })
  @ApiServiceUnavailableResponse({
    description:
      'PARTIAL_IMPORT: a city did not confirm its rows; the others are applied. The body is the import answer plus code and message. Retry.',
    schema: errorSchema(
      503,
      'PARTIAL_IMPORT',
      "Marseille (11376 rows not applied: its worker refuses connections (not running?)): the other cities' rows are applied; retry the import to complete it",
    ),
  })
  @ApiQuery({
    name: 'charset',
    required: false,
    description:
      "The file's encoding when the Content-Type does not say it (a multipart upload): utf-8 (default) or windows-1252 (Excel in French on Windows).",
    enum: ['utf-8', 'windows-1252'],
  })
  async import(@Req() request: Request, @Caller() access: Access): Promise<ImportOutcome> {
    const length = Number(request.headers['content-length'] ?? Number.NaN);
    if (length > this.limits.maxBytes) {
      throw new GatewayError(
        413,
        GatewayErrorCode.ImportTooLarge,
        `the body (${length} bytes) is over MAX_IMPORT_BYTES (${this.limits.maxBytes} bytes)`,
      );
    }
    return csvUpload(request, (body, charset) => this.imports.importCsv(access, body, charset));
  }
}
