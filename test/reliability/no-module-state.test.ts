/**
 * Our node code keeps no module-level mutable state (issue 9, section 5).
 *
 * Why: n8n loads a node module once per process and shares it across every execution, workflow
 * and credential in that process; in queue mode each worker has its own copy and the main instance
 * another. State kept at module level would leak between customers' workflows in one process and
 * silently differ between processes. State belongs in the execution (parameters, static data,
 * credentials), nowhere else.
 *
 * How (a static scan, simple on purpose): every file the build compiles (tsconfig.build.json:
 * nodes/ and credentials/) is compiled to JavaScript in memory with the build's options, which is
 * what dist/ holds; dist/nodes and dist/credentials are scanned too when a build exists. In each
 * file's JavaScript it flags:
 *  1. a top-level `let` or `var` (tsc's own helpers such as __importStar and the `var X;` of a
 *     compiled enum excepted);
 *  2. a top-level `const` holding a Map, Set, WeakMap, WeakSet, array or object that is mutated
 *     anywhere in the file (assignment to a property or element, ++/--, delete, a mutating method
 *     such as set/add/push/splice/sort, Object.assign/defineProperty on it);
 *  3. a static class field holding such a container, or any assignment to a static field outside
 *     its declaration;
 *  4. an assignment to `exports.x` / `module.exports` inside a function (a reassigned `export let`).
 * Not caught (said plainly): mutation through an alias (`const m = CACHE; m.set(...)`), through a
 * function of another module, or state kept in a closure created at module level. Review those.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');

interface Finding {
	file: string;
	line: number;
	rule: string;
	name: string;
	code: string;
}

const MUTATING_METHODS = new Set([
	'set',
	'add',
	'delete',
	'clear',
	'push',
	'pop',
	'shift',
	'unshift',
	'splice',
	'sort',
	'reverse',
	'fill',
	'copyWithin',
]);
const MUTATING_GLOBALS = new Set([
	'Object.assign',
	'Object.defineProperty',
	'Object.defineProperties',
	'Object.setPrototypeOf',
	'Reflect.set',
	'Reflect.defineProperty',
	'Reflect.deleteProperty',
]);
const CONTAINER_CONSTRUCTORS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object']);

function unwrap(node: ts.Expression): ts.Expression {
	let current = node;
	while (
		ts.isParenthesizedExpression(current) ||
		ts.isNonNullExpression(current) ||
		ts.isAsExpression(current)
	)
		current = current.expression;
	return current;
}

/** A value that can be changed in place (not frozen, not a primitive, not a function). */
function isMutableContainer(init: ts.Expression | undefined): boolean {
	if (!init) return false;
	const node = unwrap(init);
	if (ts.isArrayLiteralExpression(node) || ts.isObjectLiteralExpression(node)) return true;
	if (ts.isNewExpression(node) && ts.isIdentifier(node.expression))
		return CONTAINER_CONSTRUCTORS.has(node.expression.text);
	return false;
}

/** `a.b[c].d` → the node of `a` (an identifier or `this`), else undefined. */
function rootOf(node: ts.Expression): ts.Expression | undefined {
	let current = unwrap(node);
	while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current))
		current = unwrap(current.expression);
	return ts.isIdentifier(current) || current.kind === ts.SyntaxKind.ThisKeyword
		? current
		: undefined;
}

/** The static field `Cls.field` a property chain starts with, as "Cls.field". */
function staticRootOf(node: ts.Expression): string | undefined {
	let current = unwrap(node);
	let last: ts.Expression | undefined;
	while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
		last = current;
		current = unwrap(current.expression);
	}
	if (!last || !ts.isIdentifier(current) || !ts.isPropertyAccessExpression(last)) return undefined;
	return `${current.text}.${last.name.text}`;
}

function isFunctionLike(node: ts.Node): boolean {
	return (
		ts.isFunctionDeclaration(node) ||
		ts.isFunctionExpression(node) ||
		ts.isArrowFunction(node) ||
		ts.isMethodDeclaration(node) ||
		ts.isConstructorDeclaration(node) ||
		ts.isGetAccessor(node) ||
		ts.isSetAccessor(node) ||
		ts.isClassStaticBlockDeclaration(node)
	);
}

function declaresName(binding: ts.BindingName, name: string): boolean {
	if (ts.isIdentifier(binding)) return binding.text === name;
	return binding.elements.some(
		(element) => !ts.isOmittedExpression(element) && declaresName(element.name, name),
	);
}

/** Whether `name` at `node` refers to a local declaration (a parameter or variable of an enclosing function or block) rather than the module's. */
function isShadowed(node: ts.Node, name: string, sourceFile: ts.SourceFile): boolean {
	for (let scope = node.parent; scope && scope !== sourceFile; scope = scope.parent) {
		if (isFunctionLike(scope)) {
			const fn = scope as ts.SignatureDeclaration;
			if (fn.parameters?.some((p) => declaresName(p.name, name))) return true;
		}
		if (
			ts.isCatchClause(scope) &&
			scope.variableDeclaration &&
			declaresName(scope.variableDeclaration.name, name)
		)
			return true;
		if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
			const init = scope.initializer;
			if (
				init &&
				ts.isVariableDeclarationList(init) &&
				init.declarations.some((d) => declaresName(d.name, name))
			)
				return true;
		}
		if (ts.isBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
			for (const statement of scope.statements) {
				if (
					ts.isVariableStatement(statement) &&
					statement.declarationList.declarations.some((d) => declaresName(d.name, name))
				)
					return true;
				if (
					(ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) &&
					statement.name?.text === name
				)
					return true;
			}
		}
	}
	return false;
}

/** tsc's helpers: `var __importStar = (this && this.__importStar) || …`. */
function isTscHelper(declaration: ts.VariableDeclaration): boolean {
	return (
		ts.isIdentifier(declaration.name) &&
		declaration.name.text.startsWith('__') &&
		!!declaration.initializer &&
		declaration.initializer.getText().startsWith(`(this && this.${declaration.name.text})`)
	);
}

/** A compiled enum: `var X;` followed by `(function (X) { … })(X || (exports.X = X = {}));`. */
function isCompiledEnum(name: string, next: ts.Statement | undefined): boolean {
	if (!next || !ts.isExpressionStatement(next)) return false;
	const call = unwrap(next.expression);
	if (!ts.isCallExpression(call)) return false;
	const fn = unwrap(call.expression);
	return (
		ts.isFunctionExpression(fn) &&
		fn.parameters.length === 1 &&
		declaresName(fn.parameters[0].name, name) &&
		call.arguments.length === 1 &&
		call.arguments[0].getText().startsWith(`${name} ||`)
	);
}

function isAssignment(node: ts.Node): node is ts.BinaryExpression {
	return (
		ts.isBinaryExpression(node) &&
		node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
		node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
	);
}

export function findModuleState(code: string, file: string): Finding[] {
	const sourceFile = ts.createSourceFile(
		file,
		code,
		ts.ScriptTarget.ES2022,
		true,
		ts.ScriptKind.JS,
	);
	const findings: Finding[] = [];
	const report = (node: ts.Node, rule: string, name: string) => {
		const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
		findings.push({
			file,
			line: line + 1,
			rule,
			name,
			code: node.getText(sourceFile).split('\n')[0].slice(0, 120),
		});
	};

	const containers = new Set<string>();
	const enums = new Set<string>();
	const staticFields = new Set<string>();
	const statements = sourceFile.statements;
	statements.forEach((statement, index) => {
		if (ts.isVariableStatement(statement)) {
			const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
			for (const declaration of statement.declarationList.declarations) {
				const names = ts.isIdentifier(declaration.name) ? [declaration.name.text] : [];
				if (!isConst) {
					if (isTscHelper(declaration)) continue;
					if (
						names.length === 1 &&
						!declaration.initializer &&
						isCompiledEnum(names[0], statements[index + 1])
					) {
						enums.add(names[0]);
						continue;
					}
					report(declaration, 'top-level let/var', declaration.name.getText(sourceFile));
				} else if (names.length === 1 && isMutableContainer(declaration.initializer)) {
					containers.add(names[0]);
				}
			}
		}
		if (ts.isClassDeclaration(statement) && statement.name) {
			for (const member of statement.members) {
				if (
					!ts.isPropertyDeclaration(member) ||
					!member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
				)
					continue;
				const field = `${statement.name.text}.${member.name.getText(sourceFile)}`;
				staticFields.add(field);
				if (isMutableContainer(member.initializer))
					report(member, 'static field holding a mutable container', field);
			}
		}
	});

	const isModuleBinding = (
		root: ts.Expression | undefined,
		at: ts.Node,
		names: Set<string>,
	): root is ts.Identifier =>
		!!root &&
		ts.isIdentifier(root) &&
		names.has(root.text) &&
		!isShadowed(at, root.text, sourceFile);
	const insideFunction = (node: ts.Node) => {
		for (let p = node.parent; p && p !== sourceFile; p = p.parent)
			if (isFunctionLike(p)) return true;
		return false;
	};

	const visit = (node: ts.Node) => {
		let target: ts.Expression | undefined;
		if (isAssignment(node)) target = node.left;
		else if (
			(ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
			(node.operator === ts.SyntaxKind.PlusPlusToken ||
				node.operator === ts.SyntaxKind.MinusMinusToken)
		)
			target = node.operand;
		else if (ts.isDeleteExpression(node)) target = node.expression;

		if (target) {
			const t = unwrap(target);
			const isProperty = ts.isPropertyAccessExpression(t) || ts.isElementAccessExpression(t);
			const root = rootOf(t);
			if (isProperty && isModuleBinding(root, node, containers))
				report(node, 'module-level container mutated', root.text);
			if (isProperty && isModuleBinding(root, node, enums) && insideFunction(node))
				report(node, 'compiled enum mutated', root.text);
			const field = isProperty ? staticRootOf(t) : undefined;
			if (field && staticFields.has(field) && !isShadowed(node, field.split('.')[0], sourceFile))
				report(node, 'static field changed', field);
			if (
				isProperty &&
				insideFunction(node) &&
				root &&
				ts.isIdentifier(root) &&
				(root.text === 'exports' ||
					(root.text === 'module' && t.getText(sourceFile).startsWith('module.exports'))) &&
				!isShadowed(node, root.text, sourceFile)
			) {
				report(node, 'exports changed inside a function', t.getText(sourceFile));
			}
		}
		if (ts.isCallExpression(node)) {
			const callee = unwrap(node.expression);
			if (ts.isPropertyAccessExpression(callee) && MUTATING_METHODS.has(callee.name.text)) {
				const root = rootOf(callee.expression);
				if (isModuleBinding(root, node, containers))
					report(node, 'module-level container mutated', root.text);
				const field = staticRootOf(callee.expression);
				if (field && staticFields.has(field)) report(node, 'static field changed', field);
			}
			if (MUTATING_GLOBALS.has(callee.getText(sourceFile)) && node.arguments.length > 0) {
				const root = rootOf(node.arguments[0]);
				if (isModuleBinding(root, node, containers))
					report(node, 'module-level container mutated', root.text);
			}
		}
		ts.forEachChild(node, visit);
	};
	ts.forEachChild(sourceFile, visit);
	return findings;
}

/** Every file of the build, compiled in memory with the build's options: [{ file, code }]. */
function compiledSources(): Array<{ file: string; code: string }> {
	const configFile = path.join(ROOT, 'tsconfig.build.json');
	const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
	if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
	const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, configFile);
	return parsed.fileNames.map((file) => {
		const output = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
			compilerOptions: parsed.options,
			fileName: file,
		});
		return { file: path.relative(ROOT, file), code: output.outputText };
	});
}

/** dist/nodes and dist/credentials JavaScript, when a build exists. */
function builtFiles(): Array<{ file: string; code: string }> {
	const out: Array<{ file: string; code: string }> = [];
	const walk = (dir: string) => {
		if (!fs.existsSync(dir)) return;
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.js'))
				out.push({ file: path.relative(ROOT, full), code: fs.readFileSync(full, 'utf8') });
		}
	};
	walk(path.join(ROOT, 'dist', 'nodes'));
	walk(path.join(ROOT, 'dist', 'credentials'));
	return out;
}

describe('the scan itself', () => {
	const compile = (source: string) =>
		ts.transpileModule(source, {
			compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
		}).outputText;

	it('finds each kind of module-level state', () => {
		const code = compile(`
			import { x } from 'y';
			let counter = 0;
			var legacy = 1;
			const cache = new Map<string, number>();
			const seen = new Set<string>();
			const list: string[] = [];
			const config: Record<string, unknown> = {};
			const nested = { inner: [] as number[] };
			export let current = '';
			export class Node {
				static instances = new Map();
				static count = 0;
				execute() {
					counter++;
					cache.set('a', 1);
					seen.add('b');
					list.push('c');
					config.key = 1;
					nested.inner.push(1);
					Object.assign(config, { a: 1 });
					delete config.key;
					Node.count += 1;
					current = 'changed';
					return x;
				}
			}`);
		const found = findModuleState(code, 'fixture.js').map((f) => `${f.rule}: ${f.name}`);
		expect(found).toEqual(
			expect.arrayContaining([
				'top-level let/var: counter',
				'top-level let/var: legacy',
				'module-level container mutated: cache',
				'module-level container mutated: seen',
				'module-level container mutated: list',
				'module-level container mutated: config',
				'module-level container mutated: nested',
				'static field holding a mutable container: Node.instances',
				'static field changed: Node.count',
				'exports changed inside a function: exports.current',
			]),
		);
	});

	it('accepts what holds no state: constants only read, frozen values, locals that shadow, enums, tsc helpers', () => {
		const code = compile(`
			import * as ns from 'y';
			export * from 'z';
			const RETRYABLE = new Set([500, 502]);
			const LIMITS = Object.freeze({ max: 10 });
			const OPTIONS = [{ name: 'A', value: 'a' }];
			export enum Mode { Fast = 'fast', Slow = 'slow' }
			export function run(list: number[], status: number) {
				const cache = new Map<string, number>();
				cache.set('a', 1);
				const copy = [...OPTIONS].sort();
				const OPTIONS_LOCAL = OPTIONS.map((o) => ({ ...o }));
				OPTIONS_LOCAL.push({ name: 'B', value: 'b' });
				list.push(status);
				return RETRYABLE.has(status) && LIMITS.max > copy.length && ns && Mode.Fast;
			}
			export function shadow(RETRYABLE: Set<number>) {
				RETRYABLE.add(1);
			}`);
		expect(findModuleState(code, 'clean.js')).toEqual([]);
	});
});

describe('our node code keeps no module-level mutable state', () => {
	it('in every file the build compiles (nodes/, credentials/)', () => {
		const files = compiledSources();
		expect(files.length).toBeGreaterThan(20);
		expect(files.some((f) => f.file.startsWith(`nodes${path.sep}shared`))).toBe(true);
		const findings = files.flatMap(({ file, code }) => findModuleState(code, file));
		expect(findings).toEqual([]);
	});

	it('in dist/nodes and dist/credentials, when built', () => {
		const files = builtFiles();
		if (files.length === 0) return; // not built: the test above covers the same code
		const findings = files.flatMap(({ file, code }) => findModuleState(code, file));
		expect(findings).toEqual([]);
	});
});
