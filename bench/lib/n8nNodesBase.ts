import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import type { INodeType, IVersionedNodeType } from 'n8n-workflow';

import { ROOT } from './package';

/**
 * n8n's own nodes (n8n-nodes-base) from the real n8n 1.123.81 that the E2E suite installs in
 * .cache/ (`node e2e/lib/install.js 1.123.81`). Its n8n-core / n8n-workflow are the versions the
 * harness runs, and the node is made to use the harness's copies, so that it runs in the same
 * engine (WorkflowExecute) as our nodes. Only the benchmark requires this; `npm test` never does.
 */
export const N8N_VERSION = '1.123.81';
const INSTALL = join(ROOT, '.cache', `n8n-${N8N_VERSION}`, 'node_modules');
const BASE = join(INSTALL, 'n8n-nodes-base', 'dist', 'nodes');
const SHARED = ['n8n-workflow', 'n8n-core'];

const version = (dir: string, name: string) =>
	(JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) as { version: string })
		.version;

/** Why n8n-nodes-base cannot be used here, or undefined when it can. */
export function unavailableReason(): string | undefined {
	if (!existsSync(BASE))
		return `n8n ${N8N_VERSION} is not installed in .cache/ (run \`node e2e/lib/install.js ${N8N_VERSION}\`)`;
	for (const name of SHARED) {
		const ours = version(join(ROOT, 'node_modules'), name);
		const theirs = version(INSTALL, name);
		if (ours !== theirs) return `${name} differs: ours ${ours}, n8n ${N8N_VERSION} has ${theirs}`;
	}
	return undefined;
}

let redirected = false;
/** Requests for n8n-workflow / n8n-core from inside the install resolve to our (identical) copies. */
function shareEngineModules(): void {
	if (redirected) return;
	redirected = true;
	const moduleApi = Module as unknown as {
		_resolveFilename(
			request: string,
			parent: { filename?: string } | undefined,
			...rest: unknown[]
		): string;
	};
	const resolve = moduleApi._resolveFilename;
	moduleApi._resolveFilename = function (request, parent, ...rest) {
		if (SHARED.includes(request) && parent?.filename?.startsWith(INSTALL))
			return require.resolve(request);
		return resolve.call(this, request, parent, ...rest);
	};
}

/** A node class of n8n-nodes-base, e.g. baseNode('HttpRequest/HttpRequest.node', 'HttpRequest'). */
export function baseNode(
	file: string,
	className: string,
): new () => INodeType | IVersionedNodeType {
	const reason = unavailableReason();
	if (reason) throw new Error(reason);
	shareEngineModules();
	return (require(join(BASE, file)) as Record<string, new () => INodeType | IVersionedNodeType>)[
		className
	];
}
