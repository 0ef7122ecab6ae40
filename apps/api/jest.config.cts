/** Unit tests (`*.spec.ts` beside the code); integration tests have their own config (jest.int.config.cts). */
module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // ESM-only dependencies (content-disposition of @fastify/static, file-type and its readers): Node loads them
  // natively, Jest's CommonJS sandbox needs them compiled.
  transformIgnorePatterns: [
    '/node_modules/(?!(.*/)?(content-disposition|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit|htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities|escape-string-regexp|is-plain-object|supercluster|kdbush)/)',
  ],
  moduleFileExtensions: ['ts', 'js'],
  coverageDirectory: '../../coverage/apps/api',
};
