import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { TargetRecord } from '#domain/targets';
import type { Access } from '../auth/access.js';
import { Caller } from '../auth/auth-decorators.js';
import { ReadDocs } from '../auth/auth-docs.js';
import { errorSchema } from '../docs/error-schema.js';
import { csvUpload } from '../imports/csv-upload.js';
import { WriteEndpoint } from '../security/write-endpoint.js';
import { TARGET_RECORD_SCHEMA, TARGETS_OUTCOME_SCHEMA } from './targets-schemas.js';
import { TargetTypeQueryDto, TargetsQueryDto } from './targets-query.dto.js';
import type { TargetsOutcome } from '#contracts';
import { TargetsService } from './targets.service.js';

@ApiTags('targets')
@Controller('targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Post()
  @HttpCode(200)
  @WriteEndpoint('targets.import')
  @ApiOperation({
    summary: 'Set revenue targets from a CSV file',
    description:
      'Header `ville,mois,objectif` with an optional `type` (vente, location; empty: the month’s total), separated by "," or, as Excel in French, by ";" (amounts like `1 250 000,00 €`, months like `03/2026`). ' +
      'A target replaces the one of the same city, month and type. Each line is checked on its own: the valid ones are stored, the others refused by line with a code.',
  })
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'the targets CSV' } },
    },
  })
  @ApiQuery({
    name: 'charset',
    required: false,
    description: 'utf-8 (default) or windows-1252 (Excel in French on Windows)',
    enum: ['utf-8', 'windows-1252'],
  })
  @ApiOkResponse({
    description: 'What was stored, and every refused line.',
    schema: TARGETS_OUTCOME_SCHEMA,
  })
  @ApiBadRequestResponse({
    description: 'MISSING_COLUMN / EMPTY_FILE / NO_ROWS / INVALID_BODY.',
    schema: errorSchema(
      400,
      'MISSING_COLUMN',
      'the header lacks required column objectif (expected ville,mois,objectif[,type], separated by "," or, as Excel in French, by ";")',
      { missing: ['objectif'] },
    ),
  })
  @ApiUnprocessableEntityResponse({
    description: 'NOTHING_IMPORTED: no line is valid; the body holds the errors.',
    schema: errorSchema(
      422,
      'NOTHING_IMPORTED',
      'none of the 2 targets is valid: nothing was stored (see errors)',
    ),
  })
  async import(@Req() request: Request, @Caller() access: Access): Promise<TargetsOutcome> {
    return csvUpload(request, (body, charset) => this.targets.importCsv(access, body, charset));
  }

  @Get()
  @ReadDocs()
  @ApiOperation({ summary: 'The targets set, by city, month and type' })
  @ApiOkResponse({ schema: { type: 'array', items: TARGET_RECORD_SCHEMA } })
  list(@Query() query: TargetsQueryDto, @Caller() access: Access): Promise<TargetRecord[]> {
    return this.targets.list(access, query.city?.split(','), query.from, query.to);
  }

  @Delete(':city/:month')
  @HttpCode(204)
  @WriteEndpoint('target.delete')
  @ApiOperation({ summary: 'Remove a target (the month’s total, or one type’s with ?type=)' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({
    description: 'TARGET_NOT_FOUND: no such target.',
    schema: errorSchema(404, 'TARGET_NOT_FOUND', 'no target for Lyon 2026-03 (total)'),
  })
  async remove(
    @Param('city') city: string,
    @Param('month') month: string,
    @Query() query: TargetTypeQueryDto,
    @Caller() access: Access,
  ): Promise<void> {
    await this.targets.remove(access, city, month, query.type);
  }
}
