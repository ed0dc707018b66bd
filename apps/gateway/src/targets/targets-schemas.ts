import type { SchemaObject } from '@nestjs/swagger';

export const TARGET_RECORD_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['city', 'month', 'type', 'target'],
  properties: {
    city: { type: 'string', example: 'Lyon' },
    month: { type: 'string', example: '2026-03', description: 'YYYY-MM' },
    type: {
      type: 'string',
      nullable: true,
      enum: ['vente', 'location', null],
      description: 'null: the month’s total',
    },
    target: { type: 'number', example: 2_300_000, description: 'euros' },
  },
};

export const TARGETS_OUTCOME_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['dialect', 'received', 'stored', 'replaced', 'rejected', 'errors'],
  properties: {
    dialect: { type: 'string', enum: ['standard', 'french-excel'] },
    received: { type: 'integer', example: 36, description: 'lines read after the header' },
    stored: { type: 'integer', example: 35 },
    replaced: {
      type: 'integer',
      example: 12,
      description: 'of the stored, those that replaced a target',
    },
    rejected: { type: 'integer', example: 1 },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          line: { type: 'integer', example: 7 },
          code: {
            type: 'string',
            example: 'INVALID_MONTH',
            description:
              'MISSING_CITY, CITY_NOT_SERVED, FORBIDDEN_CITY, INVALID_MONTH, INVALID_TYPE, INVALID_TARGET, DUPLICATE_TARGET, TOO_FEW_FIELDS, TOO_MANY_FIELDS, UNTERMINATED_QUOTE',
          },
          field: { type: 'string', nullable: true, example: 'mois' },
          message: {
            type: 'string',
            example: 'line 7: mois "2026-13" is not a month (YYYY-MM, or MM/YYYY)',
          },
        },
      },
    },
  },
};
