import { Controller, Inject, Req, Sse, type MessageEvent } from '@nestjs/common';
import type { Request } from 'express';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  defer,
  filter,
  finalize,
  interval,
  map,
  merge,
  takeUntil,
  timer,
  type Observable,
} from 'rxjs';
import { ReadDocs } from '../auth/auth-docs.js';
import type { Access } from '../auth/access.js';
import { Caller } from '../auth/auth-decorators.js';
import { clientOf } from '../shared/client-address.js';
import { eventFor } from './live-event.js';
import type { LiveConfig } from '../config/gateway-config.js';
import { LIVE_CONFIG } from '../config/tokens.js';
import { CityWatch } from './city-watch.service.js';
import { LiveEvents } from './live-events.service.js';
import { StreamQuota } from './stream-quota.js';

/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

/**
 * Characters of events that may wait for a client that stopped reading before Nest drops its
 * connection (its EventSource, if alive, reconnects). An event is about 60 characters and a
 * dashboard gets a few a minute; Nest's default, 4 M, times SSE_MAX_STREAMS streams would let
 * stalled clients hold gigabytes.
 */
const MAX_PENDING_EVENT_CHARS = 256 * 1024;

@ApiTags('live')
@Controller('events')
export class LiveController {
  constructor(
    private readonly live: LiveEvents,
    private readonly watch: CityWatch,
    private readonly quota: StreamQuota,
    @Inject(LIVE_CONFIG) private readonly config: LiveConfig,
  ) {}

  @ReadDocs()
  @Sse(undefined, { maxPendingDataLength: MAX_PENDING_EVENT_CHARS })
  @ApiOperation({
    summary: 'Server-sent events: data stored, a city up or down',
    description:
      "An EventSource stream. Event `data`: `{cities, accepted}` after rows are stored (by an import or a transaction through this gateway, or seen in a city's count within LIVE_WATCH_MS). Event `city`: `{city, status}` when a worker goes up or down. A comment line every 15 s keeps the connection open.",
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'The stream (text/event-stream), open until the client closes it.',
    content: {
      'text/event-stream': {
        schema: {
          type: 'string',
          example: 'event: data\ndata: {"cities":["Lyon"],"accepted":1}\n\n',
        },
      },
    },
  })
  events(@Req() request: Request, @Caller() access: Access): Observable<MessageEvent> {
    const client = clientOf(request);
    // Refused before the stream starts: the client gets a 429 with its code, not an empty stream.
    this.quota.take(client);
    return defer(() => {
      this.watch.acquire();
      return merge(
        this.live.events.pipe(
          map((event) => eventFor(access, event)),
          filter((event) => event !== undefined),
          map(({ type, ...data }): MessageEvent => ({ type, data })),
        ),
        interval(KEEP_ALIVE_MS).pipe(map((): MessageEvent => ({ comment: 'keep-alive' }))),
      ).pipe(
        takeUntil(timer(this.config.maxStreamAgeMs)),
        finalize(() => {
          this.watch.release();
          this.quota.give(client);
        }),
      );
    });
  }
}
