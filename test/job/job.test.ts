/** Job status through n8n against the sandbox: the job of a ticket created in the background. */
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('job', { contacts: 3, conversations: 0, articles: 0, companies: 0, tickets: 1 });

describe('job status', () => {
	it('reports a queued ticket job: pending, then success with the ticket it made', async () => {
		const ws = node.sb().workspace;
		const type = [...ws.ticketTypes.values()].find((t) => t.category === 'Customer')!;
		const contact = ws.contacts.all()[0];
		// Freeze the sandbox clock: the job runs a second after it is queued, when the clock says so.
		node.sb().clock.freezeAt(Math.floor(Date.now() / 1000));
		try {
			const [queued] = await node.ok({
				resource: 'ticket',
				operation: 'createInBackground',
				ticketTypeId: type.id,
				contactIdentifierType: 'intercom_user_id',
				contactIdentifier: contact.id,
				ticketAttributes: { attribute: [{ name: '_default_title_', value: 'From a job' }] },
			});
			const job = ws.jobs.get(String(queued.id))!;
			job.runAt = ws.now() + 1;

			const pending = await node.run({ operation: 'getStatus', jobId: String(queued.id) });
			expect(pending.sent.map((r) => [r.method, r.path])).toEqual([['GET', `/jobs/status/${queued.id}`]]);
			expect(pending.json).toEqual([expect.objectContaining({ type: 'job', id: String(queued.id), status: 'pending', resource_type: 'ticket', resource_id: null })]);

			node.sb().clock.advanceSeconds(1);
			const [done] = await node.ok({ operation: 'getStatus', jobId: String(queued.id) });
			const ticket = [...ws.tickets.values()].find((t) => t.attributes._default_title_ === 'From a job')!;
			expect(done).toMatchObject({ status: 'success', resource_id: ticket.id, resource_url: expect.stringMatching(new RegExp(`/tickets/${ticket.id}$`)) });
		} finally {
			node.sb().clock.unfreeze();
		}
	});

	it('names an unknown job, and refuses an ID that is not one before sending', async () => {
		const missing = await node.run({ operation: 'getStatus', jobId: '999999' });
		expect(missing.sent.map((r) => r.status)).toEqual([404]);
		expect(missing.error?.message).toBe('Job was not found in Intercom');
		const bad = await node.run({ operation: 'getStatus', jobId: '12/../3' });
		expect(bad.error?.message).toBe('Parameter "Job ID": "12/../3" is not a valid ID');
		expect(bad.sent).toEqual([]);
	});
});
