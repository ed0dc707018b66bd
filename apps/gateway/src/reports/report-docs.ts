import { Get, applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOperation,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  type SchemaObject,
} from '@nestjs/swagger';
import { REPORT_SECTIONS, SECTION_NAMES, type SectionName } from '#domain/report';
import { ReadDocs } from '../auth/auth-docs.js';
import { errorSchema } from '../docs/error-schema.js';
import { XLSX_TYPE } from '../exports/report-file.js';
import { operationId, reportName } from './report-routes.js';

const csvExample =
  'city,month,sales,rentals,total,sales_count,rentals_count\r\nLyon,2025-01,10312480,2394927,12707407,196,134\r\n';

/** The envelope of one section's answer, or of every section's (`undefined`: the summary). */
export function envelopeSchema(name: string, section: SectionName | undefined): SchemaObject {
  const data: SchemaObject =
    section === undefined
      ? {
          type: 'object',
          properties: Object.fromEntries(
            SECTION_NAMES.map((name) => [name, REPORT_SECTIONS[name].schema]),
          ),
          required: [...SECTION_NAMES],
          additionalProperties: false,
        }
      : REPORT_SECTIONS[section].schema;
  return {
    type: 'object',
    additionalProperties: false,
    required: ['report', 'basis', 'from', 'to', 'cities', 'data', 'meta'],
    properties: {
      report: { type: 'string', example: name },
      basis: { type: 'string', enum: ['contract', 'recognized'], example: 'contract' },
      from: {
        type: 'string',
        nullable: true,
        description: 'First month of the range',
        example: '2023-01',
      },
      to: {
        type: 'string',
        nullable: true,
        description: 'Last month of the range',
        example: '2025-12',
      },
      cities: {
        type: 'array',
        items: { type: 'string' },
        description: 'The cities reported, sorted',
        example: ['Lyon', 'Marseille', 'Paris'],
      },
      data,
      meta: {
        type: 'object',
        additionalProperties: false,
        required: ['currency', 'elapsedMs', 'workers', 'missingCities'],
        properties: {
          currency: {
            type: 'string',
            enum: ['EUR'],
            description:
              'Every amount is in euros, rounded to the cent; rates and shares to 4 decimals',
          },
          elapsedMs: {
            type: 'number',
            description: 'Time the gateway took, ms to 0.1',
            example: 4.2,
          },
          workers: {
            type: 'array',
            description: 'One entry per city that answered',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['city', 'elapsedMs', 'transactions'],
              properties: {
                city: { type: 'string', example: 'Lyon' },
                elapsedMs: {
                  type: 'number',
                  description: 'Round trip of its summary',
                  example: 2.9,
                },
                transactions: {
                  type: 'integer',
                  description: 'Transactions it holds',
                  example: 14_868,
                },
              },
            },
          },
          missingCities: {
            type: 'array',
            items: { type: 'string' },
            description: 'Cities that did not answer (only with partial=true)',
            example: [],
          },
        },
      },
    },
  };
}

const SUMMARY_DESCRIPTION = 'Every section from one fork-join';

/**
 * `GET /reports/{path}` of a section (undefined: the summary), with its own operationId, summary
 * and response schemas, all from the domain's section registry.
 */
export function ReportRoute(section: SectionName | undefined): MethodDecorator {
  const name = reportName(section);
  return applyDecorators(
    Get(name),
    ApiOperation({
      operationId: operationId(section),
      summary: section === undefined ? SUMMARY_DESCRIPTION : REPORT_SECTIONS[section].summary,
    }),
    ApiReportResponses(name, section),
  );
}

/** The responses every report endpoint documents. */
function ApiReportResponses(name: string, section: SectionName | undefined): MethodDecorator {
  return applyDecorators(
    ApiOkResponse({
      description: `The ${name} report in its envelope (format=json), or as a file (csv, csv-fr, xlsx) named in Content-Disposition.`,
      content: {
        'application/json': { schema: envelopeSchema(name, section) },
        ...(section === undefined
          ? {}
          : { 'text/csv': { schema: { type: 'string', example: csvExample } } }),
        [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
      },
    }),
    ApiBadRequestResponse({
      description:
        'A malformed month, from > to, an unknown basis or parameter, or limit / window / horizon out of range.',
      schema: errorSchema(
        400,
        'INVALID_QUERY',
        'window must be a whole number from 2 to 24, not "1"',
        {
          parameter: 'window',
        },
      ),
    }),
    ApiNotFoundResponse({
      description: 'A city no worker serves.',
      schema: errorSchema(
        404,
        'UNKNOWN_CITY',
        'unknown city "Nice"; known cities: Lyon, Marseille, Paris',
        {
          city: 'Nice',
          known: ['Lyon', 'Marseille', 'Paris'],
        },
      ),
    }),
    ReadDocs(),
    ApiServiceUnavailableResponse({
      description: 'A city did not answer in time; ask again, or with partial=true.',
      schema: errorSchema(
        503,
        'CITY_UNAVAILABLE',
        'no answer from Marseille (Marseille: its worker refuses connections (not running?)); retry, or ask with partial=true',
        { cities: ['Marseille'] },
      ),
    }),
  );
}
