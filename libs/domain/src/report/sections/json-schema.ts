/**
 * The part of OpenAPI 3.0's schema object the report sections use: JSON Schema with `nullable`
 * and `example`. Plain data, so that the domain documents its own answers without a framework.
 */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  description?: string;
  example?: unknown;
  nullable?: boolean;
  enum?: (string | null)[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
}

export const euros = (description: string, example: number): JsonSchema => ({
  type: 'number',
  description: `${description}, in euros to the cent`,
  example,
});

export const count = (description: string, example: number): JsonSchema => ({
  type: 'integer',
  description,
  example,
});

export const ratio = (description: string, example: number): JsonSchema => ({
  type: 'number',
  nullable: true,
  description: `${description}, to 4 decimals (null when its denominator is 0)`,
  example,
});

export const month: JsonSchema = { type: 'string', description: 'YYYY-MM', example: '2025-03' };
export const city: JsonSchema = { type: 'string', example: 'Lyon' };

/** An object with exactly these properties: an undocumented field fails the contract test. */
export const object = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

export const perCity = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'array',
  description: 'One entry per city, sorted by city',
  items: object({ city, ...properties }),
});

export const yearOverYear = ratio('(total - same month a year earlier) / that month', 0.066);
