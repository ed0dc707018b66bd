/**
 * Shares one call among concurrent askers without ever answering from the past: who asks while
 * a call runs waits for the next one, which starts when the running one ends and serves every
 * asker that came meanwhile. An answer is therefore always from a call started after the
 * question, and N concurrent askers cost at most two calls, not N.
 */
export class FreshCall<T> {
  private running: Promise<T> | undefined;
  private queued: Promise<T> | undefined;

  constructor(private readonly call: () => Promise<T>) {}

  ask(): Promise<T> {
    if (this.running === undefined) return this.launch();
    const settled = this.running.then(
      () => undefined,
      () => undefined,
    );
    this.queued ??= settled.then(() => {
      this.queued = undefined;
      return this.launch();
    });
    return this.queued;
  }

  private launch(): Promise<T> {
    const call = this.call().finally(() => {
      if (this.running === call) this.running = undefined;
    });
    this.running = call;
    return call;
  }
}
