import { createHook } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * Preloaded into a process (`NODE_OPTIONS=--import=./dist/bench/support/callback-timer.js`), logs
 * every callback that ran longer than CALLBACK_LOG_MS (40 by default) without yielding, with its
 * async resource type, to CALLBACK_LOG (tmp/callbacks.log). The event-loop delay says how late a
 * timer fired; this says whether one callback was the cause, or many short ones in one loop turn.
 */
const threshold = Number(process.env.CALLBACK_LOG_MS ?? '40');
const file = process.env.CALLBACK_LOG ?? 'tmp/callbacks.log';
const name = relative(process.cwd(), process.argv[1] ?? 'node');
const types = new Map<number, string>();
const started = new Map<number, number>();
let slow: string[] = [];

createHook({
  init(id, type) {
    types.set(id, type);
  },
  before(id) {
    started.set(id, performance.now());
  },
  after(id) {
    const start = started.get(id);
    if (start === undefined) return;
    started.delete(id);
    const ms = performance.now() - start;
    if (ms > threshold)
      slow.push(
        `${name} ${process.pid} at ${(start / 1000).toFixed(1)} s: ${ms.toFixed(1)} ms ${types.get(id) ?? '?'}`,
      );
  },
  destroy(id) {
    types.delete(id);
    started.delete(id);
  },
}).enable();

setInterval(() => {
  if (slow.length === 0) return;
  appendFileSync(file, `${slow.join('\n')}\n`);
  slow = [];
}, 1000).unref();
