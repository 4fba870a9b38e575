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

export const explainedSurvivors: Record<string, ExplainedSurvivor[]> = {};
