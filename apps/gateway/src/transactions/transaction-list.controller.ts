import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, type SchemaObject } from '@nestjs/swagger';
import type { TransactionList } from '#contracts';
import { ReadDocs } from '../auth/auth-docs.js';
import type { Access } from '../auth/access.js';
import { Caller } from '../auth/auth-decorators.js';
import { TransactionListQueryDto } from './transaction-list.dto.js';
import { TransactionListing } from './transaction-listing.service.js';
import { TRANSACTION_COLUMNS } from './transaction-fields.js';

const transaction: SchemaObject = {
  type: 'object',
  required: [...TRANSACTION_COLUMNS, 'usualPrice'],
  additionalProperties: false,
  properties: {
    transaction_id: { type: 'string', example: 'T-000123' },
    date: { type: 'string', example: '2025-12-14' },
    ville: { type: 'string', example: 'Paris' },
    type: { type: 'string', enum: ['vente', 'location'] },
    modele: { type: 'string', example: 'BMW_X3' },
    prix: { type: 'number', example: 5_890_000 },
    duree_location_mois: { type: 'integer', nullable: true, example: null },
    cout: { type: 'number', nullable: true, example: null },
    usualPrice: {
      type: 'number',
      nullable: true,
      description:
        'The usual price of its model and type in its city when its own is far from it (PRICE_OUTLIER), else null',
      example: 58_900,
    },
  },
};

@ApiTags('imports')
@Controller('transactions')
export class TransactionListController {
  constructor(private readonly listing: TransactionListing) {}

  @ReadDocs()
  @Get()
  @ApiOperation({
    operationId: 'listTransactions',
    summary:
      'Stored transactions, filtered, sorted (newest first by default) and paginated (the explorer)',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['total', 'page', 'size', 'rows', 'missingCities'],
      additionalProperties: false,
      properties: {
        total: { type: 'integer', description: 'Transactions that match', example: 1 },
        page: { type: 'integer', example: 1 },
        size: { type: 'integer', example: 50 },
        rows: { type: 'array', items: transaction },
        missingCities: {
          type: 'array',
          items: { type: 'string' },
          description: 'Cities that did not answer (only with partial=true)',
          example: [],
        },
      },
    },
  })
  list(
    @Query() query: TransactionListQueryDto,
    @Caller() access: Access,
  ): Promise<TransactionList> {
    return this.listing.list(access, query);
  }
}
