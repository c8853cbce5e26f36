/**
 * Handlers for the Companies-tagged operations of the 2.14 spec (the
 * company-attached contacts list lives with the contacts).
 */
import { badRequest, notFound } from '../errors';
import { pageOfNumbered, parsePageNumber, parsePerPage } from '../pagination';
import * as ops from '../store/company-ops';
import type { CompanyRecord } from '../store/types';
import type { Workspace } from '../store/workspace';
import { RouteTable, str } from './context';
import { presentCompany, presentSegment } from './present-contacts';

function companyInput(body: unknown): ops.CompanyInput {
	if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body))) throw badRequest('body must be an object');
	return (body ?? {}) as ops.CompanyInput;
}

/** A company is in a segment when one of its contacts is. */
function segmentsOf(ws: Workspace, company: CompanyRecord) {
	const contacts = [...company.contactIds].flatMap((id) => ws.contacts.get(id) ?? []);
	return [...ws.segments.values()].filter((s) => contacts.some((c) => s.matches(c)));
}

/**
 * Intercom lists companies by page number only as far as the 10,000th (documented on the list
 * operation); a page reaching past it is refused, as Intercom answers, with a pointer to the scroll.
 */
const COMPANY_LIST_REACH = 10_000;

function companyPage(ws: Workspace, companies: CompanyRecord[], query: Record<string, unknown>, defaultPerPage: number) {
	const number = parsePageNumber(query.page);
	const perPage = parsePerPage(query.per_page, defaultPerPage);
	if (number * perPage > COMPANY_LIST_REACH) throw badRequest('page limit reached, please use scroll API', 'bad_request');
	const page = pageOfNumbered(companies, number, perPage);
	return { type: 'list', data: page.items.map((c) => presentCompany(ws, c)), total_count: page.total, pages: page.pages };
}

export const companyRoutes: RouteTable = {
	'POST /companies': ({ ws, body }) => presentCompany(ws, ops.createOrUpdateCompany(ws, companyInput(body))),
	/** Find by company_id or name (404 when none), or filter by tag or segment (a page of companies). */
	'GET /companies': ({ ws, query }) => {
		let companies = ws.companies.all().slice();
		if (query.company_id !== undefined) companies = companies.filter((c) => c.company_id === String(query.company_id));
		if (query.name !== undefined) companies = companies.filter((c) => c.name === String(query.name));
		if (query.tag_id !== undefined) companies = companies.filter((c) => c.tagIds.includes(String(query.tag_id)));
		if (query.segment_id !== undefined) {
			const segment = ws.segments.get(String(query.segment_id));
			if (!segment) throw notFound('Segment Not Found');
			companies = companies.filter((c) => segmentsOf(ws, c).includes(segment));
		}
		if ((query.company_id !== undefined || query.name !== undefined) && companies.length === 0) throw ops.companyNotFound();
		return companyPage(ws, companies, query, 15);
	},
	'GET /companies/{company_id}': ({ ws, params }) => presentCompany(ws, ops.requireCompany(ws, params.company_id)),
	'PUT /companies/{company_id}': ({ ws, params, body }) => presentCompany(ws, ops.updateCompany(ws, params.company_id, companyInput(body))),
	'DELETE /companies/{company_id}': ({ ws, params }) => ({ id: ops.deleteCompany(ws, params.company_id).id, object: 'company', deleted: true }),
	'GET /companies/{company_id}/segments': ({ ws, params }) => ({
		type: 'list',
		data: segmentsOf(ws, ops.requireCompany(ws, params.company_id)).map((s) => presentSegment(s)),
	}),
	/** Companies with at least one contact, most recently requested first (or `order=asc`). */
	'POST /companies/list': ({ ws, query }) => {
		const order = str(query.order) ?? 'desc';
		if (order !== 'asc' && order !== 'desc') throw badRequest('order must be asc or desc', 'parameter_invalid', 'order');
		const sign = order === 'asc' ? 1 : -1;
		const companies = ws.companies
			.all()
			.filter((c) => c.contactIds.size > 0)
			.sort((a, b) => sign * (a.last_request_at - b.last_request_at) || (a.id < b.id ? -1 : 1));
		return companyPage(ws, companies, query, 15);
	},
	'GET /companies/scroll': ({ ws, query }) => {
		const { companies, param } = ops.scrollCompanies(ws, str(query.scroll_param));
		return { type: 'list', data: companies.map((c) => presentCompany(ws, c)), pages: null, total_count: null, scroll_param: param };
	},
};
