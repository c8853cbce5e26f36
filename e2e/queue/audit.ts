/**
 * Module-level state audit of the shipped code (nodes/ and credentials/).
 *
 * In queue mode every execution may run in another process (a worker), and a poll runs on the main
 * instance while its execution runs on a worker: anything a node keeps in process memory between
 * executions is silently not shared. This reads every shipped source file with the TypeScript
 * compiler and reports:
 *   - module-level `let` / `var` bindings (reassignable state),
 *   - module-level `const` containers (Map, Set, arrays, object literals, class instances) that any
 *     shipped file mutates (`.set()`, `.push()`, `x.y = …`, `x[k] = …`, `delete x.y`, …),
 *   - static class fields that are not `readonly`, and static `readonly` containers that are mutated.
 * Read-only lookup tables built once at load (the operation registry) are listed as such.
 *
 *   npx tsx e2e/queue/audit.ts      # prints the audit; exits 1 on a finding
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

import { ROOT } from '../runtime/paths';

const SHIPPED_DIRS = ['nodes', 'credentials'];
const MUTATING_METHODS = new Set([
	'set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin',
]);

/**
 * Module-level containers that are pure memo caches: each entry is derived from its key alone, so a
 * process that lacks it computes the same value; nothing is lost when another process runs the next
 * execution. Also allowed: a WeakMap keyed by one execution's own object (its IExecuteFunctions or
 * its client), which holds that execution's memo only, is never seen by another execution and goes
 * with it. Each needs its reason here (the audit reports them, and fails on anything else).
 */
const PURE_CACHES: Record<string, string> = {
	'nodes/shared/values.ts zoneFormatters':
		'memo of Intl.DateTimeFormat per IANA zone name (derived from the key, the same in every process; only valid zones are kept)',
	'nodes/Intercom/actions/contact/createOrUpdate.operation.ts seenInExecution':
		"WeakMap keyed by one execution's IntercomClient: the contacts that execution created or updated, seen by no other execution",
	'nodes/Intercom/actions/ticket/attributes.ts typeCache':
		"WeakMap keyed by one execution's IExecuteFunctions: the ticket types that execution read, seen by no other execution",
};

export interface AuditFinding {
	file: string;
	line: number;
	name: string;
	why: string;
}

export interface AuditReport {
	files: number;
	findings: AuditFinding[];
	/** Mutated module-level containers that are pure memo caches (PURE_CACHES), with the reason. */
	caches: AuditFinding[];
	/** Module-level containers that are only read after load. */
	readOnlyTables: Array<{ file: string; line: number; name: string }>;
}

function sourceFiles(dir: string): string[] {
	const out: string[] = [];
	if (!fs.existsSync(dir)) return out;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...sourceFiles(full));
		else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts')) out.push(full);
	}
	return out;
}

/** A value whose contents can change: new Map/Set/…, arrays, object literals, `new X()`. */
function isContainer(node: ts.Expression | undefined): boolean {
	if (!node) return false;
	let expr = node;
	while (ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isParenthesizedExpression(expr)) expr = expr.expression;
	return ts.isNewExpression(expr) || ts.isArrayLiteralExpression(expr) || ts.isObjectLiteralExpression(expr);
}

/** `Object.freeze(...)` or `as const` values cannot change. */
function isFrozen(node: ts.Expression | undefined): boolean {
	if (!node) return false;
	if (ts.isAsExpression(node) && node.type.getText() === 'const') return true;
	return ts.isCallExpression(node) && node.expression.getText() === 'Object.freeze';
}

/** The root identifier of `a.b[c].d` → `a`. */
function rootName(expr: ts.Expression): string | undefined {
	let e: ts.Expression = expr;
	while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) {
		e = e.expression;
	}
	return ts.isIdentifier(e) ? e.text : undefined;
}

/** `Class.staticField` of a property access chain, e.g. `Foo.cache.set()` → `Foo.cache`. */
function staticPath(expr: ts.Expression): string | undefined {
	let e: ts.Expression = expr;
	let last: ts.PropertyAccessExpression | undefined;
	while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isNonNullExpression(e)) {
		if (ts.isPropertyAccessExpression(e)) last = e;
		e = e.expression;
	}
	return ts.isIdentifier(e) && last ? `${e.text}.${last.name.text}` : undefined;
}

/**
 * Every place a shipped file mutates something through a name: `x.set(…)`, `x.y = …`, `x[k] = …`,
 * `x.y++`, `delete x.y`. Only mutations at a depth below the name count (reassigning a local of
 * the same name is not a mutation of the module's binding); names shadowed by a local declaration
 * in the same function are approximated by the file that declares the binding or imports it.
 */
function mutationsIn(file: ts.SourceFile): Array<{ name: string; path?: string; line: number }> {
	const found: Array<{ name: string; path?: string; line: number }> = [];
	const record = (target: ts.Expression, at: ts.Node): void => {
		const name = rootName(target);
		if (name) found.push({ name, path: staticPath(target), line: file.getLineAndCharacterOfPosition(at.getStart(file)).line + 1 });
	};
	const visit = (node: ts.Node): void => {
		if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MUTATING_METHODS.has(node.expression.name.text)) {
			record(node.expression.expression, node);
		} else if (
			ts.isBinaryExpression(node) &&
			node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
			node.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
			(ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left))
		) {
			record(node.left, node);
		} else if (
			(ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
			(node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken) &&
			(ts.isPropertyAccessExpression(node.operand) || ts.isElementAccessExpression(node.operand))
		) {
			record(node.operand, node);
		} else if (ts.isDeleteExpression(node)) {
			record(node.expression, node);
		} else if (ts.isCallExpression(node) && node.expression.getText(file) === 'Object.assign' && node.arguments[0]) {
			record(node.arguments[0], node);
		}
		ts.forEachChild(node, visit);
	};
	visit(file);
	return found;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
	return ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []).some((m) => m.kind === kind) : false;
}

/** Names a file imports from another shipped file, with the file they come from. */
function importsOf(file: ts.SourceFile, fileName: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const stmt of file.statements) {
		if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
		const spec = stmt.moduleSpecifier.text;
		if (!spec.startsWith('.')) continue;
		const target = path.resolve(path.dirname(fileName), spec);
		const resolved = fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts');
		const bindings = stmt.importClause?.namedBindings;
		if (bindings && ts.isNamedImports(bindings)) {
			for (const el of bindings.elements) out.set(el.name.text, resolved);
		}
	}
	return out;
}

export function auditModuleState(root: string = ROOT): AuditReport {
	const files = SHIPPED_DIRS.flatMap((d) => sourceFiles(path.join(root, d)));
	const parsed = new Map(files.map((f) => [f, ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.ES2022, true)]));
	const findings: AuditFinding[] = [];
	const caches: AuditFinding[] = [];
	const readOnlyTables: AuditReport['readOnlyTables'] = [];
	const rel = (f: string): string => path.relative(root, f);
	const lineOf = (sf: ts.SourceFile, node: ts.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;

	// Mutations per file, and what each file imports (to attribute a mutation to the declaring module).
	const mutations = new Map([...parsed].map(([f, sf]) => [f, mutationsIn(sf)]));
	const imports = new Map([...parsed].map(([f, sf]) => [f, importsOf(sf, f)]));
	const mutatedFrom = (declFile: string, name: string): Array<{ file: string; line: number }> => {
		const hits: Array<{ file: string; line: number }> = [];
		for (const [f, list] of mutations) {
			const visible = f === declFile || imports.get(f)?.get(name) === declFile;
			if (!visible) continue;
			for (const m of list) if (m.name === name) hits.push({ file: rel(f), line: m.line });
		}
		return hits;
	};
	const staticMutations = (declFile: string, className: string, field: string): Array<{ file: string; line: number }> => {
		const hits: Array<{ file: string; line: number }> = [];
		for (const [f, list] of mutations) {
			const visible = f === declFile || imports.get(f)?.get(className) === declFile;
			if (!visible) continue;
			for (const m of list) if (m.path === `${className}.${field}` || (m.path === `this.${field}` && f === declFile)) hits.push({ file: rel(f), line: m.line });
		}
		return hits;
	};

	for (const [file, sf] of parsed) {
		for (const stmt of sf.statements) {
			if (ts.isVariableStatement(stmt)) {
				const isConst = (stmt.declarationList.flags & ts.NodeFlags.Const) !== 0;
				for (const decl of stmt.declarationList.declarations) {
					const names = ts.isIdentifier(decl.name) ? [decl.name.text] : [decl.name.getText(sf)];
					for (const name of names) {
						if (!isConst) {
							findings.push({ file: rel(file), line: lineOf(sf, decl), name, why: 'module-level `let`/`var`: reassignable state shared by every execution in this process' });
							continue;
						}
						if (!isContainer(decl.initializer) || isFrozen(decl.initializer)) continue;
						const hits = mutatedFrom(file, name);
						const cacheReason = PURE_CACHES[`${rel(file)} ${name}`];
						if (hits.length > 0 && cacheReason) {
							caches.push({ file: rel(file), line: lineOf(sf, decl), name, why: cacheReason });
						} else if (hits.length > 0) {
							findings.push({
								file: rel(file),
								line: lineOf(sf, decl),
								name,
								why: `module-level container mutated at ${hits.map((h) => `${h.file}:${h.line}`).join(', ')}`,
							});
						} else {
							readOnlyTables.push({ file: rel(file), line: lineOf(sf, decl), name });
						}
					}
				}
			} else if (ts.isClassDeclaration(stmt) && stmt.name) {
				for (const member of stmt.members) {
					if (!ts.isPropertyDeclaration(member) || !hasModifier(member, ts.SyntaxKind.StaticKeyword)) continue;
					const field = member.name.getText(sf);
					const where = `${stmt.name.text}.${field}`;
					if (!hasModifier(member, ts.SyntaxKind.ReadonlyKeyword)) {
						findings.push({ file: rel(file), line: lineOf(sf, member), name: where, why: 'static field that is not readonly: state shared by every execution in this process' });
					} else if (isContainer(member.initializer)) {
						const hits = staticMutations(file, stmt.name.text, field);
						if (hits.length > 0) findings.push({ file: rel(file), line: lineOf(sf, member), name: where, why: `static container mutated at ${hits.map((h) => `${h.file}:${h.line}`).join(', ')}` });
					}
				}
			}
		}
	}
	return { files: files.length, findings, caches, readOnlyTables };
}

export function formatAudit(report: AuditReport): string {
	const lines = [`module-level state audit: ${report.files} shipped source files (nodes/, credentials/)`];
	if (report.findings.length === 0) lines.push('  no module-level mutable state: nothing a node keeps in process memory across executions');
	for (const f of report.findings) lines.push(`  FINDING ${f.file}:${f.line} ${f.name}: ${f.why}`);
	for (const c of report.caches) lines.push(`  pure cache (allowed) ${c.file}:${c.line} ${c.name}: ${c.why}`);
	if (report.readOnlyTables.length > 0) {
		const names = report.readOnlyTables.map((t) => t.name);
		const sample = [...names.filter((n) => /^[A-Z_]+$/.test(n)), ...names].slice(0, 6);
		lines.push(`  ${names.length} read-only tables built at load and never mutated (operation definitions, field lists, lookup sets: ${sample.join(', ')}, …)`);
	}
	return lines.join('\n');
}

if (require.main === module) {
	const report = auditModuleState();
	process.stdout.write(`${formatAudit(report)}\n`);
	process.exit(report.findings.length > 0 ? 1 : 0);
}
