import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import type { IntercomClient } from '../../shared/transport/client';
import type { PaginationKind } from '../../shared/transport/pagination';

export interface IdFormat {
	pattern: RegExp;
	hint: string;
}

export type Resource = 'admin' | 'article' | 'contact' | 'conversation' | 'tag';

/**
 * How one parameter's value becomes part of the request.
 * `unixSeconds` accepts n8n dates, ISO strings and Unix seconds; `json` parses an object or array;
 * `list` splits a comma-separated string; `integer` accepts digits; `keyValue` turns a fixedCollection
 * of `{name, value}` pairs into an object (custom attributes).
 */
export type Conversion = 'unixSeconds' | 'json' | 'list' | 'integer' | 'keyValue' | 'boolean';

export interface FieldTarget {
	/** Unset: the operation's `build` reads the parameter itself. */
	in?: 'path' | 'query' | 'body';
	/** The API's name for it; dotted for nested body fields (`pagination.per_page`). Defaults to the parameter name. */
	key?: string;
	convert?: Conversion;
	/** For ID path parameters: the form a valid ID takes (checked before sending), with a hint for the error. */
	idFormat?: IdFormat;
	/**
	 * Text parameters (this one, or leaves of its fixed collection, by name) that take any value an
	 * expression gives, checked by the operation itself. Every other text parameter takes only text
	 * or a number (see inputs.ts).
	 */
	anyValue?: string[];
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
}

/**
 * An Intercom operation as data: what to call and which parameters go where. The executor
 * (`executor.ts`) does the rest. `build` adjusts the request for what data cannot say;
 * `run` replaces the executor for the few operations that are truly special.
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
	/** Names for path parameters in errors. */
	pathLabels?: Record<string, string>;
	/** A POST that creates nothing and may be retried (search). */
	idempotent?: boolean;
	fields: FieldSpec[];
	/** Options gathered in one collection parameter (for example `additionalFields`). */
	collections?: Array<{ name: string; displayName: string; placeholder?: string; options: OptionSpec[] }>;
	/** A list endpoint: adds Return All / Limit and walks the pages. */
	list?: { pagination: PaginationKind | 'none'; itemsPath: string | string[] };
	/** What a 404 names, such as "Contact". */
	subject?: string;
	/** Request body when the API wants one although no field sets it. */
	emptyBody?: boolean;
	/** Fine-tune the request after fields are mapped; may throw a NodeOperationError. */
	build?: (ctx: OperationContext, request: BuiltRequest) => void | Promise<void>;
	/** Shape the output items (default: the response object, or the list's items). */
	output?: (response: IDataObject, ctx: OperationContext) => IDataObject[];
	/** Replace the executor entirely. */
	run?: (ctx: OperationContext) => Promise<IDataObject[]>;
}
