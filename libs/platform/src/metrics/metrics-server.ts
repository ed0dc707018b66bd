import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Registry } from 'prom-client';
import { StartupRefusal } from '../env.js';

/** A listening `GET /metrics`; `close` resolves once its port is free. */
export interface MetricsEndpoint {
  close(): Promise<void>;
}

/**
 * `GET /metrics` for Prometheus on a port of its own: a worker speaks TCP frames or NATS, not
 * HTTP; the gateway's main port asks for sign-in, this one is kept inside the network.
 */
export async function serveMetrics(
  registry: Pick<Registry, 'metrics' | 'contentType'>,
  host: string,
  port: number,
): Promise<MetricsEndpoint> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('only GET /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: unknown) => response.writeHead(500).end(`${String(error)}\n`),
    );
  });
  server.listen(port, host);
  try {
    await once(server, 'listening');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartupRefusal(
        `METRICS_PORT ${port} is taken by another program: stop it, or choose another METRICS_PORT`,
      );
    }
    throw error;
  }
  return {
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
