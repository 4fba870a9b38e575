/* eslint-disable @n8n/community-nodes/no-restricted-imports -- reads the repository's documents; never shipped */
/** Reading Markdown as GitHub and npm render it: heading anchors and relative links, outside code. */
import { readdirSync, statSync } from 'fs';
import { join } from 'path';

const FENCED_CODE = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm;

/** Markdown without its fenced code blocks. */
export function withoutCodeBlocks(markdown: string): string {
	return markdown.replace(FENCED_CODE, '');
}

/** Text outside fenced code blocks and inline code, where links are links. */
function prose(markdown: string): string {
	return withoutCodeBlocks(markdown).replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	const withoutCode = withoutCodeBlocks(markdown);
	for (const [, text] of withoutCode.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
		const plain = text
			.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/<[^>]+>/g, '')
			.replace(/[`*_~]/g, '');
		const slug = plain
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\- ]/gu, '')
			.replace(/ /g, '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		anchors.add(count === 0 ? slug : `${slug}-${count}`);
	}
	for (const [, id] of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id);
	return anchors;
}

/** Relative link targets: `[text](target)`, `![alt](target)` and `<img src="target">`. */
export function relativeLinks(markdown: string): string[] {
	const text = prose(markdown);
	const targets = [
		...[...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]),
		...[...text.matchAll(/<img[^>]+src="([^"]+)"/g)].map((match) => match[1]),
	];
	return targets.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** Every `.md` file under a folder, at any depth. */
export function markdownFilesUnder(folder: string): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(folder)) {
		const path = join(folder, entry);
		if (statSync(path).isDirectory()) found.push(...markdownFilesUnder(path));
		else if (entry.endsWith('.md')) found.push(path);
	}
	return found;
}
