import type { IncomingHttpHeaders } from 'node:http';
import type { Query } from './types';
import type { FaultKind } from './faults';

export interface LoggedRequest {
	seq: number;
	at: string;
	vendor: string;
	method: string;
	/** Relative to the vendor base path. */
	path: string;
	query: Query;
	headers: IncomingHttpHeaders;
	body: unknown;
	fault?: FaultKind;
}

/** Bounded so long benchmarks do not grow memory without limit; seq keeps counting. */
const MAX_ENTRIES = 50_000;

export class RequestLog {
	private entries: LoggedRequest[] = [];
	private seq = 0;

	add(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest {
		const logged = { seq: ++this.seq, ...entry };
		this.entries.push(logged);
		if (this.entries.length > MAX_ENTRIES)
			this.entries.splice(0, this.entries.length - MAX_ENTRIES);
		return logged;
	}

	list(vendor?: string): LoggedRequest[] {
		return vendor ? this.entries.filter((e) => e.vendor === vendor) : [...this.entries];
	}

	clear(): void {
		this.entries = [];
		this.seq = 0;
	}
}
