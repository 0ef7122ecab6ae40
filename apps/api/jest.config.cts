/** Unit tests (`*.spec.ts` beside the code); integration tests have their own config (jest.int.config.cts). */
module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // @fastify/static requires content-disposition 2, which is ESM only: Node loads it natively, Jest needs it compiled.
  transformIgnorePatterns: ['/node_modules/(?!(.*/)?content-disposition/)'],
  moduleFileExtensions: ['ts', 'js'],
  coverageDirectory: '../../coverage/apps/api',
};
