// globalSetup of mutation runs: a fresh record for each jest run (Stryker runs jest once per mutant,
// in band, in the same process), read by test/support/bailingEnvironment.js.
module.exports = () => {
	globalThis.__mutationRun = { detected: undefined };
};
