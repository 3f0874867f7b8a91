import base from './vitest.mutation.config.ts';

// Mutation testing of packages/flow alone: its own tests, without the two
// scale instances (2,000 × 500 and 20,000 × 5,000) that take seconds per
// mutant — the brute-force and hand-made cases are what decide a mutant.
export default {
  ...base,
  test: { ...base.test, include: ['packages/flow/src/**/*.test.ts'], testNamePattern: '^(?!.*(20,000|2,000)).*$' },
};
