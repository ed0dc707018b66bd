import type { RpcErrorBody } from '#contracts';

/** A call to a city worker that failed: refused, timed out, or answered with an error. */
export class CityCallError extends Error {
  constructor(
    readonly city: string,
    readonly reason: string,
    /** The worker's own error body, when it answered with one. */
    readonly workerError?: RpcErrorBody,
  ) {
    super(`${city}: ${reason}`);
    this.name = 'CityCallError';
  }
}
