/** The timing and documentation-generation variants the fake starts with (and reset() restores). */
import type { Timing, Variants } from './types';

export const DEFAULT_TIMING: Timing = {
	parseMs: 30,
	runQueuedMs: 20,
	runProcessingMs: 50,
	batchSessionStartMs: 10,
};

export const DEFAULT_VARIANTS: Variants = {
	workspacesList: 'data',
	sessionResultsList: 'data',
	chunksList: 'data',
	signedUrl: 'guide',
	signedUrlContentTypeRequired: false,
	documentStatusVocabulary: 'enum',
	workspaceIdInDocuments: 'integer',
	runInitialStatus: 'auto',
	legacyRunStatuses: false,
	inviteStatus: 'pending',
	routeForms: 'both',
	templateSchemaKey: 'either',
	listPerPage: 15,
	uploadFilenameFromStorage: 'metadata',
};
