/**
 * Runs our nodes through n8n's real execution engine (n8n-core's WorkflowExecute and PollContext),
 * not through hand-made mocks of IExecuteFunctions: parameters, expressions, resource locators,
 * credentials and request helpers are all n8n's own. Only the credential store is ours.
 */
import { ExecutionLifecycleHooks, PollContext, WorkflowExecute } from 'n8n-core';
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, setSafeRegexEngine, Workflow } from 'n8n-workflow';

import nock from 'nock';

import { IntercomAccessTokenApi } from '../../credentials/IntercomAccessTokenApi.credentials';
import { IntercomOAuth2Api } from '../../credentials/IntercomOAuth2Api.credentials';
import { IntercomWebhookSecretApi } from '../../credentials/IntercomWebhookSecretApi.credentials';
import { Intercom } from '../../nodes/Intercom/Intercom.node';
import { TEST_API_VERSION } from './api-version';

// Tests never reach the internet: only loopback (the in-process sandbox, scripted servers) gets through.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
// Jest gives each test file its own nock, but Node's http module is shared by files run in one
// worker: unhook this file's nock when it is done, or it would answer the next file's requests.
afterAll(() => {
	nock.cleanAll();
	nock.enableNetConnect();
	nock.restore();
});

// n8n checks resource-locator values with its "safe regex" engine: a vm with a 250 ms wall-clock
// limit, which a loaded 2-core CI machine can exceed for a trivial pattern. Tests use the same
// patterns and flags with the native engine, so a timeout never masquerades as a failed check.
setSafeRegexEngine({
	exec: (pattern, input, flags) => new RegExp(pattern, flags).exec(input),
	test: (pattern, input, flags) => new RegExp(pattern, flags).test(input),
	replace: (pattern, input, flags, replacement) => input.replace(new RegExp(pattern, flags), replacement),
	matchAll: (pattern, input, flags) => Array.from(input.matchAll(new RegExp(pattern, flags?.includes('g') ? flags : `${flags ?? ''}g`))),
	split: (pattern, input, flags) => input.split(new RegExp(pattern, flags)),
});

export type CredentialName = 'intercomAccessTokenApi' | 'intercomOAuth2Api' | 'intercomWebhookSecretApi';

const credentialTypes: Record<string, ICredentialType> = {
	intercomAccessTokenApi: new IntercomAccessTokenApi(),
	intercomOAuth2Api: new IntercomOAuth2Api(),
	intercomWebhookSecretApi: new IntercomWebhookSecretApi(),
};

/** Resolves `{{$credentials.x}}` in a generic `authenticate` block, as n8n's CredentialsHelper does. */
function resolveTemplate(template: string, credentials: ICredentialDataDecryptedObject): string {
	return template
		.replace(/^=/, '')
		.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_m, key: string) => String(credentials[key] ?? ''));
}

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(name: string): string[] {
		const extendsList = credentialTypes[name]?.extends ?? [];
		return extendsList.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const auth = credentialTypes[typeName]?.authenticate as IAuthenticateGeneric | undefined;
		if (!auth || typeof auth === 'function' || auth.type !== 'generic') return requestOptions;
		const headers = { ...(requestOptions.headers ?? {}) } as IDataObject;
		for (const [key, value] of Object.entries(auth.properties.headers ?? {})) {
			headers[key] = resolveTemplate(String(value), credentials);
		}
		return { ...requestOptions, headers };
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		const data = this.store[type];
		if (!data) throw new Error(`No test credential of type ${type}`);
		return data;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(_nodeCredentials: unknown, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.store[type] = data;
	}

	getCredentialsProperties(type: string) {
		return credentialTypes[type]?.properties ?? [];
	}
}

/** A start node that emits the items it is given, standing in for whatever feeds our node. */
class ItemsSource implements INodeType {
	description = {
		displayName: 'Items',
		name: 'itemsSource',
		group: ['trigger'],
		version: 1,
		description: 'Emits test items',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: import('n8n-workflow').IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

const registered: Record<string, INodeType> = {
	'test.itemsSource': new ItemsSource(),
	'n8n-nodes-intercom.intercom': new Intercom(),
};

export function registerNodeType(type: string, node: INodeType): void {
	registered[type] = node;
}

export const nodeTypes: INodeTypes = {
	getByName: (type) => registered[type],
	getByNameAndVersion: (type) => registered[type],
	getKnownTypes: () => ({}),
};

export function credentialsFor(baseUrl: string, token: string, extra: IDataObject = {}): Record<string, ICredentialDataDecryptedObject> {
	return { intercomAccessTokenApi: { region: 'custom', baseUrl, accessToken: token, apiVersion: TEST_API_VERSION, ...extra } };
}

export function additionalData(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	workflowData?: ConstructorParameters<typeof ExecutionLifecycleHooks>[2],
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper({ ...credentials }),
		hooks: workflowData ? new ExecutionLifecycleHooks('manual', 'test-execution', workflowData) : undefined,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		userId: 'test-user',
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunNodeOptions {
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	items?: IDataObject[];
	continueOnFail?: boolean;
	nodeType?: string;
	mode?: WorkflowExecuteMode;
	/** The workflow's time zone (Settings → Time zone); unset: n8n's default. */
	timezone?: string;
	/** Called once the execution started, with what cancels it (as n8n's Stop button does). */
	whileRunning?: (cancel: () => void) => void;
}

export interface RunNodeResult {
	/** The node's output items (first output). */
	items: INodeExecutionData[];
	/** The error the node failed with, if it did. */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string };
	run: IRun;
}

/** Runs `Items → our node` as a manual execution and returns the node's output or error. */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const nodes: INode[] = [
		{
			id: 'source',
			name: 'Items',
			type: 'test.itemsSource',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.items ?? [{}]) },
		},
		{
			id: 'subject',
			name: 'Intercom',
			type: options.nodeType ?? 'n8n-nodes-intercom.intercom',
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: Object.fromEntries(Object.keys(options.credentials).map((type) => [type, { id: type, name: type }])),
			onError: options.continueOnFail ? 'continueRegularOutput' : undefined,
		},
	];
	const connections = { Items: { main: [[{ node: 'Intercom', type: 'main' as const, index: 0 }]] } };
	const settings = options.timezone ? { timezone: options.timezone } : {};
	const workflow = new Workflow({ id: 'test-workflow', nodes, connections, active: false, nodeTypes, staticData: {}, settings });
	const workflowData = { id: 'test-workflow', name: 'test', active: false, nodes, connections, settings, createdAt: new Date(), updatedAt: new Date(), isArchived: false, activeVersionId: null } as unknown as ConstructorParameters<typeof ExecutionLifecycleHooks>[2];
	const data = additionalData(options.credentials, workflowData);
	const execute = new WorkflowExecute(data, options.mode ?? 'manual');
	const running = execute.run({ workflow, startNode: nodes[0] });
	options.whileRunning?.(() => running.cancel());
	const run = await running;
	const task = run.data.resultData.runData.Intercom?.[0];
	return {
		items: (task?.data?.main?.[0] ?? []) as INodeExecutionData[],
		error: (task?.error ?? run.data.resultData.error) as RunNodeResult['error'],
		run,
	};
}

export interface PollOptions {
	nodeType: string;
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The workflow's static data, as n8n keeps it between polls. */
	staticData: IDataObject;
	mode?: 'trigger' | 'manual';
	pollBudgetMs?: number;
	/** The workflow's time zone setting (n8n's default zone when absent). */
	timezone?: string;
	/** Why the trigger runs: 'init' is n8n starting up with the workflow active (default: 'activate'). */
	activation?: 'init' | 'activate';
	/** The workflow's id (default: 'poll-workflow'). */
	workflowId?: string;
}

/** One poll of a polling trigger through n8n-core's PollContext. Returns what it emitted. */
export async function poll(options: PollOptions): Promise<INodeExecutionData[][] | null> {
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: options.nodeType,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: Object.fromEntries(Object.keys(options.credentials).map((type) => [type, { id: type, name: type }])),
	};
	const workflow = new Workflow({
		id: options.workflowId ?? 'poll-workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: options.staticData,
		settings: options.timezone ? { timezone: options.timezone } : undefined,
	});
	const data = additionalData(options.credentials);
	const ctx = new PollContext(
		workflow,
		node,
		data,
		options.mode ?? 'trigger',
		options.activation ?? 'activate',
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
		options.pollBudgetMs === undefined ? undefined : () => options.pollBudgetMs!,
	);
	const nodeType = nodeTypes.getByNameAndVersion(options.nodeType);
	return (await nodeType.poll!.call(ctx)) ?? null;
}

// Imported here rather than above so the lines before stay as they were.
import { LoadOptionsContext } from 'n8n-core';
import { NodeHelpers } from 'n8n-workflow';

export interface LoadOptionsContextOptions {
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The node's parameters as the editor holds them when it asks for options. */
	parameters?: INodeParameters;
	/** The parameter being filled, as n8n names it (`parameters.contactId`). */
	path?: string;
	nodeType?: string;
}

/**
 * The context n8n-core gives a node's loadOptions / listSearch methods, built the way n8n's
 * dynamic-parameters service builds it: a one-node workflow holding the current parameters.
 */
export function loadOptionsContext(options: LoadOptionsContextOptions): LoadOptionsContext {
	const type = options.nodeType ?? 'n8n-nodes-intercom.intercom';
	const node: INode = {
		id: 'subject',
		name: 'Intercom',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters ?? {},
		credentials: Object.fromEntries(Object.keys(options.credentials).map((name) => [name, { id: name, name }])),
	};
	// The editor sends the parameters with their defaults filled in (authentication among them).
	const description = nodeTypes.getByNameAndVersion(type).description;
	const parameters = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
	node.parameters = parameters;
	const workflow = new Workflow({ id: 'options-workflow', nodes: [node], connections: {}, active: false, nodeTypes, staticData: {} });
	const data = additionalData(options.credentials);
	data.currentNodeParameters = parameters;
	return new LoadOptionsContext(workflow, node, data, options.path ?? 'parameters');
}

/** Runs a node's loadOptions method `name` in the context the editor would give it. */
export async function runLoadOptions(name: string, options: LoadOptionsContextOptions): Promise<INodePropertyOptions[]> {
	const methods = nodeTypes.getByNameAndVersion(options.nodeType ?? 'n8n-nodes-intercom.intercom').methods!;
	const fn = methods.loadOptions![name] as (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;
	return await fn.call(loadOptionsContext(options));
}

/** Runs a node's listSearch method `name` (a resource locator's list) with the editor's filter and page token. */
export async function runListSearch(name: string, options: LoadOptionsContextOptions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const methods = nodeTypes.getByNameAndVersion(options.nodeType ?? 'n8n-nodes-intercom.intercom').methods!;
	const fn = methods.listSearch![name] as (this: ILoadOptionsFunctions, f?: string, t?: string) => Promise<INodeListSearchResult>;
	return await fn.call(loadOptionsContext(options), filter, token);
}

/**
 * One poll as an n8n 1.x PollContext would run it: the same as `poll`, but the context has no
 * `getPollBudgetMs` (older n8n gives polls no time budget), so a node must do without it.
 */
export async function pollWithoutBudget(options: Omit<PollOptions, 'pollBudgetMs'>): Promise<INodeExecutionData[][] | null> {
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: options.nodeType,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: Object.fromEntries(Object.keys(options.credentials).map((type) => [type, { id: type, name: type }])),
	};
	const workflow = new Workflow({ id: 'poll-workflow', nodes: [node], connections: {}, active: true, nodeTypes, staticData: options.staticData });
	const ctx = new PollContext(workflow, node, additionalData(options.credentials), options.mode ?? 'trigger', 'activate');
	delete (ctx as unknown as { getPollBudgetMs?: unknown }).getPollBudgetMs;
	const nodeType = nodeTypes.getByNameAndVersion(options.nodeType);
	return (await nodeType.poll!.call(ctx)) ?? null;
}
