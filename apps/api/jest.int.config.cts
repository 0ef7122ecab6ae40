/** Integration tests (`*.int-spec.ts`): the real API against a real PostgreSQL, see test/global-setup.ts. */
module.exports = {
  displayName: 'api-integration',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // ESM-only dependencies (content-disposition of @fastify/static, file-type and its readers): Node loads them
  // natively, Jest's CommonJS sandbox needs them compiled.
  transformIgnorePatterns: [
    '/node_modules/(?!(.*/)?(content-disposition|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit|htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities|escape-string-regexp|is-plain-object|supercluster|kdbush)/)',
  ],
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 30_000,
};
