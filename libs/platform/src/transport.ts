export const TRANSPORTS = ['tcp', 'nats'] as const;
export type TransportKind = (typeof TRANSPORTS)[number];

/**
 * NATS connection options shared by gateway and workers. The client's default gives up after 10
 * reconnect attempts; a long-running service must outlive a broker restart, so it never gives up.
 */
export function natsConnection(url: string, name: string): Record<string, unknown> {
  return {
    servers: url.split(',').map((server) => server.trim()),
    name,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
  };
}
