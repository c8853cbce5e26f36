/**
 * Company mutations and the company scroll, with Intercom's semantics:
 * POST /companies creates or updates by `company_id` (which never changes
 * once set); a workspace has at most one open scroll, which expires a
 * minute after its last use (on the sandbox clock) and closes when a page
 * comes back empty.
 */
import { randomUUID } from 'node:crypto';

import { ApiError, badRequest, notFound } from '../errors';
import type { CompanyRecord } from './types';
import type { Workspace } from './workspace';

export interface CompanyInput {
	company_id?: string;
	name?: string;
	plan?: string;
	size?: number;
	website?: string;
	industry?: string;
	monthly_spend?: number;
	remote_created_at?: number;
	custom_attributes?: Record<string, unknown> | null;
}

export const companyNotFound = () => new ApiError(404, 'company_not_found', 'Company Not Found');

export function requireCompany(ws: Workspace, id: string): CompanyRecord {
	const company = ws.companies.get(id);
	if (!company) throw companyNotFound();
	return company;
}

export function companyByCompanyId(ws: Workspace, companyId: string): CompanyRecord | undefined {
	return ws.companies.all().find((c) => c.company_id === companyId);
}

function assign(ws: Workspace, company: CompanyRecord, input: CompanyInput): void {
	if (input.name !== undefined) company.name = String(input.name);
	if (input.plan !== undefined) company.plan = input.plan === '' ? null : String(input.plan);
	if (input.size !== undefined) company.size = Number(input.size);
	if (input.website !== undefined) company.website = String(input.website);
	if (input.industry !== undefined) company.industry = String(input.industry);
	if (input.monthly_spend !== undefined) company.monthly_spend = Number(input.monthly_spend);
	if (input.remote_created_at !== undefined) company.remote_created_at = Number(input.remote_created_at);
	if (input.custom_attributes) {
		ws.registerCustomAttributes('company', input.custom_attributes);
		for (const [key, value] of Object.entries(input.custom_attributes)) {
			if (value === null) delete company.custom_attributes[key];
			else company.custom_attributes[key] = String(value);
		}
	}
	company.updated_at = Math.max(ws.now(), company.created_at);
}

/** POST /companies: the company with this `company_id` is updated, or created. */
export function createOrUpdateCompany(ws: Workspace, input: CompanyInput): CompanyRecord {
	const companyId = input.company_id === undefined || input.company_id === null ? '' : String(input.company_id);
	const existing = companyId ? companyByCompanyId(ws, companyId) : undefined;
	if (existing) {
		assign(ws, existing, input);
		ws.changes.record('company.updated', existing.id, existing.updated_at);
		return existing;
	}
	if (!companyId && !input.name) throw badRequest('company_id or name is required', 'parameter_not_found', 'company_id');
	const now = ws.now();
	const company: CompanyRecord = {
		id: ws.nextObjectId(now),
		created_at: now,
		updated_at: now,
		company_id: companyId || ws.random.hex(12),
		name: '',
		plan: null,
		size: 0,
		website: '',
		industry: '',
		monthly_spend: 0,
		session_count: 0,
		remote_created_at: now,
		last_request_at: now,
		custom_attributes: {},
		tagIds: [],
		contactIds: new Set(),
	};
	assign(ws, company, input);
	company.updated_at = now;
	ws.companies.insert(company);
	ws.changes.record('company.created', company.id, now);
	return company;
}

/** PUT /companies/{id}: `company_id` cannot change, so it is not an input here. */
export function updateCompany(ws: Workspace, id: string, input: CompanyInput): CompanyRecord {
	const company = requireCompany(ws, id);
	const { company_id: _ignored, ...rest } = input;
	assign(ws, company, rest);
	ws.changes.record('company.updated', company.id, company.updated_at);
	return company;
}

/** Deletes the company and detaches its contacts (the contacts are kept). */
export function deleteCompany(ws: Workspace, id: string): CompanyRecord {
	const company = requireCompany(ws, id);
	for (const contactId of company.contactIds) {
		const contact = ws.contacts.get(contactId);
		if (contact) contact.companyIds = contact.companyIds.filter((c) => c !== id);
	}
	ws.companies.remove(id);
	return company;
}

// --- scroll ---------------------------------------------------------------------------

/** How long an unused scroll stays open, and how many companies a scroll page holds. */
export const SCROLL_TTL_MS = 60_000;
export const SCROLL_PAGE_SIZE = 50;

interface OpenScroll {
	param: string;
	/** Companies are read in creation order; the next page starts after this position. */
	position: number;
	/** The ids in the order the scroll reads them, fixed when it opened. */
	ids: string[];
	lastUsedMs: number;
}

// One open scroll per workspace, kept beside the workspace rather than in it.
const scrolls = new WeakMap<Workspace, OpenScroll>();

function openScroll(ws: Workspace, nowMs: number): OpenScroll | undefined {
	const scroll = scrolls.get(ws);
	if (scroll && nowMs - scroll.lastUsedMs >= SCROLL_TTL_MS) {
		scrolls.delete(ws);
		return undefined;
	}
	return scroll;
}

/**
 * GET /companies/scroll. Without a scroll param a new scroll opens (refused while another is
 * open); with one, the next page of that scroll (refused when it expired or never existed).
 * An empty page closes the scroll.
 */
export function scrollCompanies(ws: Workspace, scrollParam: string | undefined): { companies: CompanyRecord[]; param: string } {
	const nowMs = ws.clock.now();
	let scroll = openScroll(ws, nowMs);
	if (scrollParam === undefined || scrollParam === '') {
		if (scroll) throw badRequest('scroll already exists for this workspace', 'scroll_exists');
		scroll = { param: randomUUID(), position: 0, ids: ws.companies.all().map((c) => c.id), lastUsedMs: nowMs };
		scrolls.set(ws, scroll);
	} else if (!scroll || scroll.param !== scrollParam) {
		throw notFound('scroll parameter not found');
	}
	const companies: CompanyRecord[] = [];
	while (scroll.position < scroll.ids.length && companies.length < SCROLL_PAGE_SIZE) {
		const company = ws.companies.get(scroll.ids[scroll.position++]);
		if (company) companies.push(company);
	}
	scroll.lastUsedMs = nowMs;
	if (companies.length === 0) scrolls.delete(ws);
	return { companies, param: scroll.param };
}
