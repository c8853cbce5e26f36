import type { IBinaryKeyData, IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';
import type { ApiVersion } from '../../shared/regions';

import type { IntercomClient } from '../../shared/transport/client';
import type { PaginationKind } from '../../shared/transport/pagination';

export interface IdFormat {
	pattern: RegExp;
	hint: string;
}

export type Resource =
	| 'admin'
	| 'article'
	| 'company'
	| 'contact'
	| 'conversation'
	| 'tag'
	| 'note'
	| 'dataEvent'
	| 'message'
	| 'dataAttribute'
	| 'segment'
	| 'team'
	| 'subscriptionType'
	| 'awayStatusReason'
	| 'visitor'
	| 'ticket'
	| 'ticketType'
	| 'customObjectInstance'
	| 'fin'
	| 'ipAllowlist'
	| 'job'
	| 'phoneSwitch'
	| 'call'
	| 'dataExport'
	| 'reportingDataExport'
	| 'helpCenter'
	| 'collection'
	| 'newsItem'
	| 'newsfeed'
	| 'internalArticle'
	| 'contentImportSource'
	| 'externalPage';

/*
 * The executor's vocabulary
 * =========================
 * An operation is data: the call (method, path) and, for each parameter, where its value goes and
 * what it must be. The executor (`executor.ts`) reads each parameter, then, in this order:
 *
 *   1. skips it when n8n hides it (its displayOptions do not match) or, in a collection, when the
 *      user did not add it;
 *   2. refuses a blank value when the field is required (`required`, or the property's own
 *      `required`): "Parameter "X": a value is required";
 *   3. refuses a value that is not one of a static `options` list (expressions can produce anything),
 *      or that the credential's API version no longer takes (`refusedFrom`);
 *   4. converts it (`convert`, see Conversion);
 *   5. checks IDs (`idFormat`, and every path parameter is non-blank);
 *   6. shapes it (`shape`, a per-field rule for what the words above cannot say);
 *   7. sends it as text if `send: 'string'`, or `sendAsStringFrom` names the credential's API version or an earlier one;
 *   8. places it at `in` + `key` (dotted keys nest), merging objects when `merge` is set.
 * A field whose value ends up `undefined` (a blank optional text, an empty JSON object, a false
 * switch) is not placed. Then the operation's `fixed` constants are placed, its `checks` are run
 * against the finished request, and only then `build` (if any) runs. Every failure names the
 * parameter and the item, and nothing is sent.
 *
 * Files (n8n binary data), in `files.ts`:
 *   - `convert: 'binaryFiles'` on a field: its value names binary properties of the input item
 *     (`data`, or `data, invoice`); each becomes `{ name, content_type, data }` (data in base64),
 *     the shape Intercom's `attachment_files` takes. `files` gives the limits (how many, how large
 *     each), checked before sending; a property the item does not have fails naming the parameter.
 *   - `file` on an operation: the answer is a file (a download, a transcript). It lands in the
 *     item's binary property the user names in "Put Output File in Field" (n8n's usual `data`),
 *     named and typed from the answer's Content-Disposition and Content-Type, or from `file`'s
 *     defaults where the answer says nothing useful. `file.redirect`: the endpoint answers with a
 *     redirect to a signed URL, which is fetched without the credential.
 *   - `linkedFiles` on an operation: files the answer links to (a conversation's attachments),
 *     downloaded into `attachment_0`, `attachment_1`, … when the user's option asks for them.
 *   - `waitUntilReady` on an operation: before the request, the job's status is read (with backoff)
 *     until it is ready, inside a wait the user bounds ("Max Wait"); a job that failed, or is not
 *     ready in time, fails naming the job and its last status. Fields placed `in: 'statusQuery'`
 *     go only into that status read.
 *   - `also` on a field: more places the same value goes (`query.job_identifier`), for an API that
 *     wants one value twice.
 *
 * Hooks (`build`, `run`) remain for what is truly special (the search filter builder, replies with
 * four shapes, article search's highlights); a hook that rewrites what the executor just placed
 * means the vocabulary is missing a word: add the word here instead.
 */

/**
 * How one parameter's value becomes what the API takes.
 * - `unixSeconds`: n8n dates, ISO 8601 strings or Unix seconds → Unix seconds.
 * - `json`: parses JSON (an object or array; an expression's object passes as is).
 * - `object`: a JSON object (`{ … }`), refused otherwise; an empty object is not sent.
 * - `list`: a comma-separated string (or an array) → a list of trimmed, non-empty strings.
 * - `integer`: an exact whole number, from a number or digits.
 * - `boolean`: `true` / `"true"` → true, anything else false.
 * - `text`: a trimmed string; blank means "not given" (refused if required, else not sent).
 * - `keyValue`: a fixedCollection of `{attribute: [{name, value}]}` → an object (custom attributes);
 *   empty → not sent.
 * - `isoDateTime`: n8n dates, ISO 8601 strings or Unix seconds → an ISO 8601 UTC string with
 *   milliseconds (`2025-01-24T10:01:20.000Z`), for the few fields that take one (Fin messages).
 */
export type Conversion = 'unixSeconds' | 'json' | 'object' | 'list' | 'integer' | 'keyValue' | 'boolean' | 'text' | 'isoDateTime' | 'binaryFiles';

/** Where a field's value goes: the request's path, query or body, or the query of a job's status read. */
export type Place = 'path' | 'query' | 'body' | 'statusQuery';

/** What a field's `shape` function gets besides the value. */
export interface ShapeContext {
	ctx: OperationContext;
	/** The parameter's display name, for errors. */
	parameter: string;
	/** Throws a NodeOperationError naming the parameter and the item. */
	fail(message: string, hint?: string): never;
}

export interface FieldTarget {
	/** Unset: the operation's `build` reads the parameter itself. */
	in?: Place;
	/** More places (`query.job_identifier`) the same value goes, for an API that wants it twice. */
	also?: string[];
	/** With `convert: 'binaryFiles'`: how many files Intercom takes and how large each may be. */
	files?: { maxFiles: number; maxBytes: number };
	/** The API's name for it; dotted for nested body fields (`pagination.per_page`). Defaults to the parameter name. */
	key?: string;
	convert?: Conversion;
	/** A blank value is refused. Defaults to the property's `required`. */
	required?: boolean;
	/** For IDs: the form a valid ID takes (checked before sending), with a hint for the error. */
	idFormat?: IdFormat;
	/**
	 * Text parameters (this one, or leaves of its fixed collection, by name) that take any value an
	 * expression gives, checked by the operation itself. Every other text parameter takes only text
	 * or a number (see inputs.ts).
	 */
	anyValue?: string[];
	/** A switch: when the (boolean) value is true this is sent, when false nothing is (`display_as: 'plaintext'`). */
	whenTrue?: string | boolean | number;
	/** The API takes this value as a string (timestamps of the activity log, an article's parent on update). */
	send?: 'string';
	/** From this API version on (the credential's), the API takes the value as a string (a contact's `owner_id` in 2.16). */
	sendAsStringFrom?: ApiVersion;
	/**
	 * From this API version on (the credential's), the API no longer takes these values: they are
	 * refused before anything is sent, with the reason (Data Attributes' `model=conversation` in 2.16).
	 */
	refusedFrom?: { version: ApiVersion; values: unknown[]; reason: string };
	/**
	 * Objects placed at the same key are merged (custom attributes given as pairs and as JSON); a name
	 * given by two parameters is refused, naming the later one.
	 */
	merge?: boolean;
	/**
	 * A date left blank is the moment the item runs (a Fin message's time, which Intercom requires
	 * and uses to recognise a message sent twice).
	 */
	blankIsNow?: boolean;
	/** A per-field rule: gets the converted value, returns what to send (undefined: nothing). */
	shape?: (value: unknown, field: ShapeContext) => unknown;
}

/**
 * One parameter of an operation: its n8n property (displayOptions are added for you) and where
 * its value goes. A field with `in` unset is read by the operation's own `build` function.
 */
export interface FieldSpec extends FieldTarget {
	property: INodeProperties;
}

/** A parameter inside an "Additional Fields" style collection; its option is `property`. */
export interface OptionSpec extends FieldTarget {
	property: INodeProperties;
}

/**
 * A rule on the finished request, by place: `body.email`, `query.phrase`, or `body` alone for "the
 * body has any field". Fails naming `parameter` with `message` (and `hint`).
 */
export interface RequestCheck {
	/** At least one of these places holds a value (contact create: email, external ID or role). */
	anyOf?: string[];
	/** With `anyOf`: the rule applies only when this place holds a value (a parent type needs a parent ID). */
	when?: string;
	/** These two places must not hold the same value (merging a contact into itself). */
	distinct?: [string, string];
	parameter: string;
	message: string;
	hint?: string;
}

/**
 * How far Intercom's page numbers reach into a list (companies: the 10,000th; it refuses a page
 * past it). A larger Limit is refused before anything is sent, and a Return All of a longer list
 * fails saying so, with `pastReach` (what to use instead) as the error's description.
 */
export interface ListReach {
	items: number;
	/** What the list holds, in the plural ("companies"). */
	noun: string;
	pastReach: string;
}

export interface OperationContext {
	fn: IExecuteFunctions;
	client: IntercomClient;
	itemIndex: number;
	/** A parameter's value; resource locators are resolved to their ID. */
	param<T = unknown>(name: string, fallback?: T): T;
}

export interface BuiltRequest {
	pathParams: IDataObject;
	query: IDataObject;
	body: IDataObject;
	/** The query of the job's status read (`waitUntilReady`). */
	statusQuery?: IDataObject;
}

/** The answer is a file (see "Files" above). */
export interface FileAnswer {
	/** The Accept header the endpoint asks for (Intercom's downloads: `application/octet-stream`). */
	accept: string;
	/** The endpoint answers with a redirect to the file (a signed URL), fetched without the credential. */
	redirect?: boolean;
	/** The file name when the answer gives none; `{call_id}` is replaced by that path parameter. */
	fileName: string;
	/** The MIME type when the answer gives none, or only the generic `application/octet-stream`. */
	mimeType: string;
}

/** Files an answer links to, as Intercom's attachment objects `{ url, name, content_type }`. */
export interface LinkedFiles {
	/** The switch that asks for them, as `collection.option` (`options.downloadAttachments`). */
	option: string;
	/** Where the lists of files are in the answer, dotted, `*` for every element of a list. */
	lists: string[];
	/** Binary property names are this plus a counter from 0 (`attachment_0`). */
	prefix: string;
}

/** A job to wait for before the request (see "Files" above). */
export interface JobWait {
	/** The job's status read (a GET), with the operation's path parameters and its `statusQuery` fields. */
	statusPath: string;
	/** Where the status is in that answer. */
	statusKey: string;
	/** Statuses meaning "ready: go on". */
	ready: string[];
	/** Statuses meaning "it will never be ready". Any other status means "not yet". */
	failed: string[];
	/** What the job is called in errors ("Data export job"). */
	subject: string;
}

/** One output item: the JSON, and the files when the operation produced any. */
export interface OperationOutput {
	json: IDataObject;
	binary?: IBinaryKeyData;
}

/**
 * An Intercom operation as data: what to call and which parameters go where. The executor
 * (`executor.ts`) does the rest; see "The executor's vocabulary" above.
 */
export interface OperationDefinition {
	resource: Resource;
	/** The n8n `operation` value. */
	value: string;
	/** Shown in the operation list ("Get Many"). */
	name: string;
	/** Shown in the node's actions panel ("Get many contacts"). */
	action: string;
	/** One sentence an AI agent can choose the operation by. */
	description: string;
	method: IHttpRequestMethods;
	/** Intercom path template, such as `/contacts/{contact_id}`. */
	path: string;
	/** Other Intercom calls the operation makes, as spec keys (`GET /companies/scroll` for Return All). */
	alsoCalls?: string[];
	/** Names for path parameters in errors. */
	pathLabels?: Record<string, string>;
	/** A POST that creates nothing and may be retried (search). */
	idempotent?: boolean;
	fields: FieldSpec[];
	/** Options gathered in one collection parameter (for example `additionalFields`). */
	collections?: Array<{ name: string; displayName: string; placeholder?: string; options: OptionSpec[] }>;
	/** Constants every request of this operation carries (`message_type: 'close'`); dotted keys nest. */
	fixed?: { body?: IDataObject; query?: IDataObject };
	/** Rules on the finished request, checked before sending. */
	checks?: RequestCheck[];
	/**
	 * A list endpoint: adds Return All / Limit and walks the pages. `linked` is for lists whose spec
	 * declares no paging parameters (internal articles, AI content): the first page is asked for
	 * plainly, each later one as the answer links it (`pages.next`, or the next page number).
	 */
	list?: {
		pagination: PaginationKind | 'none';
		itemsPath: string | string[];
		maxPerPage?: number;
		/** How far Intercom's page numbers reach into this list (see ListReach). */
		reach?: ListReach;
	};
	/** What a 404 names, such as "Contact". */
	subject?: string;
	/** Request body when the API wants one although no field sets it. */
	emptyBody?: boolean;
	/** Intercom answers with no body (202 Accepted): the output item is the body Intercom accepted. */
	answersEmpty?: boolean;
	/**
	 * Paths (templates) the `build` hook reads with a GET before the request, to check input against
	 * the workspace (a ticket's attributes against its type); the same path parameters fill them.
	 */
	reads?: string[];
	/** The answer is a file, put into the item's binary data (see "Files" above). */
	file?: FileAnswer;
	/** Files the answer links to, downloaded when the user asks (see "Files" above). */
	linkedFiles?: LinkedFiles;
	/** A job to wait for before the request, when the user asks (see "Files" above). */
	waitUntilReady?: JobWait;
	/** Hook: adjust the request for what data cannot say; may throw a NodeOperationError. */
	build?: (ctx: OperationContext, request: BuiltRequest) => void | Promise<void>;
	/** Shape the output items (default: the response object, or the list's items). */
	output?: (response: IDataObject, ctx: OperationContext) => IDataObject[];
	/** Hook: replace the executor entirely. */
	run?: (ctx: OperationContext) => Promise<IDataObject[]>;
}
