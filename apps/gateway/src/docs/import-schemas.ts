import type { SchemaObject } from '@nestjs/swagger';

function byCode(description: string, example: Record<string, number>): SchemaObject {
  return { type: 'object', description, additionalProperties: { type: 'integer' }, example };
}

const cityOutcome: SchemaObject = {
  type: 'object',
  properties: {
    city: { type: 'string', example: 'Lyon' },
    accepted: { type: 'integer', description: 'Rows stored', example: 14_866 },
    duplicates: {
      type: 'integer',
      description: 'Rows whose transaction_id the city already holds',
      example: 1,
    },
    conflicts: {
      type: 'integer',
      description:
        'Rows whose transaction_id the city holds with other content (CONFLICTING_DUPLICATE)',
      example: 0,
    },
    rejected: { type: 'integer', description: 'Rows its worker rejected', example: 1 },
    rejectedByCode: byCode("The worker's rejections by error code (they add up to rejected)", {
      INVALID_DATE: 1,
    }),
    notApplied: {
      type: 'integer',
      description: 'Rows sent to the city that it did not confirm (retry the import)',
      example: 0,
    },
    error: { type: 'string', description: 'Why the city stopped confirming, if it did' },
  },
};

const rowError: SchemaObject = {
  type: 'object',
  properties: {
    line: { type: 'integer', example: 13 },
    transactionId: { type: 'string', nullable: true, example: 'TX000012' },
    code: { type: 'string', example: 'INVALID_DATE' },
    field: { type: 'string', nullable: true, example: 'date' },
    fields: {
      type: 'array',
      items: { type: 'string' },
      description: 'CONFLICTING_DUPLICATE: every field that differs from the stored record',
      example: ['date', 'prix'],
    },
    message: {
      type: 'string',
      example: 'line 13: date "2024-02-30" is not a real date written YYYY-MM-DD',
    },
  },
};

/** The answer of POST /imports and POST /transactions. */
export const IMPORT_OUTCOME_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    rows: { type: 'integer', description: 'Records read after the header', example: 50_002 },
    accepted: { type: 'integer', example: 49_999 },
    duplicates: {
      type: 'integer',
      description: 'Rows whose transaction_id is stored with the same content: skipped',
      example: 1,
    },
    conflicts: {
      type: 'integer',
      description:
        'Rows whose transaction_id is stored with other content: rejected as CONFLICTING_DUPLICATE (in errors, with the differing fields)',
      example: 0,
    },
    rejected: { type: 'integer', description: 'Rows breaking a rule of the contract', example: 2 },
    rejectedByCode: byCode(
      'Every rejection by error code, those of rows routed to no city included (they add up to rejected)',
      { INVALID_DATE: 1, CITY_NOT_SERVED: 1 },
    ),
    errors: {
      type: 'array',
      description:
        'The first 1000 rejections, by line (for POST /transactions: position in the array)',
      items: rowError,
    },
    warnings: {
      type: 'array',
      description:
        'The first 1000 rows stored but worth a look, by line: PRICE_OUTLIER, a price more than 5 times away from the usual price of its model and type in its city',
      items: rowError,
    },
    cities: { type: 'array', items: cityOutcome },
    elapsedMs: { type: 'number', example: 231.5 },
  },
};

export const CITY_STATUS_SCHEMA: SchemaObject = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      city: { type: 'string', example: 'Lyon' },
      transport: { type: 'string', enum: ['tcp', 'nats'], example: 'tcp' },
      status: { type: 'string', enum: ['up', 'down'], example: 'up' },
      transactions: { type: 'integer', nullable: true, example: 14_868 },
      latencyMs: { type: 'number', nullable: true, example: 1.8 },
      firstMonth: { type: 'string', nullable: true, example: '2023-01' },
      lastMonth: { type: 'string', nullable: true, example: '2025-12' },
      silentForMs: {
        type: 'number',
        nullable: true,
        description: "Since the worker's last heartbeat (NATS only)",
        example: 840,
      },
      replicas: {
        type: 'array',
        description:
          'NATS: each worker of the city that answers heartbeats; with JetStream, its replicas and the last entry of the city stream each applied (null: a sole worker). Empty over TCP.',
        items: {
          type: 'object',
          properties: {
            instance: { type: 'string', example: '5f0c1d2e-…' },
            appliedVersion: { type: 'integer', nullable: true, example: 212 },
            silentForMs: { type: 'number', example: 840 },
          },
        },
      },
      error: { type: 'string', description: 'Why the city is down', example: undefined },
    },
  },
};
