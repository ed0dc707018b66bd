import { Body, Controller, Delete, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { trimField } from '#domain/model';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiParam,
  ApiQuery,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { ImportOutcome } from '#contracts';
import { IMPORT_OUTCOME_SCHEMA } from '../docs/import-schemas.js';
import { ImportsService } from '../imports/imports.service.js';
import { WriteEndpoint } from '../security/write-endpoint.js';
import type { Access } from '../auth/access.js';
import { Caller } from '../auth/auth-decorators.js';
import { TransactionDto } from './transaction.dto.js';
import {
  MAX_TRANSACTIONS_PER_REQUEST,
  OneTransactionPipe,
  TransactionsBodyPipe,
} from './transactions-body.pipe.js';
import {
  CorrectionsService,
  type DeletionOutcome,
  type ReplacementOutcome,
} from '../corrections/corrections.service.js';
import { errorSchema } from '../docs/error-schema.js';
import { TRANSACTION_COLUMNS, transactionFields } from './transaction-fields.js';

@ApiTags('imports')
@ApiExtraModels(TransactionDto)
@Controller('transactions')
export class TransactionsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly corrections: CorrectionsService,
  ) {}

  @Post()
  @HttpCode(200)
  @WriteEndpoint('transactions.record')
  @ApiOperation({
    summary: 'Record one transaction, or an array of them',
    description: `At most ${MAX_TRANSACTIONS_PER_REQUEST} per request. Once answered, they are in every later report. In the answer, \`line\` is the position of a transaction in the array (1-based).`,
  })
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(TransactionDto) },
        { type: 'array', items: { $ref: getSchemaPath(TransactionDto) } },
      ],
    },
  })
  @ApiOkResponse({
    description: 'The same answer as POST /imports.',
    schema: IMPORT_OUTCOME_SCHEMA,
  })
  @ApiBadRequestResponse({
    description: 'INVALID_BODY: the body names each transaction and field at fault.',
  })
  @ApiPayloadTooLargeResponse({
    description: `IMPORT_TOO_LARGE: more than ${MAX_TRANSACTIONS_PER_REQUEST} transactions.`,
  })
  @ApiServiceUnavailableResponse({
    description: 'PARTIAL_IMPORT: a city did not confirm its rows. Retry.',
  })
  record(
    @Body(TransactionsBodyPipe) transactions: TransactionDto[],
    @Caller() access: Access,
  ): Promise<ImportOutcome> {
    return this.imports.importFields(
      access,
      TRANSACTION_COLUMNS,
      transactions.map(transactionFields),
    );
  }

  @Delete(':id')
  @WriteEndpoint('transaction.delete')
  @ApiOperation({
    summary: 'Delete a transaction',
    description:
      'Deletes the transaction of this id from every city that holds it (ids are unique per city), or from `city` only. Durable: written to the shard (a tombstone) before the answer, replayed on restart; visible in every later report. Deleting it again answers 404; importing it again stores it again.',
  })
  @ApiParam({ name: 'id', description: 'transaction_id', example: 'TX000012' })
  @ApiQuery({ name: 'city', required: false, description: 'Only in this city', example: 'Lyon' })
  @ApiOkResponse({
    description: 'The cities it was deleted from.',
    schema: {
      type: 'object',
      properties: {
        transactionId: { type: 'string', example: 'TX000012' },
        cities: { type: 'array', items: { type: 'string' }, example: ['Lyon'] },
      },
    },
  })
  @ApiNotFoundResponse({
    description:
      'TRANSACTION_NOT_FOUND: no city holds this id (UNKNOWN_CITY: `city` is not served).',
    schema: errorSchema(
      404,
      'TRANSACTION_NOT_FOUND',
      'no transaction "TX999" in Lyon, Marseille, Paris',
      {
        transactionId: 'TX999',
      },
    ),
  })
  @ApiServiceUnavailableResponse({
    description: 'CITY_UNAVAILABLE: a city did not answer; the others did their part. Retry.',
  })
  delete(
    @Param('id') id: string,
    @Caller() access: Access,
    @Query('city') city?: string,
  ): Promise<DeletionOutcome> {
    return this.corrections.delete(access, trimField(id), city);
  }

  @Put(':id')
  @WriteEndpoint('transaction.replace')
  @ApiOperation({
    summary: 'Replace a transaction',
    description:
      'Gives the transaction of this id, held in the city of the body, the content of the body (one transaction, validated as an import row). Durable and replayed on restart, visible in every later report; the same content again changes nothing (`changed: false`). To move a transaction to another city, delete it and record it again.',
  })
  @ApiParam({
    name: 'id',
    description: 'transaction_id (the body must carry the same)',
    example: 'TX000012',
  })
  @ApiBody({ schema: { $ref: getSchemaPath(TransactionDto) } })
  @ApiOkResponse({
    description: 'Replaced, or already so.',
    schema: {
      type: 'object',
      properties: {
        transactionId: { type: 'string', example: 'TX000012' },
        city: { type: 'string', example: 'Lyon' },
        changed: { type: 'boolean', example: true },
      },
    },
  })
  @ApiBadRequestResponse({
    description:
      'INVALID_BODY: not one valid transaction, another id than the path, a city not served, or a rule of the contract broken (`errors`).',
  })
  @ApiNotFoundResponse({
    description: 'TRANSACTION_NOT_FOUND: the city of the body holds no transaction of this id.',
    schema: errorSchema(404, 'TRANSACTION_NOT_FOUND', 'no transaction "TX999" in Lyon', {
      transactionId: 'TX999',
    }),
  })
  replace(
    @Param('id') id: string,
    @Body(OneTransactionPipe) transaction: TransactionDto,
    @Caller() access: Access,
  ): Promise<ReplacementOutcome> {
    return this.corrections.replace(access, trimField(id), transaction);
  }
}
