/** The timing, documentation-generation variants and rate limit the fake starts with (and reset() restores). */
import type { RateLimitConfig } from './ratelimit';
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

/** Raydocs' limit: 100 requests per 60 s per client IP address. */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = { limit: 100, windowMs: 60_000 };
