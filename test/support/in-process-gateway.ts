import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { CITY_WORKERS } from '../../apps/gateway/src/cluster/city-workers.port.js';
import { readGatewayConfig } from '../../apps/gateway/src/config/gateway-config.js';
import { GatewayModule } from '../../apps/gateway/src/gateway.module.js';
import { configureHttp } from '../../apps/gateway/src/http-setup.js';
import type { InProcessCityWorkers } from './in-process-city-workers.js';

/** The gateway's module as configured by `env`, its workers the in-process ones. */
export async function gatewayModule(
  workers: InProcessCityWorkers,
  env: Record<string, string> = {},
): Promise<TestingModule> {
  const config = readGatewayConfig({
    GATEWAY_DATA_DIR: mkdtempSync(join(tmpdir(), 'gateway-')),
    CITY_WORKERS: workers.cities.map((city, index) => `${city}=127.0.0.1:${index + 1}`).join(','),
    ...env,
  });
  const module = await Test.createTestingModule({ imports: [GatewayModule.forConfig(config)] })
    .overrideProvider(CITY_WORKERS)
    .useValue(workers)
    .compile();
  return module;
}

/**
 * The whole HTTP gateway in this process, on a free port, as `main` sets it up; the dashboard too
 * when `env` gives its built files' WEB_DIR.
 */
export async function inProcessGateway(
  workers: InProcessCityWorkers,
  env: Record<string, string> = {},
): Promise<{ app: NestExpressApplication; baseUrl: string }> {
  const module = await gatewayModule(workers, env);
  const app = module.createNestApplication<NestExpressApplication>({
    logger: false,
    forceCloseConnections: true,
  });
  configureHttp(app, env.WEB_DIR);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}` };
}
