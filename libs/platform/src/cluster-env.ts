import { EnvChoice, EnvText } from './env-rules.js';
import { LogEnv } from './logging/log-env.js';
import { TRANSPORTS, type TransportKind } from './transport.js';

/**
 * The variables every process of the cluster reads, gateway and workers alike: its logs, and how
 * it reaches the others. Each app's env class extends it.
 */
export class ClusterEnv extends LogEnv {
  @EnvChoice(TRANSPORTS, 'tcp')
  readonly TRANSPORT!: TransportKind;

  @EnvText('nats://127.0.0.1:4222')
  readonly NATS_URL!: string;

  /** Who the process is to a NATS server that authorizes by user; empty: anonymous. */
  @EnvText('', true)
  readonly NATS_USER!: string;

  @EnvText('', true)
  readonly NATS_PASSWORD!: string;
}
