// Mutation testing (`npm run test:mutation`): StrykerJS changes the transport, helpers and trigger
// state code one small edit at a time and reruns the jest tests that cover each edit; a mutant that
// no test notices is a promise no test holds. Not part of `npm test` (it takes long on 2 cores).
//   npm run test:mutation                         all files below
//   npm run test:mutation -- --mutate <file>      one file
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'jest',
	jest: { projectType: 'custom', configFile: 'jest.config.js', enableFindRelatedTests: true },
	coverageAnalysis: 'perTest',
	mutate: [
		'nodes/**/shared/**/*.ts',
		'nodes/RaydocsTrigger/pollExtractionCompleted.ts',
		'nodes/RaydocsTrigger/pollWorkflowRunCompleted.ts',
		'nodes/RaydocsTrigger/extractionState.ts',
		'nodes/RaydocsTrigger/pollBudget.ts',
	],
	// Text meant for people (descriptions, messages) is checked where it matters by assertions on
	// it; mutating every string would mostly measure wording.
	mutator: { excludedMutations: ['StringLiteral'] },
	ignorePatterns: ['.cache', 'dist', 'coverage', 'reports', '.stryker-tmp'],
	concurrency: 2,
	timeoutMS: 60000,
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: 'reports/mutation/index.html' },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	thresholds: { high: 90, low: 85, break: null },
	tempDirName: '.stryker-tmp',
};
