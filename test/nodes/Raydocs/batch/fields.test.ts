import { sessionIdsField } from '../../../../nodes/Raydocs/resources/batch/fields';
import { requestSentFor } from '../../../helpers/fieldProbe';
import { useFakeRaydocs } from '../../../helpers/raydocs';

describe('Batch session IDs field', () => {
	const fake = useFakeRaydocs();
	const ids = ['770e8400-e29b-41d4-a716-446655440001', '770e8400-e29b-41d4-a716-446655440002'];

	it('sends the comma-separated IDs as the session_ids list', async () => {
		const sent = await requestSentFor(fake(), [sessionIdsField({ operation: ['probe'] }, 'Sessions')], {
			operation: 'probe',
			sessionIds: ` ${ids[0]},${ids[1]} `,
		});
		expect(sent?.body).toEqual({ session_ids: ids });
	});

	it('refuses an ID that is not a session UUID before sending', async () => {
		const sent = await requestSentFor(fake(), [sessionIdsField({ operation: ['probe'] }, 'Sessions')], {
			operation: 'probe',
			sessionIds: `${ids[0]}, batch-2`,
		});
		expect(sent).toBeUndefined();
	});
});
