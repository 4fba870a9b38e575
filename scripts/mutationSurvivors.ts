/**
 * Why each surviving mutant survives (scripts/mutation.ts prints it in the score table). A survivor is
 * matched by its file, the code Stryker replaced and the replacement (whitespace collapsed), so an
 * explanation follows the code when lines move and stops matching when the code changes. A survivor
 * with no entry here is shown as "not explained": either write a test that kills it, simplify the
 * code it shows to be redundant, or say here why no test can tell the difference.
 */
export interface ExplainedSurvivor {
	original: string;
	replacement: string;
	why: string;
}

const EDITOR_BOUND_ONLY =
	"the lower bound of the editor's number input: n8n applies `minValue` in the editor only, not when a credential is saved through its API or used, so a run sees the stored value either way (and the transport clamps what it reads itself: `Math.max` in shared/transport.ts)";

export const explainedSurvivors: Record<string, ExplainedSurvivor[]> = {
	'credentials/RaydocsApi.credentials.ts': [
		{ original: '{ minValue: 1 }', replacement: '{}', why: EDITOR_BOUND_ONLY },
	],
	'nodes/Raydocs/resources/batch/extract.ts': [
		{
			original: '[]',
			replacement: '["Stryker was here"]',
			why: 'a stray entry in the list of uploaded files has no session: the filter that picks the files to wait for drops it before anything reads it',
		},
	],
	'nodes/Raydocs/resources/extraction/extractDocument.ts': [
		{
			original: 'started.size',
			replacement: 'true',
			why: 'with no item started the wait is for no run: it sends nothing and returns at once, and the options it reads at no item fall back to their defaults; the guard only spares that read and the credential read',
		},
	],
	'nodes/Raydocs/resources/extraction/waitForResult.ts': [
		{
			original: 'resultIds.size',
			replacement: 'true',
			why: 'with no valid result ID the wait is for no run: it sends nothing and returns at once, and the options it reads at no item fall back to their defaults; the guard only spares that read',
		},
	],
};
