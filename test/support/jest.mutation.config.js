// The jest config of mutation runs (`npm run test:mutation`, scripts/mutation.ts): only the test files
// that mirror the mutated file, which the script passes in MUTATION_TESTS.
const base = require('../../jest.config');

const tests = (process.env.MUTATION_TESTS || '').split(',').filter(Boolean);

module.exports = {
	...base,
	rootDir: '../..',
	testMatch: tests.map((test) => `<rootDir>/${test}`),
	reporters: ['default'],
};
