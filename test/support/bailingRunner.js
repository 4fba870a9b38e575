// The test runner of mutation runs (test/support/jest.mutation.config.js): once a test has failed
// while a mutant is active (test/support/bailingEnvironment.js records it), the run's remaining test
// files are not even loaded. Loading a file (n8n's engine and the node's modules, anew for every
// file) costs about as much as its tests; the environment alone can only skip tests, after the load.
// Stryker runs jest in band, one file after the other, so files are run here one at a time.
const { default: TestRunner } = require('jest-runner');

const { mutantDetected } = require('./bailingEnvironment');

class BailingRunner extends TestRunner {
	async runTests(tests, watcher, options) {
		if (!options.serial) return await super.runTests(tests, watcher, options);
		for (const test of tests) {
			// A file not run reports nothing: the run's results hold the files that ran.
			if (mutantDetected()) return;
			await super.runTests([test], watcher, options);
		}
	}
}

module.exports = BailingRunner;
