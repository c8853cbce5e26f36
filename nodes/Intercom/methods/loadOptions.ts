import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { IntercomClient } from '../../shared/transport/client';
import { collect, itemsOf } from '../../shared/transport/pagination';
import { dataAttributesOf } from './dataAttributes';
import { CUSTOM_ATTRIBUTE_PREFIX, SEARCH_FIELDS, type SearchObject } from '../actions/search/catalog';

// Every exported function here is a loadOptions method (the node registers the whole module).

interface OptionsSource {
	path: string;
	query?: IDataObject;
	itemsKey: string;
	label: (item: IDataObject) => string;
	/** The option's value; the item's `id` unless said otherwise. */
	value?: (item: IDataObject) => string;
	description?: (item: IDataObject) => string | undefined;
	/** Leave out items that cannot be used (archived, read-only…). */
	keep?: (item: IDataObject) => boolean;
	/** Reads the items another way than one GET of `path`. */
	fetch?: () => Promise<IDataObject[]>;
}

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

async function fetchItems(fn: ILoadOptionsFunctions, path: string, itemsKey: string, query?: IDataObject): Promise<IDataObject[]> {
	const client = await IntercomClient.create(fn);
	return itemsOf(await client.request<IDataObject>({ method: 'GET', path, query }), itemsKey);
}

/** GETs one list, maps each item to an option and sorts the options by name. */
async function optionsFrom(fn: ILoadOptionsFunctions, source: OptionsSource): Promise<INodePropertyOptions[]> {
	const items = source.fetch ? await source.fetch() : await fetchItems(fn, source.path, source.itemsKey, source.query);
	return items
		.filter((item) => source.keep?.(item) ?? true)
		.map((item) => {
			const option: INodePropertyOptions = { name: source.label(item), value: source.value ? source.value(item) : String(item.id) };
			const description = source.description?.(item);
			if (description) option.description = description;
			return option;
		})
		.sort(byName);
}

export async function getAwayStatusReasons(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, {
		path: '/away_status_reasons',
		itemsKey: 'data',
		label: (r) => `${r.emoji ? `${r.emoji} ` : ''}${r.label}`,
	});
}

export async function getAdmins(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, { path: '/admins', itemsKey: 'admins', label: (a) => `${a.name} (${a.email})` });
}

export async function getTeams(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, { path: '/teams', itemsKey: 'teams', label: (t) => String(t.name) });
}

export async function getSegments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, {
		path: '/segments',
		itemsKey: 'segments',
		label: (s) => String(s.name),
		description: (s) => (s.person_type === 'user' ? 'Users' : 'Leads and users'),
	});
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, { path: '/tags', itemsKey: 'data', label: (t) => String(t.name) });
}

export async function getHelpCenters(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, {
		path: '/help_center/help_centers',
		itemsKey: 'data',
		label: (h) => String(h.display_name || h.identifier || h.id),
		description: (h) => (h.url ? String(h.url) : undefined),
	});
}

export async function getSubscriptionTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, {
		path: '/subscription_types',
		itemsKey: 'data',
		label: (s) => String((s.default_translation as IDataObject | undefined)?.name ?? s.id),
		description: (s) => `${s.consent_type === 'opt_in' ? 'Opt-in' : 'Opt-out'}, ${String(s.state)}`,
		keep: (s) => s.state !== 'archived',
	});
}

export async function getTicketTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, {
		path: '/ticket_types',
		itemsKey: 'data',
		label: (t) => String(t.name),
		description: (t) => (t.category ? String(t.category) : undefined),
		keep: (t) => t.archived !== true,
	});
}

/** The first page of companies (the most a dropdown can usefully show); other companies by ID or expression. */
export async function getCompanies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, {
		path: '/companies',
		query: { per_page: 50 },
		itemsKey: 'data',
		label: (c) => (c.company_id ? `${c.name} (${c.company_id})` : String(c.name)),
	});
}

// Custom data attributes the API may write: the ones worth offering where values are set.
function writableCustom(attribute: IDataObject): boolean {
	return attribute.custom === true && attribute.api_writable !== false && attribute.archived !== true;
}

async function attributeOptions(fn: ILoadOptionsFunctions, model: 'contact' | 'company' | 'conversation'): Promise<INodePropertyOptions[]> {
	return await optionsFrom(fn, {
		path: '/data_attributes',
		query: { model },
		fetch: () => dataAttributesOf(fn, model),
		itemsKey: 'data',
		label: (a) => String(a.label || a.name),
		value: (a) => String(a.name),
		description: (a) => `${a.data_type}${a.description ? `: ${a.description}` : ''}`,
		keep: writableCustom,
	});
}

export async function getContactAttributes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await attributeOptions(this, 'contact');
}

export async function getConversationAttributes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await attributeOptions(this, 'conversation');
}

export async function getCompanyAttributes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await attributeOptions(this, 'company');
}

/** Every custom contact and company attribute, archived ones too (they can be restored), by ID. */
export async function getDataAttributes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, {
		path: '/data_attributes',
		query: { include_archived: true },
		itemsKey: 'data',
		label: (a) => `${a.model === 'company' ? 'Company' : 'Contact'}: ${String(a.label || a.name)}${a.archived === true ? ' (archived)' : ''}`,
		description: (a) => `${a.data_type}${a.description ? `: ${a.description}` : ''}`,
		keep: (a) => a.custom === true,
	});
}

const DATA_TYPES = new Set<string>(['string', 'integer', 'float', 'date', 'boolean']);

/**
 * Search fields for the search builder: value = the field as the search API names it, description
 * = its type alone (string | integer | float | date | boolean), so operators can be derived from it.
 * Custom attributes (archived ones aside) come from the workspace as `custom_attributes.<name>`.
 */
async function searchFieldOptions(fn: ILoadOptionsFunctions, model: SearchObject): Promise<INodePropertyOptions[]> {
	const standard = [...SEARCH_FIELDS[model]].map(([field, type]): INodePropertyOptions => ({ name: field, value: field, description: type }));
	const attributes = await dataAttributesOf(fn, model as 'contact' | 'conversation');
	const custom = attributes
		.filter((a) => a.custom === true && a.archived !== true)
		.map((a): INodePropertyOptions => {
			const field = `${CUSTOM_ATTRIBUTE_PREFIX}${a.name}`;
			const type = DATA_TYPES.has(String(a.data_type)) ? String(a.data_type) : 'string';
			return { name: field, value: field, description: type };
		});
	return [...standard, ...custom].sort(byName);
}

export async function getContactSearchFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await searchFieldOptions(this, 'contact');
}

export async function getConversationSearchFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await searchFieldOptions(this, 'conversation');
}

/** The reporting datasets, for Reporting Data Export → Enqueue. */
export async function getReportingDatasets(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, {
		path: '/export/reporting_data/get_datasets',
		itemsKey: 'data',
		label: (d) => String(d.name ?? d.id),
		description: (d) => (typeof d.description === 'string' ? d.description : undefined),
	});
}

/** The attributes of the dataset chosen in Enqueue (its Dataset parameter). */
export async function getReportingAttributes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const dataset = String(this.getCurrentNodeParameter('datasetId') ?? '');
	const datasets = await fetchItems(this, '/export/reporting_data/get_datasets', 'data');
	const attributes = (datasets.find((d) => d.id === dataset)?.attributes ?? []) as IDataObject[];
	return attributes.map((a) => ({ name: String(a.name ?? a.id), value: String(a.id), description: String(a.id) })).sort(byName);
}

/** Every Help Center collection (all pages), for a parent collection. */
export async function getCollections(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await IntercomClient.create(this);
	const collections = await collect(client, { method: 'GET', path: '/help_center/collections' }, { pagination: 'page', itemsPath: 'data' });
	return collections
		.map((c) => {
			const option: INodePropertyOptions = { name: String(c.name || `Collection ${c.id}`), value: String(c.id) };
			if (c.parent_id) option.description = `Nested in collection ${String(c.parent_id)}`;
			return option;
		})
		.sort(byName);
}

export async function getNewsfeeds(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, { path: '/news/newsfeeds', itemsKey: 'data', label: (f) => String(f.name) });
}
/** The content import sources of the Fin Content Library (a workspace has few), labelled by URL. */
export async function getContentImportSources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, {
		path: '/ai/content_import_sources',
		itemsKey: 'data',
		label: (s) => String(s.url || `Source ${s.id}`),
		description: (s) => `Sync: ${String(s.sync_behavior)}, ${String(s.status)}`,
	});
}
