// Mutation testing of the flow solvers (docs/mutation-testing.md): `pnpm test:mutation:flow`, about 30 minutes.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['packages/flow/src/lexicographic.ts', 'packages/flow/src/primal-dual.ts', 'packages/flow/src/min-cost-flow.ts'],
  vitest: { configFile: 'vitest.mutation-flow.config.ts' },
  // A mutant that loops is a timeout (detected); five seconds is many times the longest flow test.
  timeoutMS: 5000,
  htmlReporter: { fileName: 'reports/mutation-flow/index.html' },
  jsonReporter: { fileName: 'reports/mutation-flow/mutation.json' },
};
