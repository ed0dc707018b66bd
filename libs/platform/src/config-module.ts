import { ConfigModule } from '@nestjs/config';
import type { DynamicModule } from '@nestjs/common';

/**
 * The ConfigModule serving an app's configuration, read once from the environment through the
 * app's env class before the app is made (its transport and port are needed before any module
 * exists). Nothing else is read: no `.env` file, no later look into process.env.
 */
export function validatedConfigModule(config: object): Promise<DynamicModule> {
  return ConfigModule.forRoot({
    ignoreEnvFile: true,
    skipProcessEnv: true,
    validatePredefined: false,
    load: [() => ({ ...config })],
  });
}
