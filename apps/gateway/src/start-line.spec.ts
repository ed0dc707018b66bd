import { describe, expect, it } from '@jest/globals';
import { readGatewayConfig } from './config/gateway-config.js';
import { startLine } from './start-line.js';

describe(startLine.name, () => {
  it('names where it listens and its cities; over NATS with none named, says where they come from', () => {
    expect(
      startLine(readGatewayConfig({ CITY_WORKERS: 'Lyon=127.0.0.1:4001,Paris=127.0.0.1:4002' })),
    ).toBe(
      'listening on http://127.0.0.1:3000 (docs: /docs; demo mode, no sign-in), Lyon, Paris over tcp',
    );
    expect(
      startLine(
        readGatewayConfig({
          TRANSPORT: 'nats',
          USERS_FILE: '/etc/autoconnect/users.yml',
          PORT: '3100',
        }),
      ),
    ).toBe(
      'listening on http://localhost:3100 (docs: /docs; sign-in: /etc/autoconnect/users.yml), the cities the workers announce over nats',
    );
  });
});
