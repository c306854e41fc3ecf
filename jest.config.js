/** @type {import('jest').Config} */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }];
const shared = { '^@shared/(.*)$': '<rootDir>/shared/src/$1' };

module.exports = {
  // Jest reads testTimeout from here only (a project's own is ignored: integration tests ran with 5 s, and timed out on a
  // busy DynamoDB Local). Unit tests finish in milliseconds; e2e steps set their own waits.
  testTimeout: 30_000,
  // DynamoDB Local is started once for the run and stopped at its end, by process id.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: shared,
      setupFiles: ['<rootDir>/test/support/quiet-sdk-node-warning.ts', '<rootDir>/test/support/powertools-dev.ts'],
      testMatch: ['<rootDir>/{functions,shared,scripts}/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '/node_modules/'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testTimeout: 30_000,
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: shared,
      setupFiles: ['<rootDir>/test/support/quiet-sdk-node-warning.ts', '<rootDir>/test/support/powertools-dev.ts'],
      testMatch: ['<rootDir>/{functions,scripts,test}/**/*.int.test.ts'],
    },
    {
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: {
        ...shared,
        '^@tarojs/taro$': '<rootDir>/miniprogram/test/mocks/taro.ts',
        '^@tarojs/components$': '<rootDir>/miniprogram/test/mocks/components.tsx',
        // stylesheets imported by components and pages: nothing to test in jsdom
        '\\.css$': '<rootDir>/miniprogram/test/mocks/style.ts',
      },
      testMatch: ['<rootDir>/miniprogram/src/**/*.test.{ts,tsx}'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      // A journey is many steps, each waiting up to 15 s for the page (first requests bundle handlers).
      testTimeout: 120_000,
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: shared,
      setupFiles: ['<rootDir>/test/support/quiet-sdk-node-warning.ts', '<rootDir>/test/support/powertools-dev.ts'],
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
    },
  ],
};
