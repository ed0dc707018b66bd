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
      requestId: {
        type: 'string',
        description:
          "The request's id (its X-Request-Id, or one the gateway gave it): every log line about it, the workers' too, carries it",
      },
    },
    additionalProperties: true,
    example: {
      statusCode,
      code,
      message,
      ...details,
      requestId: 'b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    },
  };
}
