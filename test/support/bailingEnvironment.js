// The test environment of mutation runs (test/support/jest.mutation.config.js): once a test has
// failed while a mutant is active, the mutant is detected, so the run's remaining tests are skipped.
// Stryker means to stop at the first failing test (its `disableBail` is off by default), but jest
// cannot be told to from code; without this every mutant reran all its covering tests, however
// early one had failed. The dry run (no mutant active) and a mutant no test detects run every test,
// so the results are the same; only the run is shorter.
const { TestEnvironment } = require('jest-environment-node');

/** Stryker names the active mutant in this variable during a mutant run (@stryker-mutator/api's ACTIVE_MUTANT_ENV_VARIABLE). */
const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';

/** Whether a test of this jest run has failed with the active mutant (never during the dry run). */
function mutantDetected() {
	const mutant = process.env[ACTIVE_MUTANT];
	return mutant !== undefined && globalThis.__mutationRun?.detected === mutant;
}

class BailingEnvironment extends TestEnvironment {
	handleTestEvent(event) {
		const mutant = process.env[ACTIVE_MUTANT];
		if (mutant === undefined) return;
		if (event.name === 'test_start' && mutantDetected()) event.test.mode = 'skip';
		if (event.name === 'test_done' && event.test.errors.length > 0) globalThis.__mutationRun.detected = mutant;
	}
}

module.exports = BailingEnvironment;
module.exports.mutantDetected = mutantDetected;
