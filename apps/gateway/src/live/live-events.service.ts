import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { LiveEvent } from './live-event.js';

/** The gateway's bus of live events: writers publish, every `/events` stream hears. */
@Injectable()
export class LiveEvents implements OnModuleDestroy {
  private readonly subject = new Subject<LiveEvent>();

  get events(): Observable<LiveEvent> {
    return this.subject.asObservable();
  }

  publish(event: LiveEvent): void {
    this.subject.next(event);
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
