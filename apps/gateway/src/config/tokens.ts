import type { Provider } from '@nestjs/common';
import type { GatewayConfig } from './gateway-config.js';

/** One token per slice of {@link GatewayConfig}. */
export const CLUSTER_CONFIG = Symbol('CLUSTER_CONFIG');
export const CALL_TIMEOUTS = Symbol('CALL_TIMEOUTS');
export const IMPORT_CONFIG = Symbol('IMPORT_CONFIG');
export const COST_RATES = Symbol('COST_RATES');
export const SECURITY_CONFIG = Symbol('SECURITY_CONFIG');
export const SEED_CONFIG = Symbol('SEED_CONFIG');
export const LIVE_CONFIG = Symbol('LIVE_CONFIG');

export function configProviders(config: GatewayConfig): Provider[] {
  return [
    { provide: CLUSTER_CONFIG, useValue: config.cluster },
    { provide: CALL_TIMEOUTS, useValue: config.timeouts },
    { provide: IMPORT_CONFIG, useValue: config.imports },
    { provide: COST_RATES, useValue: config.costRates },
    { provide: SECURITY_CONFIG, useValue: config.security },
    { provide: SEED_CONFIG, useValue: config.seed },
    { provide: LIVE_CONFIG, useValue: config.live },
  ];
}
