export const TRANSPORTS = ['tcp', 'nats'] as const;
export type TransportKind = (typeof TRANSPORTS)[number];

/** Who a process is to a NATS server that authorizes by user (NATS_USER, NATS_PASSWORD). */
export interface NatsCredentials {
  readonly user: string;
  readonly pass: string;
}

/** The credentials NATS_USER and NATS_PASSWORD give; none when NATS_USER is empty. */
export function natsCredentialsOf(user: string, password: string): NatsCredentials | undefined {
  return user === '' ? undefined : { user, pass: password };
}

/**
 * NATS connection options shared by gateway and workers. The client's default gives up after 10
 * reconnect attempts; a long-running service must outlive a broker restart, so it never gives up.
 */
export function natsConnection(
  url: string,
  name: string,
  credentials?: NatsCredentials,
): Record<string, unknown> {
  return {
    servers: url.split(',').map((server) => server.trim()),
    name,
    ...credentials,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // A connection whose peer went away without a word (a host cut off) is found dead within
    // ~6 s, not the 4 minutes of the client's defaults: until then it is neither used nor replaced.
    pingInterval: 3000,
    maxPingOut: 2,
    waitOnFirstConnect: true,
  };
}
