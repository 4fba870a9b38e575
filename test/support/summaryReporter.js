// Ends every jest run with one plain line, "N passed, N failed, N skipped", that CI can read.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`;
		process.stdout.write(`\n${line}\n`);
	}
}

module.exports = SummaryReporter;
