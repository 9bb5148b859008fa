/** Jest projects, one per folder of the code base. See README "Tests". */
// Suites not about calling windows must not depend on the hour they run: the servers they start
// call around the clock unless a test stores its own window (docs/domain.md «Customer time and calling windows»).
process.env.CALLING_WINDOW ??= '00:00-24:00';
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
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(sip\\.js)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};
const project = (name, extra = {}) => ({
  ...common,
  displayName: name,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts?(x)`],
  ...extra,
});

module.exports = {
  reporters: ['default', ['<rootDir>/test/tooling/summary-reporter.js', { outputFile: '.ci/jest-results.json' }]],
  projects: [
    project('tooling'),
    project('shared'),
    project('server'),
    project('main'),
    project('renderer', {
      testEnvironment: 'jsdom',
      setupFilesAfterEnv: ['<rootDir>/test/renderer/setup.ts'],
    }),
    project('e2e'),
  ],
};
