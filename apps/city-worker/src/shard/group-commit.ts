/**
 * Group commit: one fsync covers every write made before it began. {@link commit} resolves once
 * a sync that began after the call has finished; calls made while a sync runs share the next one,
 * so N batches written during one fsync cost two fsyncs, not N. The sync runs off the event loop
 * (`fs.fsync`), and the worker applies the next batch meanwhile.
 */
export class GroupCommit {
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(private readonly sync: () => Promise<void>) {}

  /** Resolves once everything written before this call is durable; rejects if the sync failed. */
  commit(): Promise<void> {
    if (this.queued !== undefined) return this.queued;
    if (this.running === undefined) return this.start();
    // The running sync may have begun before this call's write: a new one follows it.
    const queued = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    this.queued = queued;
    return queued;
  }

  /** Resolves when no sync is running or queued (a clean stop waits for it). */
  async idle(): Promise<void> {
    while (this.queued !== undefined || this.running !== undefined) {
      await (this.queued ?? this.running)?.catch(() => undefined);
    }
  }

  private start(): Promise<void> {
    const running = this.sync().finally(() => {
      if (this.running === running) this.running = undefined;
    });
    this.running = running;
    return running;
  }
}
