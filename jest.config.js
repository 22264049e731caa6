/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  globalSetup: '<rootDir>/test/support/globalSetup.js',
  // Browser globals jsdom lacks, for the component tests.
  setupFiles: ['<rootDir>/test/support/jsdomGlobals.ts'],
  testTimeout: 120000,
};
