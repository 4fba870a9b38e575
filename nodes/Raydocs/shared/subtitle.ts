import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Case, articles and spacing aside, the words of a text: "Extract document" ~ "Extract Document". */
const wordsOf = (text: string) => text.toLowerCase().split(/\s+/).filter((word) => !['a', 'an', 'the'].includes(word)).join(' ');

/**
 * The canvas subtitle: the chosen operation's name in Title Case ("Get Many"), short enough for the
 * canvas line under the node. n8n names a node added from the actions list after its action ("Get
 * many workflow runs"), so the subtitle does not repeat the action; where the operation's name says
 * what the action says ("Extract Document"), the resource goes in front ("Extraction: Extract
 * Document"), as the README names it. Built from the lists so it cannot drift; a pair it does not
 * know shows the operation's value.
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const resourceNames = new Map<string, string>();
	for (const property of properties) {
		if (property.name !== 'resource') continue;
		for (const option of (property.options ?? []) as INodePropertyOptions[]) resourceNames.set(String(option.value), option.name);
	}
	const subtitles: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		const resources = (property.displayOptions?.show?.resource ?? []) as string[];
		for (const option of (property.options ?? []) as INodePropertyOptions[]) {
			for (const resource of resources) {
				const repeatsAction = option.action !== undefined && wordsOf(option.action) === wordsOf(option.name);
				subtitles[`${resource}:${String(option.value)}`] = repeatsAction
					? `${resourceNames.get(resource) ?? resource}: ${option.name}`
					: option.name;
			}
		}
	}
	return `={{ ${JSON.stringify(subtitles)}[$parameter["resource"] + ":" + $parameter["operation"]] ?? $parameter["operation"] }}`;
}
