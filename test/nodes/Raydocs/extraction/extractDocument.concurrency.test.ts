import { extractDocumentParameters, fileItem, requestLines, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';

/**
 * "N documents take about as long as the slowest one": every item's run is started before the node
 * waits for any of them, so Raydocs processes them side by side.
 */
describe('Raydocs → Extraction → Extract Document with several items', () => {
	const fake = useFakeRaydocs();

	it('starts every run before it waits for the first, and returns each item paired', async () => {
		const input = [0, 1, 2, 3, 4].map((index) => fileItem(`%PDF concurrent ${index}`, `c${index}.pdf`));
		const { items, error } = await runRaydocs(fake(), extractDocumentParameters(fake()), { input });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json.status])).toEqual(
			input.map((_, index) => [{ item: index }, 'completed']),
		);
		const lines = requestLines(fake());
		const runStarts = lines.flatMap((line, index) => (/^POST \/extractions\/sessions\/[^/]+\/results$/.test(line) ? [index] : []));
		const firstWait = lines.findIndex((line) => line.startsWith('GET '));
		expect(runStarts).toHaveLength(5);
		expect(firstWait).toBeGreaterThan(Math.max(...runStarts));
	});
});
