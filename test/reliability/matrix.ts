import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
} from 'n8n-workflow';

import type { RunNodeResult } from '../harness';
import type { LoggedRequest } from '../helpers/emulator';
import { CELLS, type Cell } from './cells';
import type { Evidence } from './evidence';
import {
	appliesTo,
	FAULT_KINDS,
	STALL_TIMEOUT_MS,
	type FaultContext,
	type FaultKind,
} from './faultKinds';
import { vendor as vendorByKey, type VendorSession, type VendorUnderTest } from './vendors';

export interface CellResult {
	vendor: string;
	operation: string;
	access: Cell['access'];
	kind: string;
	/** known: fails as recorded in KNOWN_ISSUES; fixed: recorded there but passes now. */
	status: 'pass' | 'fail' | 'known' | 'fixed';
	detail?: string;
	/** The reported bug, for known cells. */
	issue?: string;
	ms: number;
}

/**
 * Cells that fail because of a bug reported to the lead. They are run like every other cell and
 * must still fail; once the bug is fixed the cell passes and its row here has to go.
 */
export const KNOWN_ISSUES: Array<{
	vendor: string;
	operation: string;
	kind: string;
	issue: string;
}> = [];

interface Baseline {
	output: string;
	requests: number;
}

const isTarget = (cell: Cell) => (entry: LoggedRequest) => {
	if (cell.target.method && entry.method !== cell.target.method) return false;
	const { path } = cell.target;
	return path.startsWith('^') ? new RegExp(path).test(entry.path) : entry.path === path;
};

/** Output as comparable text: item JSON without the ids a vendor hands out anew on each write. */
function comparable(cell: Cell, items: INodeExecutionData[]): string {
	return JSON.stringify(
		items.map((item) =>
			Object.fromEntries(
				Object.entries(item.json).filter(([key]) => !cell.volatile?.includes(key)),
			),
		),
	);
}

function differs(expected: string, actual: string): string | undefined {
	if (expected === actual) return undefined;
	const [a, b] = [JSON.parse(expected) as unknown[], JSON.parse(actual) as unknown[]];
	if (a.length !== b.length) return `${b.length} items instead of ${a.length}`;
	const index = a.findIndex((item, i) => JSON.stringify(item) !== JSON.stringify(b[i]));
	return `item ${index} differs: ${JSON.stringify(b[index]).slice(0, 200)}`;
}

/** Whether the node shows Options → Timeout for the cell's resource and operation. */
export function hasTimeoutOption(node: INodeType, parameters: INodeParameters): boolean {
	const shown = (property: INodeProperties) =>
		Object.entries(property.displayOptions?.show ?? {}).every(
			([name, values]) =>
				!['resource', 'operation'].includes(name) ||
				(values ?? []).includes(parameters[name] as never),
		);
	return node.description.properties.some(
		(property) =>
			property.name === 'options' &&
			shown(property) &&
			(property.options ?? []).some((option) => 'name' in option && option.name === 'timeout'),
	);
}

function withTimeout(parameters: INodeParameters, timeout: number): INodeParameters {
	return {
		...parameters,
		options: { ...((parameters.options as IDataObject | undefined) ?? {}), timeout },
	};
}

function check(condition: unknown, problem = 'check failed'): void {
	if (!condition) throw new Error(problem);
}

class CellRunner {
	/** Parameters of read cells, resolved once: reads change nothing, so their cells share one emulator state. */
	private readonly resolved = new Map<Cell, INodeParameters>();

	constructor(
		private readonly session: VendorSession,
		private readonly vendor: VendorUnderTest,
		private readonly evidence: Evidence,
	) {}

	private get emulator() {
		return this.session.emulator;
	}

	/**
	 * The cell's parameters with a clean request log and no pending fault. Writes (and cells that
	 * need a credential without a session) start from a reset emulator every time.
	 */
	async prepare(cell: Cell): Promise<INodeParameters> {
		const known = this.resolved.get(cell);
		if (known && cell.access === 'read' && !cell.fresh) {
			await this.emulator.control('DELETE', 'faults');
		} else {
			await this.session.reset();
		}
		const parameters = known ?? { ...cell.parameters, ...(await cell.fill?.(this.session)) };
		if (cell.access === 'read') this.resolved.set(cell, parameters);
		await this.emulator.clearRequests();
		return parameters;
	}

	async run(
		label: string,
		parameters: INodeParameters,
		items = 1,
		continueOnFail = false,
	): Promise<RunNodeResult> {
		const result = await this.session.run(parameters, {
			continueOnFail,
			items: Array.from({ length: items }, (_, n) => ({ json: { n } })),
		});
		this.evidence.collectRun(label, this.session, this.vendor, result);
		return result;
	}

	async targetLog(cell: Cell): Promise<LoggedRequest[]> {
		return (await this.emulator.requests(this.vendor.emulatorName)).filter(isTarget(cell));
	}

	async baseline(cell: Cell): Promise<Baseline> {
		this.resolved.delete(cell);
		const parameters = await this.prepare(cell);
		const { items, error } = await this.run(
			`${cell.vendor} ${cell.operation} baseline`,
			parameters,
		);
		check(!error, `fails without any fault: ${error?.message}`);
		return { output: comparable(cell, items), requests: (await this.targetLog(cell)).length };
	}

	private context(cell: Cell): FaultContext {
		return {
			session: this.session,
			vendor: this.vendor,
			cell,
			loginsBefore: this.session.store.stats.preAuthentications,
			fault: (spec) =>
				this.emulator.fault({
					vendor: this.vendor.emulatorName,
					method: cell.target.method,
					path: cell.target.path,
					...spec,
				}),
		};
	}

	/** Injects the fault and runs the node; `meanwhile` runs alongside. */
	private async faulted(cell: Cell, kind: FaultKind, items: number, continueOnFail: boolean) {
		let parameters = await this.prepare(cell);
		if (kind.needsTimeout) parameters = withTimeout(parameters, STALL_TIMEOUT_MS);
		const ctx = this.context(cell);
		await kind.inject(ctx);
		const label = `${cell.vendor} ${cell.operation} ${kind.name}`;
		try {
			const [result] = await Promise.all([
				this.run(label, parameters, items, continueOnFail),
				kind.meanwhile?.(ctx),
			]);
			const pending = await this.emulator.control<unknown[]>('GET', 'faults');
			check(pending.length === 0, 'the fault never reached the operation');
			const log = await this.targetLog(cell);
			const problem = kind.verify?.(log, ctx);
			check(!problem, problem);
			return { result, log, ctx };
		} finally {
			if (kind.lingers) await this.session.reset();
		}
	}

	/** The message names the vendor, the operation in quotes, and what happened (`reason`). */
	private failure(cell: Cell, reason: string): RegExp {
		const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		return new RegExp(
			`^(?=.*${literal(this.vendor.displayName)})(?=.*"${literal(cell.operation)}").*${reason}`,
		);
	}

	async read(cell: Cell, kind: FaultKind, baseline: Baseline): Promise<void> {
		const outcome = typeof kind.read === 'function' ? kind.read(this.context(cell)) : kind.read;
		if (outcome.recover) {
			const { result, log } = await this.faulted(cell, kind, 1, false);
			check(!result.error, `did not recover: ${result.error?.message}`);
			const diff = differs(baseline.output, comparable(cell, result.items));
			check(!diff, `recovered with another result: ${diff}`);
			if (outcome.extraRequests !== undefined) {
				const expected = baseline.requests + outcome.extraRequests;
				check(log.length === expected, `${log.length} requests instead of ${expected}`);
			}
			return;
		}
		const runs = outcome.runs ?? 'both';
		if (runs !== 'continueOnFail') {
			// The retry budget is spent: a clear NodeApiError…
			const { result, log } = await this.faulted(cell, kind, 1, false);
			const error = result.error as
				| (Error & { httpCode?: string; description?: string })
				| undefined;
			check(error, 'did not fail');
			check(
				error!.name === 'NodeApiError',
				`failed with a ${error!.name}, not a NodeApiError: ${error!.message}`,
			);
			check(
				this.failure(cell, outcome.reason).test(error!.message),
				`unclear error: "${error!.message}"`,
			);
			if (outcome.httpCode)
				check(
					error!.httpCode === outcome.httpCode,
					`httpCode ${error!.httpCode} instead of ${outcome.httpCode}`,
				);
			if (outcome.description) {
				check(
					error!.description?.includes(outcome.description),
					`description "${error!.description}" lacks "${outcome.description}"`,
				);
			}
			check(
				log.length === outcome.attempts,
				`${log.length} requests instead of ${outcome.attempts}`,
			);
		}
		if (runs !== 'alone') {
			// …and under Continue On Fail an error item while the next item still runs as usual.
			const { result } = await this.faulted(cell, kind, 2, true);
			check(!result.error, `Continue On Fail: the node failed: ${result.error?.message}`);
			const failed = result.items.filter((item) => item.json.error !== undefined);
			check(
				failed.length === 1 && JSON.stringify(failed[0].pairedItem) === '{"item":0}',
				`Continue On Fail: ${failed.length} error items`,
			);
			check(
				this.failure(cell, outcome.reason).test(String(failed[0].json.error)),
				`Continue On Fail: unclear error item "${failed[0].json.error}"`,
			);
			const diff = differs(
				baseline.output,
				comparable(
					cell,
					result.items.filter((item) => item.json.error === undefined),
				),
			);
			check(!diff, `Continue On Fail: the next item did not give the same result: ${diff}`);
		}
	}

	async write(cell: Cell, kind: FaultKind): Promise<void> {
		const reason = kind.writeReason!;
		const alone = await this.faulted(cell, kind, 1, false);
		const error = alone.result.error as (Error & { description?: string }) | undefined;
		check(alone.log.length === 1, `the write was sent ${alone.log.length} times`);
		check(error, 'did not fail');
		check(
			error!.name === 'NodeApiError',
			`failed with a ${error!.name}, not a NodeApiError: ${error!.message}`,
		);
		check(this.failure(cell, reason).test(error!.message), `unclear error: "${error!.message}"`);
		// A malformed answer came after the vendor carried the write out.
		const carriedOut = kind.name === 'malformed JSON';
		if (!carriedOut)
			check(
				error!.description?.includes('not retried'),
				`description "${error!.description}" does not say the write was not retried`,
			);

		const { result, log } = await this.faulted(cell, kind, 2, true);
		check(log.length === 2, `Continue On Fail: ${log.length} writes for 2 items`);
		const first = result.items.filter((item) => JSON.stringify(item.pairedItem) === '{"item":0}');
		const second = result.items.filter((item) => JSON.stringify(item.pairedItem) === '{"item":1}');
		check(
			first.length === 1 && this.failure(cell, reason).test(String(first[0].json.error)),
			'Continue On Fail: no clear error item for the failed write',
		);
		check(second.length > 0, 'Continue On Fail: the next item gave no output');
		// The next item may meet the state the carried-out write left (a used reset code).
		if (!carriedOut)
			check(
				second.every((item) => item.json.error === undefined),
				`Continue On Fail: the next item failed: ${second[0].json.error}`,
			);
	}
}

function known(cell: Cell, kind: FaultKind) {
	return KNOWN_ISSUES.find(
		(entry) =>
			entry.vendor === cell.vendor &&
			entry.operation === cell.operation &&
			entry.kind === kind.name,
	);
}

/** Every cell of one vendor, in one emulator. */
export async function runVendorMatrix(key: string, evidence: Evidence): Promise<CellResult[]> {
	const vendor = vendorByKey(key);
	const session = await vendor.start();
	const runner = new CellRunner(session, vendor, evidence);
	const results: CellResult[] = [];
	try {
		for (const cell of CELLS.filter((candidate) => candidate.vendor === key)) {
			let baseline: Baseline | undefined;
			let baselineProblem: string | undefined;
			try {
				baseline = await runner.baseline(cell);
			} catch (error) {
				baselineProblem = (error as Error).message;
			}
			const timeout = hasTimeoutOption(vendor.node, cell.parameters);
			for (const kind of FAULT_KINDS.filter((candidate) => appliesTo(candidate, cell, timeout))) {
				const started = Date.now();
				let problem = baselineProblem;
				if (!problem && kind.needsTimeout && !timeout) {
					problem =
						'the operation has no Timeout option, so a stalled request holds the run for the 60 s default';
				}
				if (!problem) {
					try {
						if (cell.access === 'read') await runner.read(cell, kind, baseline!);
						else await runner.write(cell, kind);
					} catch (error) {
						problem = (error as Error).message;
					}
				}
				const issue = known(cell, kind);
				const status = issue ? (problem ? 'known' : 'fixed') : problem ? 'fail' : 'pass';
				results.push({
					vendor: key,
					operation: cell.operation,
					access: cell.access,
					kind: kind.name,
					status,
					detail: problem,
					issue: issue?.issue,
					ms: Date.now() - started,
				});
			}
		}
	} finally {
		await session.close();
	}
	return results;
}
