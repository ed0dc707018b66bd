import {
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { CITY_WRITES, type CityMessageName, type RequestMeta } from '#contracts';
import { acceptedRequestId, withRequestId } from '#platform';
import { WorkerMetrics } from './metrics/worker-metrics.js';

/**
 * Runs each message under the request id the gateway sent with it, so that every line logged
 * while handling it carries that id; times it; and logs it: writes at info, reads at debug (a
 * health check, a scrape and an open dashboard each ask every city every few seconds), failures
 * at warn.
 */
@Injectable()
export class RequestScope implements NestInterceptor {
  private readonly logger = new Logger('Message');

  constructor(private readonly metrics: WorkerMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const data = context.switchToRpc().getData<RequestMeta | undefined>();
    // A client of the broker that is not ours may send anything: only a short token is kept.
    const requestId = acceptedRequestId(data?.requestId);
    const pattern = context.getHandler().name;
    return new Observable((subscriber) =>
      withRequestId(requestId, () => {
        const started = performance.now();
        const timed = this.metrics.timeMessage(pattern);
        const done = (outcome: 'ok' | 'error'): void => {
          timed(outcome);
          const durationMs = Math.round((performance.now() - started) * 10) / 10;
          const line = {
            msg: `${pattern} ${outcome} in ${durationMs} ms`,
            pattern,
            outcome,
            durationMs,
          };
          if (outcome === 'error') this.logger.warn(line);
          else if (CITY_WRITES.has(pattern as CityMessageName)) this.logger.log(line);
          else this.logger.debug(line);
        };
        return next
          .handle()
          .pipe(
            tap({
              next: () => {
                done('ok');
              },
              error: () => {
                done('error');
              },
            }),
          )
          .subscribe(subscriber);
      }),
    );
  }
}
