import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import type { ReportName } from './report-envelope.js';

/** The responses every report endpoint documents. */
export function ApiReportResponses(name: ReportName): MethodDecorator {
  return applyDecorators(
    ApiOkResponse({ description: `The ${name} report in its envelope.` }),
    ApiBadRequestResponse({
      description:
        'INVALID_QUERY: a malformed month, from > to, an unknown basis, or limit / window / horizon out of range; the body names the parameter.',
    }),
    ApiNotFoundResponse({ description: 'UNKNOWN_CITY: the body names the known cities.' }),
    ApiServiceUnavailableResponse({
      description:
        'CITY_UNAVAILABLE: a city did not answer in time (see partial=true); the body names it.',
    }),
  );
}
