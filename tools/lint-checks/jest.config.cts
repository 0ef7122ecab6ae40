/** Checks that the lint rules of STYLE.md really fail on what they forbid (a rule that never fires is no rule). */
module.exports = {
  displayName: 'lint-checks',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'mjs'],
  testTimeout: 60_000,
};
