import type { SchemaObject } from '@nestjs/swagger';

/** Every error answer: a stable `code` to switch on, a message for people, and details. */
export function errorSchema(
  statusCode: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): SchemaObject {
  return {
    type: 'object',
    required: ['statusCode', 'code', 'message'],
    properties: {
      statusCode: { type: 'integer' },
      code: { type: 'string', description: 'Stable error code' },
      message: { type: 'string' },
    },
    additionalProperties: true,
    example: { statusCode, code, message, ...details },
  };
}
