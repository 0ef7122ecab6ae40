/** Integration tests (`*.int-spec.ts`): the real API against a real PostgreSQL, see test/global-setup.ts. */
module.exports = {
  displayName: 'api-integration',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // @fastify/static requires content-disposition 2, which is ESM only: Node loads it natively, Jest needs it compiled.
  transformIgnorePatterns: ['/node_modules/(?!(.*/)?content-disposition/)'],
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 30_000,
};
