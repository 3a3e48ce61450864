import { z } from 'zod';

export const FAULT_KINDS = ['status', 'delay', 'reset', 'malformed', 'html'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSpecSchema = z.object({
	vendor: z.string().min(1),
	method: z.string().min(1).optional(),
	path: z.string().min(1).optional(),
	kind: z.enum(FAULT_KINDS),
	status: z.number().int().min(100).max(599).optional(),
	body: z.unknown().optional(),
	headers: z
		.record(z.union([z.string(), z.number()]))
		.transform((h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, String(v)])))
		.optional(),
	delayMs: z.number().int().min(0).optional(),
	count: z.number().int().min(1).optional(),
});
export type FaultSpec = z.infer<typeof faultSpecSchema>;

export interface Fault extends FaultSpec {
	id: number;
	/** Requests still to be hit. */
	remaining: number;
}

function pathMatches(pattern: string, path: string): boolean {
	const bare = path.replace(/^\//, '');
	if (pattern.startsWith('^')) {
		const re = new RegExp(pattern);
		return re.test(path) || re.test(bare);
	}
	return pattern.replace(/^\//, '').replace(/\/$/, '') === bare;
}

/** Pending faults, matched in the order they were added and consumed one per request. */
export class FaultStore {
	private faults: Fault[] = [];
	private nextId = 1;

	/** `vendor` must already be the canonical vendor name. */
	add(spec: FaultSpec): Fault {
		if (spec.path?.startsWith('^')) new RegExp(spec.path); // throws early on a bad regex
		const fault: Fault = { ...spec, id: this.nextId++, remaining: spec.count ?? 1 };
		this.faults.push(fault);
		return fault;
	}

	take(vendor: string, method: string, path: string): Fault | undefined {
		const fault = this.faults.find(
			(f) =>
				f.vendor === vendor &&
				(!f.method || f.method.toUpperCase() === method) &&
				(!f.path || pathMatches(f.path, path)),
		);
		if (!fault) return undefined;
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
		return fault;
	}

	list(): Fault[] {
		return this.faults.map((f) => ({ ...f }));
	}

	clear(): void {
		this.faults = [];
	}
}
