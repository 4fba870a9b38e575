// The jest config of mutation runs (`npm run test:mutation`, scripts/mutation.ts): only the test files
// that mirror the mutated file, which the script passes in MUTATION_TESTS.
const base = require('../../jest.config');

const tests = (process.env.MUTATION_TESTS || '').split(',').filter(Boolean);

module.exports = {
	...base,
	rootDir: '../..',
	testMatch: tests.map((test) => `<rootDir>/${test}`),
	// Its own transform cache, kept beside the results: warm from one mutated file to the next (the
	// file is mutated in place, so paths stay the same), and gone with them for a run from scratch.
	cacheDirectory: '<rootDir>/reports/mutation/.jest-cache',
	reporters: ['default'],
	// Stop a mutant's run at its first failing test (see bailingEnvironment.js).
	// An absolute path: Stryker loads the environment itself and does not expand <rootDir>.
	testEnvironment: require.resolve('./bailingEnvironment.js'),
	globalSetup: '<rootDir>/test/support/mutationRunSetup.js',
	// ... and leave the run's remaining test files unloaded (see bailingRunner.js).
	runner: require.resolve('./bailingRunner.js'),
};
