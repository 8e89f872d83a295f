/** @swc/jest strips types only; `npm test` runs `tsc --noEmit` first for the type check. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  // CI machines have 2 cores and run builds alongside: generous per-test time, speed lives in bench/.
  // `npm test` runs 3 workers on 2 cores: the browser journeys mostly wait (timers, page transitions),
  // so three at a time take ≈ 5 min instead of ≈ 13 min one by one.
  testTimeout: 30_000,
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  projects: [
    {
      displayName: 'domain',
      testMatch: ['<rootDir>/test/domain/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      testEnvironment: 'node',
    },
    {
      displayName: 'functions',
      testMatch: ['<rootDir>/test/functions/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      testEnvironment: 'node',
    },
    {
      displayName: 'contract',
      testMatch: ['<rootDir>/test/contract/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      testEnvironment: 'node',
    },
    {
      displayName: 'build',
      testMatch: ['<rootDir>/test/build/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      testEnvironment: 'node',
    },
    // Journeys walk the H5 build by taps from the app's root, on a phone, at a fixed clock (issue 9).
    {
      displayName: 'journeys',
      testMatch: ['<rootDir>/test/journeys/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      testEnvironment: 'node',
    },
  ],
};
