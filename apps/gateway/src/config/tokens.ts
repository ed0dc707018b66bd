import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { GatewayConfig } from './gateway-config.js';

/** One token per slice of {@link GatewayConfig}. */
export const CLUSTER_CONFIG = Symbol('CLUSTER_CONFIG');
export const CALL_TIMEOUTS = Symbol('CALL_TIMEOUTS');
export const IMPORT_CONFIG = Symbol('IMPORT_CONFIG');
export const COST_RATES = Symbol('COST_RATES');
export const SECURITY_CONFIG = Symbol('SECURITY_CONFIG');
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
export const METRICS_LISTENER = Symbol('METRICS_LISTENER');
export const SEED_CONFIG = Symbol('SEED_CONFIG');
export const LIVE_CONFIG = Symbol('LIVE_CONFIG');
export const REPORT_CACHE_SIZE = Symbol('REPORT_CACHE_SIZE');
export const REVIEW_CONFIG = Symbol('REVIEW_CONFIG');

const SLICES = [
  [CLUSTER_CONFIG, 'cluster'],
  [CALL_TIMEOUTS, 'timeouts'],
  [IMPORT_CONFIG, 'imports'],
  [COST_RATES, 'costRates'],
  [SECURITY_CONFIG, 'security'],
  [AUTH_CONFIG, 'auth'],
  [METRICS_LISTENER, 'metrics'],
  [SEED_CONFIG, 'seed'],
  [LIVE_CONFIG, 'live'],
  [REPORT_CACHE_SIZE, 'reportCacheBytes'],
  [REVIEW_CONFIG, 'review'],
] as const satisfies readonly (readonly [symbol, keyof GatewayConfig])[];

/** Each slice as its own provider, taken from the ConfigModule's validated configuration. */
export const CONFIG_SLICES: Provider[] = SLICES.map(([token, key]) => ({
  provide: token,
  useFactory: (config: ConfigService<GatewayConfig, true>) =>
    config.getOrThrow<GatewayConfig[typeof key]>(key),
  inject: [ConfigService],
}));
