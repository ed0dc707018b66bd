import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { createProcessLogger } from './process-logger.js';
import { NestPinoLogger } from './nest-logger.js';
import { requestIdFrom, withRequestId } from './request-context.js';
import type { LogConfig } from './log-env.js';

/** A stream keeping the lines written to it. */
function sink(lines: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
}

/** A logger writing both its streams into one array of lines, as the process would write them. */
function capture(config: LogConfig): { lines: string[]; logger: NestPinoLogger } {
  const lines: string[] = [];
  const both = sink(lines);
  return {
    lines,
    logger: new NestPinoLogger(createProcessLogger(config, 'test', { out: both, err: both })),
  };
}

describe(createProcessLogger.name, () => {
  it('writes JSON lines with an ISO date, the context, and the request id of the work it serves', () => {
    const { lines, logger } = capture({ level: 'info', format: 'json' });
    withRequestId('test-123', () => {
      logger.log('summary built', 'Reports');
    });
    logger.warn('no request here', 'Reports');
    const [inside, outside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(inside).toMatchObject({
      level: 30,
      name: 'test',
      context: 'Reports',
      msg: 'summary built',
      requestId: 'test-123',
    });
    expect(String(inside?.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(outside).not.toHaveProperty('requestId');
    expect(outside).toMatchObject({ level: 40, msg: 'no request here' });
  });

  it("keeps Nest's start-up lines (modules, routes) for LOG_LEVEL=debug", () => {
    const quiet = capture({ level: 'info', format: 'json' });
    const chatty = capture({ level: 'debug', format: 'json' });
    for (const { logger } of [quiet, chatty]) {
      logger.log('Mapped {/reports/monthly, GET} route', 'RouterExplorer');
      logger.log('GatewayModule dependencies initialized', 'InstanceLoader');
      logger.log('listening on http://localhost:3000', 'Gateway');
    }
    expect(quiet.lines).toHaveLength(1);
    expect(quiet.lines[0]).toContain('listening on');
    expect(chatty.lines).toHaveLength(3);
  });

  it('writes errors to standard error and the rest to standard output, each once', () => {
    const out: string[] = [];
    const err: string[] = [];
    const logger = new NestPinoLogger(
      createProcessLogger({ level: 'info', format: 'json' }, 'test', {
        out: sink(out),
        err: sink(err),
      }),
    );
    logger.log('stored');
    logger.warn('slow');
    logger.error('shard corrupt');
    logger.fatal('cannot write');
    const messages = (lines: string[]): unknown[] =>
      lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages(out)).toEqual(['stored', 'slow']);
    expect(messages(err)).toEqual(['shard corrupt', 'cannot write']);
  });

  it('never writes a field that may hold a secret', () => {
    const { lines, logger } = capture({ level: 'info', format: 'json' });
    logger.log({
      msg: 'careless call',
      apiKey: 's3cret-key',
      request: { headers: { 'x-api-key': 's3cret-key' }, authorization: 'Bearer s3cret-key' },
      password: 's3cret-key',
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('s3cret-key');
    expect(lines[0]).toContain('[redacted]');
  });

  it('writes one readable line per entry for a person, with a local ISO date and no JSON braces', () => {
    const { lines, logger } = capture({ level: 'info', format: 'pretty' });
    logger.error('cannot write var/shards/lyon.csv', undefined, 'CityService');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] ERROR: CityService: cannot write var\/shards\/lyon\.csv$/,
    );
  });
});

describe(requestIdFrom.name, () => {
  it('keeps a short token a client sends, and replaces anything that could forge or flood a line', () => {
    expect(requestIdFrom('test-123')).toBe('test-123');
    expect(requestIdFrom('a1b2:c3/d4+e5=')).toBe('a1b2:c3/d4+e5=');
    for (const bad of ['', 'a\nb', 'x'.repeat(129), '{"level":60}', 'é', ['a', 'b'], undefined]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
