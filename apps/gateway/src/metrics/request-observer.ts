import { Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { REQUEST_ID_HEADER, requestIdFrom, withRequestId } from '#platform';
import { GatewayMetrics } from './gateway-metrics.js';

/** Asked every few seconds by Prometheus and health checks: their lines are for debugging only. */
const QUIET_ROUTES = new Set(['/metrics', '/health']);

/** Where a request no route took goes in the metrics (the dashboard's files, a 404). */
const NO_ROUTE = 'other';

/**
 * The first thing every request meets: gives it its id (the client's `X-Request-Id` when it is a
 * short token, a new one otherwise), sent back in the answer; runs the rest of the request under
 * it, so that every log line and worker call it causes carries it; and, once answered, writes its
 * access line and its duration.
 */
@Injectable()
export class RequestObserver {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly metrics: GatewayMetrics) {}

  readonly handle = (request: Request, response: Response, next: NextFunction): void => {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    response.setHeader(REQUEST_ID_HEADER, requestId);
    response.once('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      // Express sets the matched pattern (`/transactions/:id`): never the raw path, whose values
      // a client chooses.
      const route = (request.route as { path?: string } | undefined)?.path ?? NO_ROUTE;
      const status = response.statusCode;
      this.metrics.httpDuration.observe(
        { route, method: request.method, status: String(status) },
        seconds,
      );
      const line = {
        msg: `${request.method} ${request.path.slice(0, 200)} ${status}`,
        requestId,
        method: request.method,
        route,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
      };
      if (status >= 500) this.logger.warn(line);
      else if (QUIET_ROUTES.has(route)) this.logger.debug(line);
      else this.logger.log(line);
    });
    withRequestId(requestId, next);
  };
}
