import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorCode } from '#domain/model';
import { currentRequestId } from '#platform';
import { CityCallError } from '../cluster/city-call.error.js';
import { GatewayError, GatewayErrorCode } from './gateway-errors.js';

/** HTTP status of each domain error code; codes not listed are a bad request. */
const DOMAIN_STATUS: Partial<Record<string, number>> = {
  [ErrorCode.UnknownCity]: 404,
};

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  [detail: string]: unknown;
}

/** The one place errors become HTTP answers: every error body carries a stable `code`. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    // The id lets whoever reads the error find its log lines, the workers' included.
    const body = { ...this.toBody(error), requestId: currentRequestId() };
    if (body.statusCode >= 500) this.logger.warn(`${body.code}: ${body.message}`);
    host.switchToHttp().getResponse<Response>().status(body.statusCode).json(body);
  }

  private toBody(error: unknown): ErrorBody {
    if (error instanceof GatewayError) {
      return {
        ...error.details,
        statusCode: error.status,
        code: error.code,
        message: error.message,
      };
    }
    if (error instanceof DomainError) {
      const statusCode = DOMAIN_STATUS[error.code] ?? 400;
      return { ...error.details, statusCode, code: error.code, message: error.message };
    }
    if (error instanceof CityCallError) {
      return {
        statusCode: 502,
        code: error.workerError?.code ?? GatewayErrorCode.WorkerError,
        message: error.message,
        city: error.city,
      };
    }
    if (error instanceof HttpException) {
      const response = error.getResponse();
      const message =
        typeof response === 'object' && 'message' in response ? response.message : error.message;
      return {
        ...(typeof response === 'object' ? response : {}),
        statusCode: error.getStatus(),
        code: httpCode(error.getStatus()),
        message: Array.isArray(message) ? message.join('; ') : String(message),
      };
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'internal error' };
  }
}

function httpCode(status: number): string {
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return GatewayErrorCode.ImportTooLarge;
  if (status === 415) return GatewayErrorCode.UnsupportedMediaType;
  if (status === 429) return GatewayErrorCode.TooManyRequests;
  return status < 500 ? GatewayErrorCode.InvalidBody : 'INTERNAL_ERROR';
}
