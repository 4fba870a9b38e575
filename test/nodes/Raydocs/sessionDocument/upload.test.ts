import { apiRequests, fileItem, runRaydocs, useFakeRaydocs } from '../../../helpers/raydocs';
import { newSession } from './sessions';

describe('Raydocs → Session Document → Upload', () => {
	const fake = useFakeRaydocs();

	it('registers each file under its own name and outputs one item per document', async () => {
		fake().setVariant('uploadFilenameFromStorage', 'ignore');
		const sessionId = await newSession(fake());
		const item = fileItem('%PDF one', 'Lieferschein 1.pdf', 'application/pdf', 'a');
		item.binary!.b = fileItem('%PDF two', 'two.pdf').binary!.data;
		const { items, error } = await runRaydocs(
			fake(),
			{ resource: 'sessionDocument', operation: 'upload', sessionId, allBinaries: true },
			{ input: [item] },
		);
		expect(error).toBeUndefined();
		expect(items.map((entry) => [entry.json.filename, entry.json.extraction_session_id, entry.pairedItem])).toEqual([
			['Lieferschein 1.pdf', sessionId, { item: 0 }],
			['two.pdf', sessionId, { item: 0 }],
		]);
		expect(apiRequests(fake()).map((entry) => entry.endpoint)).toEqual([
			'POST /vapor/signed-storage-url',
			'POST /vapor/signed-storage-url',
			'POST /extractions/sessions/{sessionId}/documents',
			'POST /extractions/sessions/{sessionId}/documents',
		]);
		expect(fake().state.documents.map((document) => document.filename).sort()).toEqual(['Lieferschein 1.pdf', 'two.pdf']);
	});

	it('uploads the files of every input item, each paired with its item', async () => {
		const sessionId = await newSession(fake());
		const { items } = await runRaydocs(
			fake(),
			{ resource: 'sessionDocument', operation: 'upload', sessionId, allBinaries: false, binaryPropertyName: 'data' },
			{ input: [fileItem('%PDF first', 'first.pdf'), fileItem('%PDF second', 'second.pdf')] },
		);
		expect(items.map((entry) => [entry.json.filename, entry.pairedItem])).toEqual([
			['first.pdf', { item: 0 }],
			['second.pdf', { item: 1 }],
		]);
	});

	it('refuses a session ID that is not a UUID before uploading anything', async () => {
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'sessionDocument', operation: 'upload', sessionId: 'my session', allBinaries: true },
			{ input: [fileItem('%PDF one', 'one.pdf')] },
		);
		expect(error?.message).toBe('Session ID "my session" is not valid: Raydocs session IDs are UUIDs');
		expect(fake().log).toHaveLength(0);
	});

	it('stops at the first failing item without Continue On Fail: nothing of the next item is sent', async () => {
		const sessionId = await newSession(fake());
		const { error } = await runRaydocs(
			fake(),
			{ resource: 'sessionDocument', operation: 'upload', sessionId: '={{ $json.session }}', allBinaries: false, binaryPropertyName: 'data' },
			{ input: [fileItem('%PDF bad', 'bad.pdf', 'application/pdf', 'data', { session: 'nope' }), fileItem('%PDF good', 'good.pdf', 'application/pdf', 'data', { session: sessionId })] },
		);
		expect(error?.message).toBe('Session ID "nope" is not valid: Raydocs session IDs are UUIDs');
		expect(fake().log).toHaveLength(0);
	});

	it('with Continue On Fail, the failing item becomes an error item and the next one is uploaded', async () => {
		const sessionId = await newSession(fake());
		const { items, error } = await runRaydocs(
			fake(),
			{ resource: 'sessionDocument', operation: 'upload', sessionId: '={{ $json.session }}', allBinaries: false, binaryPropertyName: 'data' },
			{
				input: [
					fileItem('%PDF bad', 'bad.pdf', 'application/pdf', 'data', { session: 'nope' }),
					fileItem('%PDF good', 'good.pdf', 'application/pdf', 'data', { session: sessionId }),
				],
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(items.map((entry) => [entry.json.error ?? entry.json.filename, entry.pairedItem])).toEqual([
			['Session ID "nope" is not valid: Raydocs session IDs are UUIDs', { item: 0 }],
			['good.pdf', { item: 1 }],
		]);
	});
});
