import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { toInteger, toUnixSeconds } from '../../../shared/values';
import { dynamicOptions, textOption } from '../fields';
import type { FieldSpec, OptionSpec, ShapeContext } from '../types';

const NEWSFEEDS = 'Newsfeeds';

export function titleProperty(extra: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName: 'Title', name: 'title', type: 'string', default: '', description: 'The title of the news item', ...extra };
}

/** The teammate the news item is from, a numeric admin ID; blank is refused even where optional (Update). */
export function senderField(required: boolean): FieldSpec & OptionSpec {
	return {
		in: 'body',
		key: 'sender_id',
		convert: 'integer',
		required: true,
		property: dynamicOptions('senderId', 'Sender Name or ID', 'getAdmins', {
			required,
			description:
				'The teammate the news item is from. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		}),
	};
}

/**
 * Newsfeed assignments as rows (a feed, and optionally when the item was published there) →
 * `[{newsfeed_id, published_at}]`. A feed named twice or left blank is refused.
 */
function toAssignments(value: unknown, { ctx, parameter, fail }: ShapeContext): IDataObject[] | undefined {
	const rows = (((value ?? {}) as IDataObject).assignment ?? []) as IDataObject[];
	if (rows.length === 0) return undefined;
	const node = ctx.fn.getNode();
	const seen = new Set<number>();
	return rows.map((row, i) => {
		const label = `${parameter} ${i + 1}`;
		if (row.newsfeedId === undefined || row.newsfeedId === null || (typeof row.newsfeedId === 'string' && row.newsfeedId.trim() === '')) {
			fail(`newsfeed ${i + 1} is not chosen`);
		}
		// Intercom takes the ID as a number: digits or a whole number pass, anything else is refused here.
		const newsfeedId = toInteger(row.newsfeedId, node, label, ctx.itemIndex);
		if (seen.has(newsfeedId)) fail(`newsfeed ${newsfeedId} is given twice`);
		seen.add(newsfeedId);
		const assignment: IDataObject = { newsfeed_id: newsfeedId };
		if (row.publishedAt !== undefined && row.publishedAt !== null && row.publishedAt !== '') {
			assignment.published_at = toUnixSeconds(row.publishedAt, node, `${label}: Published At`, ctx.itemIndex, ctx.fn.getTimezone());
		}
		return assignment;
	});
}

/** Optional content, shared by Create (Additional Fields) and Update (Update Fields). */
export function contentOptions(): OptionSpec[] {
	return [
		textOption('body', 'Body', 'body', 'The news item content, as HTML', { typeOptions: { rows: 5 } }),
		{
			in: 'body',
			key: 'state',
			property: {
				displayName: 'State',
				name: 'state',
				type: 'options',
				options: [
					{ name: 'Draft', value: 'draft' },
					{ name: 'Live', value: 'live' },
				],
				default: 'draft',
				description: 'Whether the news item is shown on its newsfeeds (live) or kept as a draft',
			},
		},
		{
			in: 'body',
			key: 'newsfeed_assignments',
			shape: toAssignments,
			// The feed's ID is sent as a number: toAssignments holds it to a whole number itself.
			anyValue: ['newsfeedId'],
			property: {
				displayName: NEWSFEEDS,
				name: 'newsfeedAssignments',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Newsfeed',
				default: {},
				description: 'The newsfeeds the news item is shown on once it is live',
				options: [
					{
						displayName: 'Newsfeed',
						name: 'assignment',
						values: [
							dynamicOptions('newsfeedId', 'Newsfeed Name or ID', 'getNewsfeeds'),
							{
								displayName: 'Published At',
								name: 'publishedAt',
								type: 'dateTime',
								default: '',
								description: 'When the item was published on this feed, for items published before (not in the future); empty: when it goes live',
							},
						],
					},
				],
			},
		},
		{
			in: 'body',
			key: 'labels',
			convert: 'list',
			property: {
				displayName: 'Labels',
				name: 'labels',
				type: 'string',
				default: '',
				placeholder: 'Product, Update',
				description: 'Comma-separated label names shown to users to categorize the news item',
			},
		},
		{
			in: 'body',
			key: 'reactions',
			convert: 'list',
			property: {
				displayName: 'Reactions',
				name: 'reactions',
				type: 'string',
				default: '',
				placeholder: '👍, 🎉, 😕',
				description: 'Comma-separated emoji users can react with, in order',
			},
		},
		{
			in: 'body',
			key: 'deliver_silently',
			convert: 'boolean',
			property: {
				displayName: 'Deliver Silently',
				name: 'deliverSilently',
				type: 'boolean',
				default: false,
				description: 'Whether the news item appears in the Messenger newsfeed without a notification badge',
			},
		},
	];
}
