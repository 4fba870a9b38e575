/** Configuration fingerprints a template's parsings and runs carry. */
import type { Template } from './types';
import { isRecord, sha256Hex } from './util';

/** Fingerprint of the parsing configuration, in the docs' short form ('cfg_9eeae65063f17f55'). */
export function parsingConfigHash(template: Template | undefined): string {
	const parsing = template && isRecord(template.settings.parsing) ? template.settings.parsing : {};
	return `cfg_${sha256Hex(JSON.stringify(parsing)).slice(0, 16)}`;
}

/** Fingerprint of the extraction configuration (64 hex, as in the run-extraction example). */
export function runConfigHash(template: Template): string {
	return sha256Hex(JSON.stringify({ schema: template.schemaJson, settings: template.settings }));
}
