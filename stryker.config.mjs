// StrykerJS settings for `npm run test:mutation`, which runs it once per file against that file's
// direct tests (see scripts/mutation.ts); `mutate`, the tests and the results file come from there.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'jest',
	jest: { projectType: 'custom', configFile: 'test/support/jest.mutation.config.js', enableFindRelatedTests: true },
	coverageAnalysis: 'perTest',
	// Text meant for people (descriptions, messages) is checked where it matters by assertions on
	// it; mutating every string would mostly measure wording.
	mutator: { excludedMutations: ['StringLiteral'] },
	ignorePatterns: ['.cache', 'dist', 'coverage', 'reports', '.stryker-tmp'],
	// Mutants in code that runs once at load (the node's descriptions) would each rerun every test;
	// their effect is checked by the description and README tests instead.
	ignoreStatic: true,
	// Reuses earlier results for mutants whose code and covering tests did not change.
	incremental: true,
	concurrency: 2,
	// A mutant that makes a wait never end counts as detected once it runs this much over.
	timeoutMS: 10000,
	reporters: ['clear-text', 'progress-append-only'],
	thresholds: { high: 90, low: 85, break: null },
	tempDirName: '.stryker-tmp',
};
