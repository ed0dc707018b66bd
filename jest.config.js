/** @type {import('jest').Config} */
const swc = {
  swcrc: false,
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
  },
};

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, module: { type: 'es6' } }],
    // ml-regression-* is CommonJS that requires the ESM-only is-any-array: make both CommonJS.
    'node_modules/.+\\.js$': ['@swc/jest', { swcrc: false, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(is-any-array|ml-regression-[a-z-]+)/)'],
  moduleNameMapper: {
    '^#domain/([a-z]+)$': '<rootDir>/libs/domain/src/$1/index.ts',
    '^#contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^#platform$': '<rootDir>/libs/platform/src/index.ts',
    '^#input$': '<rootDir>/libs/input/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
