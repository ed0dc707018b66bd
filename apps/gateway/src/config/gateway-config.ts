import type { CostRates } from '#domain/query';
import {
  ConfigError,
  logConfigOf,
  natsCredentialsOf,
  validateEnv,
  type Environment,
  type LogConfig,
  type NatsCredentials,
  type TransportKind,
} from '#platform';
import { parseCityWorkers, splitList, type CityEndpoint } from './city-list.js';
import { GatewayEnv } from './gateway-env.js';
import { reviewConfigOf, type ReviewConfig } from './review-config.js';

export type { CityEndpoint };

/** How the gateway reaches its workers. */
export interface ClusterConfig {
  readonly transport: TransportKind;
  readonly cities: readonly CityEndpoint[];
  readonly natsUrl: string;
  readonly natsCredentials?: NatsCredentials;
  /** A city learnt from heartbeats and silent this long is no longer served. */
  readonly forgetSilentMs: number;
  /** To a city served by replicas, an unanswered call is sent again after this long. */
  readonly replicaAttemptMs: number;
}

/** How long each kind of call to a worker may take. */
export interface CallTimeouts {
  readonly reportMs: number;
  /** How long a city may take before a `partial=true` answer goes without it. */
  readonly partialMs: number;
  readonly statusMs: number;
  readonly ingestMs: number;
}

export interface ImportConfig {
  readonly maxBytes: number;
  readonly batchRows: number;
  /** Bytes of CSV per batch at most (NATS refuses messages over its max_payload, 1 MiB by default). */
  readonly batchBytes: number;
  readonly maxInFlight: number;
  /** Characters a record may hold; a longer one is refused by its line (RECORD_TOO_LONG). */
  readonly maxRecordBytes: number;
}

export interface SecurityConfig {
  /** Required in `x-api-key` by the write endpoints when set. */
  readonly apiKey: string | undefined;
  /** Write requests allowed per client and minute. */
  readonly writesPerMinute: number;
  /** Host names (lower case, no port) the gateway answers to; empty: any. */
  readonly allowedHosts: readonly string[];
}

/** Who may sign in, and how long what they are given lasts. */
export interface AuthConfig {
  /** The users file; undefined: demo mode (no sign-in, loopback only). */
  readonly usersFile: string | undefined;
  /** Where the API tokens and the audit trail are kept. */
  readonly dataDir: string;
  readonly sessionIdleMs: number;
  readonly sessionMaxAgeMs: number;
}

/** Where Prometheus scrapes the gateway without signing in; port 0: nowhere. */
export interface MetricsListener {
  readonly host: string | undefined;
  readonly port: number;
}

export interface SeedConfig {
  /** A CSV imported at start when the cities are up and empty; empty: none. */
  readonly file: string;
  readonly cities: readonly string[];
}

export interface LiveConfig {
  /** How often the cities are asked for their state while a dashboard listens to /events. */
  readonly watchMs: number;
  /** Open `/events` streams at most, in total and per client address. */
  readonly maxStreams: number;
  readonly maxStreamsPerClient: number;
  /** How long a stream stays open before it is closed (the browser reconnects). */
  readonly maxStreamAgeMs: number;
}

/** Each slice is injected on its own (config/config-slices.ts): a class sees only what it uses. */
export interface GatewayConfig {
  readonly port: number;
  /** The address listened on; undefined: every interface. */
  readonly host: string | undefined;
  readonly cluster: ClusterConfig;
  readonly timeouts: CallTimeouts;
  readonly imports: ImportConfig;
  readonly costRates: CostRates;
  readonly security: SecurityConfig;
  readonly auth: AuthConfig;
  readonly metrics: MetricsListener;
  readonly seed: SeedConfig;
  readonly live: LiveConfig;
  /** The dashboard's built files, served at `/`. */
  readonly webDir: string;
  readonly logging: LogConfig;
  /** Built reports kept, by the size of their JSON. */
  readonly reportCacheBytes: number;
  readonly review: ReviewConfig;
}

/** The gateway's configuration from its environment, validated by {@link GatewayEnv}. */
export function readGatewayConfig(env: Environment): GatewayConfig {
  const vars = validateEnv(GatewayEnv, env);
  const usersFile = vars.USERS_FILE === '' ? undefined : vars.USERS_FILE;
  const host = listenAddress(vars.HOST.trim(), usersFile);
  const cities =
    vars.TRANSPORT === 'tcp'
      ? parseCityWorkers(vars.CITY_WORKERS).endpoints
      : splitList(vars.CITIES).map((city) => ({ city, host: '', port: 0 }));
  return {
    port: vars.PORT,
    host,
    metrics: { host, port: vars.METRICS_PORT },
    cluster: {
      transport: vars.TRANSPORT,
      cities,
      natsUrl: vars.NATS_URL,
      natsCredentials: natsCredentialsOf(vars.NATS_USER, vars.NATS_PASSWORD),
      forgetSilentMs: vars.FORGET_SILENT_CITY_MS,
      replicaAttemptMs: vars.REPLICA_ATTEMPT_MS,
    },
    timeouts: {
      reportMs: vars.REPORT_TIMEOUT_MS,
      partialMs: Math.min(vars.PARTIAL_TIMEOUT_MS, vars.REPORT_TIMEOUT_MS),
      statusMs: vars.STATUS_TIMEOUT_MS,
      ingestMs: vars.INGEST_TIMEOUT_MS,
    },
    imports: {
      maxBytes: vars.MAX_IMPORT_BYTES,
      batchRows: vars.IMPORT_BATCH_ROWS,
      batchBytes: vars.IMPORT_BATCH_BYTES,
      maxInFlight: vars.IMPORT_MAX_IN_FLIGHT,
      maxRecordBytes: vars.MAX_RECORD_BYTES,
    },
    costRates: { sale: vars.SALE_COST_RATE, rental: vars.RENTAL_COST_RATE },
    security: {
      apiKey: vars.API_KEY === '' ? undefined : vars.API_KEY,
      writesPerMinute: vars.WRITES_PER_MINUTE,
      allowedHosts:
        vars.ALLOWED_HOSTS.trim() === '*' ? [] : splitList(vars.ALLOWED_HOSTS.toLowerCase()),
    },
    auth: {
      usersFile,
      dataDir: vars.GATEWAY_DATA_DIR,
      sessionIdleMs: vars.SESSION_IDLE_MS,
      sessionMaxAgeMs: vars.SESSION_MAX_AGE_MS,
    },
    seed: { file: vars.SEED_FILE, cities: splitList(vars.SEED_CITIES) },
    live: {
      watchMs: vars.LIVE_WATCH_MS,
      maxStreams: vars.SSE_MAX_STREAMS,
      maxStreamsPerClient: vars.SSE_MAX_STREAMS_PER_CLIENT,
      maxStreamAgeMs: vars.SSE_MAX_AGE_MS,
    },
    webDir: vars.WEB_DIR,
    logging: logConfigOf(vars),
    reportCacheBytes: vars.REPORT_CACHE_BYTES,
    review: reviewConfigOf(
      env,
      vars,
      cities.map(({ city }) => city),
    ),
  };
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i;

/**
 * Where to listen: without a users file nobody signs in, so only this machine may reach the
 * gateway; a wider address is refused at start rather than exposing every figure.
 */
function listenAddress(host: string, usersFile: string | undefined): string | undefined {
  if (usersFile !== undefined) return host === '' ? undefined : host;
  if (host === '') return '127.0.0.1';
  if (!LOOPBACK.test(host)) {
    throw new ConfigError([
      `HOST=${host} would expose every figure without sign-in: set USERS_FILE (npm run users -- add NAME --role admin), or listen on the loopback (HOST=127.0.0.1)`,
    ]);
  }
  return host.replace(/^\[(.*)\]$/, '$1');
}
