/**
 * Which of the spec's operations the node promises to cover. Each file beside this one names one
 * group (a file per group, so groups can be added without touching the others) and lists the
 * groups' operations as spec keys (`GET /contacts/{id}`) or as spec tags. The coverage test
 * checks every listed operation is offered; the conformance report checks each was exercised.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ScopeGroup {
	/** Shown in the report ("Contacts, Admins, Articles and Conversations"). */
	name: string;
	/** Spec tags whose operations are all in scope. */
	tags?: string[];
	/** Single operations, as `METHOD /path` keys of the spec fixture. */
	operations?: string[];
	/** How many operations the group holds, so a spec or list change is noticed. */
	count: number;
}

interface SpecFixture {
	operations: Record<string, { tags?: string[]; operationId?: string }>;
}

export function loadSpec(): SpecFixture {
	return JSON.parse(readFileSync(join(__dirname, '../../spec/intercom-2.14.json'), 'utf8')) as SpecFixture;
}

export function scopeGroups(): ScopeGroup[] {
	return readdirSync(__dirname)
		.filter((file) => file.endsWith('.ts') && file !== 'index.ts')
		.sort()
		// Group files are discovered, not imported by name, so adding a group touches no other file.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		.map((file) => (require(join(__dirname, file)) as { group: ScopeGroup }).group);
}

/** The spec keys a group covers. */
export function groupOperations(group: ScopeGroup, spec: SpecFixture = loadSpec()): string[] {
	const keys = new Set(group.operations ?? []);
	for (const [key, op] of Object.entries(spec.operations)) {
		if (op.tags?.some((t) => group.tags?.includes(t))) keys.add(key);
	}
	return [...keys].sort();
}

/** Every spec key in scope, over all groups. */
export function inScopeOperations(spec: SpecFixture = loadSpec()): string[] {
	return [...new Set(scopeGroups().flatMap((g) => groupOperations(g, spec)))].sort();
}
