import { describe, expect, it } from '@jest/globals';
import { RestartPolicy } from './restart-policy.js';

describe(RestartPolicy.name, () => {
  const options = { firstDelayMs: 500, maxDelayMs: 4000, maxCrashes: 4, windowMs: 60_000 };

  it('restarts later and later while a process keeps crashing, then gives up on the loop', () => {
    const policy = new RestartPolicy(options);
    const decisions = [0, 1000, 3000, 7000, 12_000].map((at) => policy.crashed(at));
    expect(decisions.slice(0, 4)).toEqual([
      { restart: true, delayMs: 500 },
      { restart: true, delayMs: 1000 },
      { restart: true, delayMs: 2000 },
      { restart: true, delayMs: 4000 },
    ]);
    expect(decisions[4]).toEqual({
      restart: false,
      reason: '5 crashes within 60 s: restarting it again would not help',
    });
  });

  it('forgets crashes older than its window: an accident a day is restarted at once', () => {
    const policy = new RestartPolicy(options);
    const day = 24 * 3600 * 1000;
    for (let crash = 0; crash < 10; crash += 1) {
      expect(policy.crashed(crash * day)).toEqual({ restart: true, delayMs: 500 });
    }
  });
});
