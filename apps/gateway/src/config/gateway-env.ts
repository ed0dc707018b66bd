import { fileURLToPath } from 'node:url';
import { ValidateIf } from 'class-validator';
import { DEFAULT_MAX_RECORD_CHARS } from '#domain/ingest';
import { DEFAULT_COST_RATES } from '#domain/query';
import { ClusterEnv, EnvChoice, EnvInteger, EnvNumber, EnvRule, EnvText } from '#platform';
import { duplicateCity, parseCityWorkers, splitList } from './city-list.js';
import { badAddresses, isSender, isSmtpUrl, scheduleProblem } from './review-env-rules.js';

/** The first working day of the month at 08:00 (croner's `W`: the weekday nearest the 1st, in the month). */
export const DEFAULT_REVIEW_SCHEDULE = '0 8 1W * *';

/** Where `npm run build` puts the dashboard, seen from this file built (dist/apps/gateway/src/config). */
const BUILT_WEB_DIR = fileURLToPath(new URL('../../../../web', import.meta.url));

const MIB = 1024 * 1024;

const overTcp = (env: GatewayEnv): boolean => env.TRANSPORT === 'tcp';

/** Every variable the gateway reads, with its default and its rule (README, "Configuration"). */
export class GatewayEnv extends ClusterEnv {
  @ValidateIf(overTcp)
  @EnvText()
  @EnvRule(
    'cityWorkers',
    (value) => parseCityWorkers(String(value)).malformed.length === 0,
    (_, value) =>
      parseCityWorkers(String(value))
        .malformed.map((entry) => `CITY_WORKERS entry "${entry}" is not CITY=HOST:PORT`)
        .join('; '),
  )
  @EnvRule(
    'uniqueCities',
    (value) => duplicateCity(parseCityWorkers(String(value)).cities) === undefined,
    (_, value) =>
      `CITY_WORKERS names ${duplicateCity(parseCityWorkers(String(value)).cities) ?? ''} twice`,
  )
  readonly CITY_WORKERS!: string;

  /** Over NATS the cities may also, or only, be discovered from the workers' heartbeats. */
  @EnvText('', true)
  @EnvRule(
    'uniqueCities',
    (value) => duplicateCity(splitList(String(value))) === undefined,
    (_, value) => `CITIES names ${duplicateCity(splitList(String(value))) ?? ''} twice`,
  )
  readonly CITIES!: string;

  @EnvInteger(3000, 1, 65535)
  readonly PORT!: number;

  /**
   * The address the gateway listens on. Empty: the loopback (127.0.0.1) without USERS_FILE, every
   * interface with it. Without USERS_FILE, only a loopback address is accepted.
   */
  @EnvText('', true)
  readonly HOST!: string;

  /** The users and their roles (README, "Sign-in and roles"). Empty: demo mode, no sign-in. */
  @EnvText('', true)
  readonly USERS_FILE!: string;

  /** The gateway's own durable files: the API tokens and the audit trail. */
  @EnvText('var/gateway')
  readonly GATEWAY_DATA_DIR!: string;

  /** A session unused this long is closed. */
  @EnvInteger(30 * 60_000, 60_000, 7 * 86_400_000)
  readonly SESSION_IDLE_MS!: number;

  /** A session is closed this long after its sign-in, used or not. */
  @EnvInteger(12 * 3_600_000, 60_000, 30 * 86_400_000)
  readonly SESSION_MAX_AGE_MS!: number;

  /**
   * A second listener for Prometheus, on HOST, serving GET /metrics only and without sign-in (a
   * port kept inside the deployment's network, as the workers'). 0: none; GET /metrics on PORT
   * stays, for admins.
   */
  @EnvInteger(0, 0, 65535)
  readonly METRICS_PORT!: number;

  /** NATS: a city learnt from heartbeats (not in CITIES) and silent this long is forgotten. */
  @EnvInteger(60_000, 1000, 86_400_000)
  readonly FORGET_SILENT_CITY_MS!: number;

  /**
   * NATS, a city served by replicas (JetStream): a call they leave unanswered this long is sent
   * again (to any of them), within the call's own timeout.
   */
  @EnvInteger(2000, 100, 600_000)
  readonly REPLICA_ATTEMPT_MS!: number;

  @EnvInteger(5000, 1, 600_000)
  readonly REPORT_TIMEOUT_MS!: number;

  /** Built reports kept for the next same query, by the size of their JSON. */
  @EnvInteger(64 * MIB, 1024, 16 * 1024 * MIB)
  readonly REPORT_CACHE_BYTES!: number;

  /**
   * With `partial=true`, a city silent this long is left out rather than waited for: above the
   * readers' p99 measured during a 1M-row import (352–426 ms, bench:load), and short enough for
   * the page to show the other cities within 2 s.
   */
  @EnvInteger(500, 1, 600_000)
  readonly PARTIAL_TIMEOUT_MS!: number;

  @EnvInteger(1000, 1, 60_000)
  readonly STATUS_TIMEOUT_MS!: number;

  @EnvInteger(30_000, 1, 600_000)
  readonly INGEST_TIMEOUT_MS!: number;

  @EnvInteger(512 * MIB, 1, 64 * 1024 * MIB)
  readonly MAX_IMPORT_BYTES!: number;

  @EnvInteger(5000, 1, 100_000)
  readonly IMPORT_BATCH_ROWS!: number;

  @EnvInteger(512 * 1024, 1024, 64 * MIB)
  readonly IMPORT_BATCH_BYTES!: number;

  @EnvInteger(6, 1, 256)
  readonly IMPORT_MAX_IN_FLIGHT!: number;

  @EnvInteger(DEFAULT_MAX_RECORD_CHARS, 256, 16 * MIB)
  readonly MAX_RECORD_BYTES!: number;

  @EnvNumber(DEFAULT_COST_RATES.sale, 0, 10)
  readonly SALE_COST_RATE!: number;

  @EnvNumber(DEFAULT_COST_RATES.rental, 0, 10)
  readonly RENTAL_COST_RATE!: number;

  /**
   * An admin credential for scripts (`x-api-key`, or `Authorization: Bearer`). In demo mode,
   * writes need it when set; empty: writes need no key.
   */
  @EnvText('', true)
  readonly API_KEY!: string;

  @EnvInteger(120, 1, 1_000_000)
  readonly WRITES_PER_MINUTE!: number;

  /** The mail server the monthly review is sent through (`smtp://host:port`). Empty: none is sent. */
  @EnvText('', true)
  @EnvRule(
    'smtpUrl',
    (value) => value === '' || isSmtpUrl(String(value)),
    (property, value) =>
      `${property} must be smtp://host:port or smtps://host:port, not "${String(value)}"`,
  )
  readonly SMTP_URL!: string;

  /** The review's sender, `Name <address>` or an address; required with SMTP_URL. */
  @EnvText('', true)
  @EnvRule(
    'sender',
    (value) => value === '' || isSender(String(value)),
    (property, value) =>
      `${property} must be an e-mail address or "Name <address>", not "${String(value)}"`,
  )
  readonly REVIEW_FROM!: string;

  /** The management's addresses (comma list): each gets the company's review. */
  @EnvText('', true)
  @EnvRule(
    'addresses',
    (value) => badAddresses(String(value)).length === 0,
    (property, value) =>
      `${property} holds what is not an e-mail address: ${badAddresses(String(value)).join(', ')}`,
  )
  readonly REVIEW_TO!: string;

  /**
   * When the review of the month just closed is sent, in cron syntax (5 fields, or 6 with seconds
   * first), in Europe/Paris time. The default is the first working day (Monday to Friday) of the
   * month at 08:00.
   */
  @EnvText(DEFAULT_REVIEW_SCHEDULE)
  @EnvRule(
    'cron',
    (value) => scheduleProblem(String(value)) === undefined,
    (property, value) =>
      `${property} is not a cron schedule: "${String(value)}" (${scheduleProblem(String(value)) ?? ''})`,
  )
  readonly REVIEW_SCHEDULE!: string;

  /** A review the mail server refused is tried again after this, doubling up to an hour, 8 times. */
  @EnvInteger(60_000, 100, 3_600_000)
  readonly REVIEW_RETRY_MS!: number;

  /** `fr`: a scheduled review that falls on a French public holiday waits for the next working day. */
  @EnvChoice(['fr', 'none'], 'fr')
  readonly REVIEW_HOLIDAYS!: string;

  /**
   * The host names the gateway answers to (the `Host` header, port aside): a page of another
   * site that rebinds its own name to this address is refused. `*`: any (behind a proxy that
   * checks it).
   */
  @EnvText('localhost,127.0.0.1,[::1]')
  readonly ALLOWED_HOSTS!: string;

  /** Empty: no seeding. */
  @EnvText('', true)
  readonly SEED_FILE!: string;

  @EnvText('Lyon,Paris,Marseille', true)
  readonly SEED_CITIES!: string;

  @EnvInteger(1000, 100, 60_000)
  readonly LIVE_WATCH_MS!: number;

  /** Open `/events` streams at most, all clients together: each holds a descriptor. */
  @EnvInteger(200, 1, 100_000)
  readonly SSE_MAX_STREAMS!: number;

  /** Open `/events` streams at most per client address (a few tabs of the dashboard). */
  @EnvInteger(8, 1, 100_000)
  readonly SSE_MAX_STREAMS_PER_CLIENT!: number;

  /** A stream is closed after this long; the browser's EventSource opens a new one by itself. */
  @EnvInteger(3_600_000, 1000, 86_400_000)
  readonly SSE_MAX_AGE_MS!: number;

  @EnvText(BUILT_WEB_DIR)
  readonly WEB_DIR!: string;
}
