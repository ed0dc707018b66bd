import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The request a piece of work serves, wherever it runs: gateway handlers and worker messages. */
const requests = new AsyncLocalStorage<string>();

/** The HTTP header a request id comes in and goes back in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An id a client may choose is written to every log line of its request: anything beyond a
 * short token (line breaks, a megabyte, control characters) would let it forge or flood lines.
 */
const ACCEPTED_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** `given` when it is an acceptable request id (from a client, or in a worker's message). */
export function acceptedRequestId(given: unknown): string | undefined {
  return typeof given === 'string' && ACCEPTED_ID.test(given) ? given : undefined;
}

/** The client's id when it is an acceptable token, a new one otherwise. */
export function requestIdFrom(given: unknown): string {
  return acceptedRequestId(given) ?? randomUUID();
}

/** The id of the request the caller works for, if any. */
export function currentRequestId(): string | undefined {
  return requests.getStore();
}

/** Runs `work` (and everything it starts) as part of request `id`. */
export function withRequestId<T>(id: string | undefined, work: () => T): T {
  return id === undefined ? work() : requests.run(id, work);
}
