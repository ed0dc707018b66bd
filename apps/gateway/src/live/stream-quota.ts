import { Inject, Injectable } from '@nestjs/common';
import type { LiveConfig } from '../config/gateway-config.js';
import { LIVE_CONFIG } from '../config/tokens.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';

/**
 * Counts the open `/events` streams, in total and per client address: about 1 100 idle streams of
 * one client exhausted the gateway's descriptors (limit 1024) and stopped every other answer.
 */
@Injectable()
export class StreamQuota {
  private streams = 0;
  private readonly byClient = new Map<string, number>();

  constructor(@Inject(LIVE_CONFIG) private readonly config: LiveConfig) {}

  /** How many streams are open. */
  get open(): number {
    return this.streams;
  }

  /** Takes a stream for `client`, or refuses with 429 when a limit is reached. */
  take(client: string): void {
    const held = this.byClient.get(client) ?? 0;
    const perClient = held >= this.config.maxStreamsPerClient;
    if (perClient || this.streams >= this.config.maxStreams) {
      throw new GatewayError(
        429,
        GatewayErrorCode.TooManyRequests,
        perClient
          ? `this client already holds ${held} live streams (SSE_MAX_STREAMS_PER_CLIENT): close one first`
          : `the gateway already serves ${this.streams} live streams (SSE_MAX_STREAMS): try again later`,
      );
    }
    this.streams += 1;
    this.byClient.set(client, held + 1);
  }

  give(client: string): void {
    this.streams -= 1;
    const held = (this.byClient.get(client) ?? 1) - 1;
    if (held === 0) this.byClient.delete(client);
    else this.byClient.set(client, held);
  }
}
