import { monitorEventLoopDelay, type ELDHistogram } from 'node:perf_hooks';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';

export interface EventLoopDelay {
  /** Since the previous reading (or the start). */
  readonly sinceMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * How long the gateway's one thread was kept from other requests: the event loop's delay, sampled
 * every 10 ms. A request that blocks the loop shows here, whoever was waiting.
 */
@Injectable()
export class EventLoopMonitor implements OnModuleDestroy {
  private readonly histogram: ELDHistogram = monitorEventLoopDelay({ resolution: 10 });
  private since = performance.now();

  constructor() {
    this.histogram.enable();
  }

  /** The delays since the previous reading; the next reading starts afresh. */
  read(): EventLoopDelay {
    const ms = (nanoseconds: number): number => Math.round(nanoseconds / 1e5) / 10;
    const reading = {
      sinceMs: Math.round(performance.now() - this.since),
      p50Ms: ms(this.histogram.percentile(50)),
      p99Ms: ms(this.histogram.percentile(99)),
      maxMs: ms(this.histogram.max),
    };
    this.histogram.reset();
    this.since = performance.now();
    return reading;
  }

  onModuleDestroy(): void {
    this.histogram.disable();
  }
}
