import { expect } from '@jest/globals';

export interface SseEvent {
  readonly event: string;
  readonly data: unknown;
}

/** Reads `GET /events` and hands over its events one by one. */
export class EventReader {
  private buffer = '';
  private constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly controller: AbortController,
  ) {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<EventReader> {
    const controller = new AbortController();
    const response = await fetch(url, { signal: controller.signal, headers });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    if (response.body === null) throw new Error('no body');
    return new EventReader(response.body.getReader(), controller);
  }

  /** The next event of `type` (others are skipped). */
  async next(type: string): Promise<SseEvent> {
    for (;;) {
      const event = await this.nextEvent();
      if (event.event === type) return event;
    }
  }

  /** The next event that is not a comment. */
  private async nextEvent(): Promise<SseEvent> {
    const decoder = new TextDecoder();
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const fields = new Map(
          block
            .split('\n')
            .filter((line) => !line.startsWith(':'))
            .map((line) => [
              line.slice(0, line.indexOf(':')),
              line.slice(line.indexOf(':') + 1).trim(),
            ]),
        );
        const data = fields.get('data');
        if (data !== undefined)
          return { event: fields.get('event') ?? 'message', data: JSON.parse(data) };
        continue;
      }
      const { value, done } = await this.reader.read();
      if (done) throw new Error('the stream ended');
      this.buffer += decoder.decode(value, { stream: true });
    }
  }

  close(): void {
    this.controller.abort();
  }
}
