import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { IMPORT_OUTCOME_SCHEMA } from '../docs/import-schemas.js';
import type { ImportOutcome } from '#contracts';
import { ImportsService } from '../imports/imports.service.js';
import { WriteEndpoint } from '../security/write-endpoint.js';
import { TransactionDto } from './transaction.dto.js';
import { MAX_TRANSACTIONS_PER_REQUEST, TransactionsBodyPipe } from './transactions-body.pipe.js';
import { TRANSACTION_COLUMNS, transactionFields } from './transaction-fields.js';

@ApiTags('imports')
@ApiExtraModels(TransactionDto)
@Controller('transactions')
export class TransactionsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(200)
  @WriteEndpoint()
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
  record(@Body(TransactionsBodyPipe) transactions: TransactionDto[]): Promise<ImportOutcome> {
    return this.imports.importFields(TRANSACTION_COLUMNS, transactions.map(transactionFields));
  }
}
