import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { failParameter, requireString } from '../../../shared/values';
import { dynamicOptions, ID_FORMATS } from '../fields';
import type { FieldSpec, IdFormat, OperationContext, OptionSpec, ShapeContext } from '../types';

export const CONVERSATION_PATH_LABELS = { conversation_id: 'Conversation', contact_id: 'Contact', tag_id: 'Tag' };

export const ACTING_ADMIN = { name: 'actingAdminId', displayName: 'Admin Name or ID' };

/**
 * A parameter that only the operation's `build` reads (no `in`): fields shown for one choice only
 * must be such, since n8n refuses to read a hidden parameter.
 */
export function buildOnly(property: INodeProperties): FieldSpec {
	return { property };
}

/** A required ID read by `build`, checked the way the executor checks path IDs. */
export function readId(ctx: OperationContext, name: string, displayName: string, format: IdFormat = ID_FORMATS.numeric): string {
	const node = ctx.fn.getNode();
	const text = requireString(ctx.param(name, ''), node, displayName, ctx.itemIndex);
	if (!format.pattern.test(text)) {
		failParameter(node, displayName, ctx.itemIndex, `"${text.slice(0, 60)}" is not a valid ID`, format.hint);
	}
	return text;
}

/** The teammate on whose behalf Intercom records the action. */
export function actingAdminProperty(): INodeProperties {
	return dynamicOptions(ACTING_ADMIN.name, ACTING_ADMIN.displayName, 'getAdmins', { required: true });
}

/** The acting admin, sent as `admin_id` in the body. */
export function actingAdminField(): FieldSpec {
	return { in: 'body', key: 'admin_id', idFormat: ID_FORMATS.numeric, property: actingAdminProperty() };
}

export function readActingAdmin(ctx: OperationContext): string {
	return readId(ctx, ACTING_ADMIN.name, ACTING_ADMIN.displayName);
}

/** A text value that must not be blank; sent as typed (bodies may be HTML where whitespace matters). */
export function requireText(ctx: OperationContext, name: string, displayName: string): string {
	const value = ctx.param<unknown>(name, '');
	requireString(value, ctx.fn.getNode(), displayName, ctx.itemIndex);
	return String(value);
}

export function bodyProperty(description: string, required: boolean): INodeProperties {
	return {
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required,
		description,
	};
}

/** An optional message left in the conversation with the action, in an Additional Fields collection. */
export function optionalBodyOption(description: string): OptionSpec {
	return { in: 'body', key: 'body', property: bodyProperty(description, false) };
}

export function attachmentUrlsOption(): OptionSpec {
	return {
		in: 'body',
		key: 'attachment_urls',
		convert: 'list',
		shape: (urls, { fail }) => checkAttachmentUrls(urls as string[], fail),
		property: {
			displayName: 'Attachment URLs',
			name: 'attachmentUrls',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/image.png',
			description: 'Comma-separated URLs of images to attach, at most 10',
		},
	};
}

/**
 * Intercom's limit on one attachment (100 MB, its Help Center's "Attachment size limits"), checked
 * here so a too-large file fails before its bytes are sent. The API takes at most 10 files a reply.
 */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

/** Files from the input item's binary data, sent as `attachment_files` (conversation replies only). */
export function attachmentFilesOption(): OptionSpec {
	return {
		in: 'body',
		key: 'attachment_files',
		convert: 'binaryFiles',
		files: { maxFiles: MAX_ATTACHMENTS, maxBytes: MAX_ATTACHMENT_BYTES },
		property: {
			displayName: 'Attachment Files (Binary Fields)',
			name: 'attachmentFiles',
			type: 'string',
			default: 'data',
			placeholder: 'data, invoice',
			description: "Comma-separated names of the input item's binary fields to attach as files, at most 10, each at most 100 MB",
		},
	};
}

/** The switch that downloads the files of a conversation's or ticket's parts into binary fields. */
export function downloadAttachmentsOption(): OptionSpec {
	return {
		property: {
			displayName: 'Download Attachments',
			name: 'downloadAttachments',
			type: 'boolean',
			default: false,
			description:
				'Whether to download the files attached to the messages into binary fields attachment_0, attachment_1, … (each attachment gets binary_field naming its field)',
		},
	};
}

export function createdAtOption(description: string): OptionSpec {
	return {
		in: 'body',
		key: 'created_at',
		convert: 'unixSeconds',
		property: { displayName: 'Created At', name: 'createdAt', type: 'dateTime', default: '', description },
	};
}

const MAX_ATTACHMENTS = 10;

/** Intercom takes up to 10 absolute http(s) URLs; an empty list is the same as none. */
function checkAttachmentUrls(urls: string[], fail: (message: string) => never): string[] | undefined {
	if (urls.length === 0) return undefined;
	if (urls.length > MAX_ATTACHMENTS) fail(`${urls.length} URLs given, Intercom takes at most ${MAX_ATTACHMENTS}`);
	for (const url of urls) {
		if (!/^https?:\/\/[^\s/?#]+\S*$/i.test(url)) fail(`"${url.slice(0, 60)}" is not an http(s) URL`);
	}
	return urls;
}

/** Options that only change how Intercom renders the conversation it returns. */
export function plainTextOption(): OptionSpec {
	return {
		in: 'query',
		key: 'display_as',
		convert: 'boolean',
		// The API's switch is `display_as=plaintext`; "false" means leaving it out.
		whenTrue: 'plaintext',
		property: {
			displayName: 'Plain Text',
			name: 'plainText',
			type: 'boolean',
			default: false,
			description: 'Whether to return message bodies as plain text instead of HTML',
		},
	};
}

/**
 * The ways Intercom lets a request name a contact in the body (a reply's author, a participant).
 * With `key`, the identifier is placed there as `{intercom_user_id | user_id | email: value}`;
 * without, the operation's `build` reads it with readContactIdentifier.
 */
export function contactIdentifierFields(show?: IDisplayOptions['show'], key?: string): FieldSpec[] {
	const displayOptions = show ? { show } : undefined;
	return [
		buildOnly({
			displayName: 'Identify Contact By',
			name: 'contactIdentifierType',
			type: 'options',
			options: [
				{ name: 'Email', value: 'email', description: "The contact's email address" },
				{ name: 'External User ID', value: 'user_id', description: 'The ID your own systems gave the contact (external_id)' },
				{ name: 'Intercom Contact ID', value: 'intercom_user_id', description: "Intercom's ID of the contact" },
			],
			default: 'intercom_user_id',
			description: 'How the contact is identified',
			displayOptions,
		}),
		{
			...(key ? { in: 'body' as const, key, convert: 'text' as const, shape: (_value: unknown, { ctx }: ShapeContext) => readContactIdentifier(ctx) } : {}),
			property: {
				displayName: 'Contact Identifier',
				name: 'contactIdentifier',
				type: 'string',
				default: '',
				required: true,
				placeholder: '6762f0d51bb69f9f2193bb7f',
				description: "The contact's Intercom ID, external user ID or email, as chosen in Identify Contact By",
				displayOptions,
			},
		},
	];
}

/** `{intercom_user_id | user_id | email: value}` from the contact identifier fields. */
export function readContactIdentifier(ctx: OperationContext): IDataObject {
	const by = ctx.param<string>('contactIdentifierType', 'intercom_user_id');
	const node = ctx.fn.getNode();
	if (by === 'intercom_user_id') return { intercom_user_id: readId(ctx, 'contactIdentifier', 'Contact Identifier', ID_FORMATS.contact) };
	const value = requireString(ctx.param('contactIdentifier', ''), node, 'Contact Identifier', ctx.itemIndex);
	if (by === 'email') {
		if (!/^[^\s@]+@[^\s@]+$/.test(value)) failParameter(node, 'Contact Identifier', ctx.itemIndex, `"${value.slice(0, 60)}" is not an email address`);
		return { email: value };
	}
	if (by === 'user_id') return { user_id: value };
	return failParameter(node, 'Identify Contact By', ctx.itemIndex, `"${by}" is not one of email, user_id, intercom_user_id`);
}
