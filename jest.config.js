// Jest runs every test (ESM TypeScript through ts-jest). Two projects: `unit` (pure, no Docker) and
// `integration` (real dockerd + buildx; its global setup makes the base images and finds a containerd-store
// engine). Integration suites share one engine, so `npm test` runs everything in band.

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  // sources import "./x.js" (NodeNext); jest resolves the .ts file
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
};

/** @type {import('jest').Config} */
export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/__tests__/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/__tests__/setup/global-setup.mjs',
      slowTestThreshold: 60,
    },
  ],
  reporters: ['default', '<rootDir>/scripts/jest-plain-totals.mjs'],
  testTimeout: 1_200_000,
};
