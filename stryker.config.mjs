// StrykerJS settings for `npm run test:mutation`, which runs it once per file against that file's
// direct tests (see scripts/mutation.ts); `mutate`, the tests and the results file come from there.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'jest',
	// The jest config runs only the mutated file's direct tests already; jest's related-test search
	// would only lose operation tests, which reach the file through the node (outside jest's roots).
	jest: { projectType: 'custom', configFile: 'test/support/jest.mutation.config.js', enableFindRelatedTests: false },
	coverageAnalysis: 'perTest',
	// Text meant for people (descriptions, messages) is checked where it matters by assertions on
	// it; mutating every string would mostly measure wording.
	mutator: { excludedMutations: ['StringLiteral'] },
	ignorePatterns: ['.cache', 'dist', 'coverage', 'reports', '.stryker-tmp'],
	// Mutants in code that runs once at load (the node's descriptions) would each rerun every test;
	// their effect is checked by the description and README tests instead. scripts/mutation.ts turns
	// them on for the few declarations n8n reads on every request (MUTATION_STATIC=scored).
	ignoreStatic: process.env.MUTATION_STATIC !== 'scored',
	// Reuses earlier results for mutants whose code and covering tests did not change.
	incremental: true,
	concurrency: 2,
	// A mutant that makes a wait never end counts as detected once it runs this much longer than 1.5
	// times its covering tests took in the initial run, plus that run's overhead (Stryker's default).
	timeoutMS: 5000,
	reporters: ['clear-text', 'progress-append-only'],
	thresholds: { high: 90, low: 85, break: null },
	tempDirName: '.stryker-tmp',
	// The mutated file is instrumented in the checkout itself (the original is backed up in
	// .stryker-tmp and restored at the end, or on Ctrl-C): no sandbox copy per file, and jest's
	// transform cache, keyed by path, stays warm from one file to the next. Runs must therefore be
	// one at a time (scripts/mutation.ts runs the files in turn).
	inPlace: true,
	// Type checking is not part of a jest run here (ts-jest with isolatedModules): leave test files untouched.
	disableTypeChecks: false,
};
