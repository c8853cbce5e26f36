
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { credentialsFor, runListSearch, runLoadOptions } from '../helpers/n8n';
import { TEST_API_VERSION, testVersionAtLeast } from '../helpers/api-version';

let sb: RunningSandbox;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 60, conversations: 30, articles: 30 } });
});
afterAll(async () => await sb.close());
beforeEach(() => sb.reset());
afterEach(() => expect(sb.log.nonConformant()).toEqual([]));

const editor = () => ({ credentials: credentialsFor(sb.baseUrl, sb.token), parameters: { resource: 'contact' } });
const loadOptions = (name: string) => runLoadOptions(name, editor());
const listSearch = (name: string, filter?: string, token?: string) => runListSearch(name, editor(), filter, token);

const sortedByName = (options: Array<{ name: string }>) =>
	options.map((o) => o.name).every((name, i, all) => i === 0 || all[i - 1].localeCompare(name) <= 0);

describe('loadOptions against the sandbox', () => {
	it.each([
		['getAdmins', () => sb.workspace.admins.size],
		['getTeams', () => sb.workspace.teams.size],
		['getTags', () => sb.workspace.tags.size],
		['getAwayStatusReasons', () => sb.workspace.awayStatusReasons.size],
		['getHelpCenters', () => sb.workspace.helpCenters.size],
		['getSubscriptionTypes', () => [...sb.workspace.subscriptionTypes.values()].filter((s) => s.state !== 'archived').length],
		['getTicketTypes', () => sb.workspace.ticketTypes.size],
		['getCompanies', () => Math.min(50, sb.workspace.companies.all().length)],
		['getSegments', () => sb.workspace.segments.size],
	])('%s lists every usable item, sorted by name', async (name, expectedCount) => {
		const options = await loadOptions(name);
		expect(options.length).toBeGreaterThan(0);
		expect(options).toHaveLength(expectedCount());
		expect(sortedByName(options)).toBe(true);
		expect(options.every((o) => typeof o.value === 'string' && o.value !== '' && o.name !== '')).toBe(true);
		expect(sb.log.requests()).toHaveLength(1);
	});

	it('getContactAttributes, getConversationAttributes and getCompanyAttributes offer the custom attributes by name', async () => {
		const contact = await loadOptions('getContactAttributes');
		const conversation = await loadOptions('getConversationAttributes');
		const company = await loadOptions('getCompanyAttributes');
		const custom = (model: string) => sb.workspace.dataAttributes.filter((a) => a.model === model && a.custom && a.api_writable && !a.archived).map((a) => a.name).sort();
		expect(contact.map((o) => o.value).sort()).toEqual(custom('contact'));
		expect(conversation.map((o) => o.value).sort()).toEqual(custom('conversation'));
		expect(company.map((o) => o.value).sort()).toEqual(custom('company'));
		expect(company.length).toBeGreaterThan(0);
		// API 2.16 lists conversation attributes at their own path (GET /conversations/attributes).
		const conversationList = testVersionAtLeast('2.16') ? 'GET /conversations/attributes ' : `GET /data_attributes ${JSON.stringify({ model: 'conversation' })}`;
		expect(sb.log.requests().map((r) => `${r.method} ${r.path} ${Object.keys(r.query).length ? JSON.stringify(r.query) : ''}`.trimEnd())).toEqual([
			`GET /data_attributes ${JSON.stringify({ model: 'contact' })}`,
			conversationList.trimEnd(),
			`GET /data_attributes ${JSON.stringify({ model: 'company' })}`,
		]);
	});

	it('search fields are ones the sandbox search accepts, typed as it types them', async () => {
		const contactFields = await loadOptions('getContactSearchFields');
		const conversationFields = await loadOptions('getConversationSearchFields');
		expect(contactFields.map((o) => o.value)).toEqual(expect.arrayContaining(['email', 'custom_attributes.plan', 'custom_attributes.renewal_date']));
		expect(conversationFields.map((o) => o.value)).toEqual(expect.arrayContaining(['state', 'custom_attributes.issue_type']));
		// Every offered field, searched with `=` on a value of its type, is accepted (15 filters a group at most).
		const sample: Record<string, unknown> = { string: 'x', integer: 1, float: 1.5, date: 1735689600, boolean: true };
		for (const [path, fields] of [['/contacts/search', contactFields], ['/conversations/search', conversationFields]] as const) {
			for (let i = 0; i < fields.length; i += 15) {
				const value = fields.slice(i, i + 15).map((f) => ({ field: f.value, operator: '=', value: sample[f.description!] }));
				const response = await fetch(`${sb.baseUrl}${path}`, {
					method: 'POST',
					headers: { Authorization: `Bearer ${sb.token}`, 'Intercom-Version': TEST_API_VERSION, 'Content-Type': 'application/json' },
					body: JSON.stringify({ query: { operator: 'OR', value } }),
				});
				expect([path, i, response.status, response.status === 200 ? '' : await response.text()]).toEqual([path, i, 200, '']);
			}
		}
	});
});

describe('listSearch against the sandbox', () => {
	it('searchContacts pages through every contact without a filter', async () => {
		const seen: string[] = [];
		let token: string | undefined;
		do {
			const page = await listSearch('searchContacts', '', token);
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken;
		} while (token);
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen).toHaveLength([...sb.workspace.contacts.all()].filter((c) => !c.archived).length);
	});

	it('searchContacts finds a contact by part of its email and by its ID', async () => {
		const contact = [...sb.workspace.contacts.all()].find((c) => c.email && c.name)!;
		const byEmail = await listSearch('searchContacts', contact.email.split('@')[0]);
		expect(byEmail.results).toContainEqual({ name: `${contact.name} (${contact.email})`, value: contact.id });
		const byId = await listSearch('searchContacts', contact.id);
		expect(byId.results.map((r) => r.value)).toContain(contact.id);
	});

	it('searchConversations lists conversations and finds one by ID', async () => {
		const listed = await listSearch('searchConversations');
		expect(listed.results.length).toBeGreaterThan(0);
		expect(listed.results.every((r) => /\(#\d+\)$/.test(r.name))).toBe(true);
		const id = String(listed.results[0].value);
		const found = await listSearch('searchConversations', id);
		expect(found.results.map((r) => r.value)).toContain(id);
	});

	it('searchArticles lists every article page by page and searches by phrase', async () => {
		const seen: string[] = [];
		let token: string | undefined;
		do {
			const page = await listSearch('searchArticles', undefined, token);
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken;
		} while (token);
		expect(seen.sort()).toEqual([...sb.workspace.articles.keys()].sort());

		const article = [...sb.workspace.articles.values()][0];
		const word = article.title.split(/\s+/)[0];
		const found = await listSearch('searchArticles', word);
		expect(found.results.map((r) => r.value)).toContain(article.id);
	});

	it('searchAdmins filters admins by name', async () => {
		const admin = [...sb.workspace.admins.values()][0];
		const found = await listSearch('searchAdmins', admin.name.slice(0, 4));
		expect(found.results).toContainEqual({ name: `${admin.name} (${admin.email})`, value: admin.id });
	});
});
