import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '#platform';
import { readGatewayConfig } from './gateway-config.js';

/** What a refused configuration says is wrong with it. */
function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    readGatewayConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('the configuration was accepted');
}

describe(readGatewayConfig.name, () => {
  it('reads the TCP workers and applies the defaults', () => {
    const config = readGatewayConfig({
      CITY_WORKERS: 'Lyon=127.0.0.1:4001, Paris=worker-paris:4002',
    });
    expect(config).toMatchObject({
      port: 3000,
      cluster: {
        transport: 'tcp',
        cities: [
          { city: 'Lyon', host: '127.0.0.1', port: 4001 },
          { city: 'Paris', host: 'worker-paris', port: 4002 },
        ],
      },
      timeouts: { reportMs: 5000 },
      imports: { maxBytes: 512 * 1024 * 1024 },
      security: { apiKey: undefined },
    });
  });

  it('needs no city over NATS: they are discovered', () => {
    expect(readGatewayConfig({ TRANSPORT: 'NATS' }).cluster.cities).toEqual([]);
  });

  it('lists every problem at once', () => {
    let caught: unknown;
    try {
      readGatewayConfig({
        CITY_WORKERS: 'Lyon=4001,Lyon=h:1,lyon=h:2',
        PORT: '0',
        REPORT_TIMEOUT_MS: 'soon',
        TRANSPORT: 'tcp',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual([
      'CITY_WORKERS entry "Lyon=4001" is not CITY=HOST:PORT',
      'CITY_WORKERS names lyon twice',
      'PORT must be a whole number from 1 to 65535, not "0"',
      'REPORT_TIMEOUT_MS must be a whole number from 1 to 600000, not "soon"',
    ]);
  });

  it('listens on the loopback without a users file, and refuses a wider HOST naming USERS_FILE', () => {
    const tcp = { CITY_WORKERS: 'Lyon=127.0.0.1:4001' };
    expect(readGatewayConfig(tcp).host).toBe('127.0.0.1');
    expect(readGatewayConfig({ ...tcp, HOST: '[::1]' }).host).toBe('::1');
    expect(() => readGatewayConfig({ ...tcp, HOST: '0.0.0.0' })).toThrow(
      /HOST=0\.0\.0\.0 would expose every figure without sign-in: set USERS_FILE/,
    );
    const signed = { ...tcp, USERS_FILE: '/etc/autoconnect/users.yml' };
    expect(readGatewayConfig(signed).host).toBeUndefined();
    expect(readGatewayConfig({ ...signed, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('reads the review recipients per city and sends nothing without SMTP_URL', () => {
    const tcp = { CITY_WORKERS: 'Lyon=127.0.0.1:4001,Saint-Étienne=127.0.0.1:4002' };
    expect(readGatewayConfig(tcp).review).toMatchObject({
      smtpUrl: undefined,
      schedule: '0 8 1W * *',
    });
    const review = readGatewayConfig({
      ...tcp,
      SMTP_URL: 'smtp://mail.example.fr:25',
      REVIEW_FROM: 'AutoConnect <rapports@example.fr>',
      REVIEW_TO: 'direction@example.fr, daf@example.fr',
      REVIEW_TO_SAINT_ETIENNE: 'se@example.fr',
    }).review;
    expect(review.management).toEqual(['direction@example.fr', 'daf@example.fr']);
    expect([...review.byCity]).toEqual([['saint-etienne', ['se@example.fr']]]);
  });

  it('refuses review settings that could not work, naming each', () => {
    const problems = problemsOf({
      CITY_WORKERS: 'Lyon=127.0.0.1:4001',
      SMTP_URL: 'mail.example.fr',
      REVIEW_TO: 'direction@example.fr;daf',
      REVIEW_SCHEDULE: '0 8 32 * *',
      REVIEW_TO_NICE: 'nice@example.fr',
    });
    expect(problems.slice(0, 2)).toEqual([
      'SMTP_URL must be smtp://host:port or smtps://host:port, not "mail.example.fr"',
      'REVIEW_TO holds what is not an e-mail address: direction@example.fr;daf',
    ]);
    expect(problems[2]).toMatch(/^REVIEW_SCHEDULE is not a cron schedule: "0 8 32 \* \*"/);
    expect(
      problemsOf({
        CITY_WORKERS: 'Lyon=127.0.0.1:4001',
        SMTP_URL: 'smtp://mail.example.fr:25',
        REVIEW_TO_NICE: 'nice@example.fr',
      }),
    ).toEqual([
      'REVIEW_FROM is required with SMTP_URL: the address the review is sent from',
      'REVIEW_TO_NICE names no city served here (served: Lyon; the variable of Lyon is REVIEW_TO_LYON)',
    ]);
  });
});
