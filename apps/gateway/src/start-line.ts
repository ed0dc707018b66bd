import type { GatewayConfig } from './config/gateway-config.js';

/** What the gateway says once it listens: where, and which cities it serves how. */
export function startLine({ host, port, cluster, auth }: GatewayConfig): string {
  const where = `http://${host === undefined ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}`;
  const named = cluster.cities.map(({ city }) => city).join(', ');
  // Over NATS a gateway may name no city: they arrive by their heartbeats.
  const cities = named === '' ? 'the cities the workers announce' : named;
  const signIn =
    auth.usersFile === undefined ? 'demo mode, no sign-in' : `sign-in: ${auth.usersFile}`;
  return `listening on ${where} (docs: /docs; ${signIn}), ${cities} over ${cluster.transport}`;
}
