import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../sandbox/server';

export interface LoggedRequest {
	seq: number;
	at: string;
	vendor: string;
	method: string;
	path: string;
	query: Record<string, unknown>;
	headers: Record<string, string>;
	body: unknown;
	fault?: string;
}

export interface FaultSpec {
	vendor: string;
	method?: string;
	path?: string;
	kind: 'status' | 'delay' | 'reset' | 'malformed' | 'html';
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	delayMs?: number;
	count?: number;
}

/** The vendor emulator, in-process, driven only through its HTTP control API (as E2E does). */
export class Emulator {
	private constructor(private readonly handle: SandboxHandle) {}

	static async start(options: SandboxOptions = {}): Promise<Emulator> {
		return new Emulator(await startSandbox({ port: 0, ...options }));
	}

	get url(): string {
		return this.handle.url;
	}

	/** Base URL of a vendor, e.g. http://127.0.0.1:1234/wesal-voc/api/v1 */
	vendorUrl(basePath: string): string {
		return `${this.handle.url}${basePath}`;
	}

	async close(): Promise<void> {
		await this.handle.close();
	}

	async control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.handle.url}/__control/${path.replace(/^\//, '')}`, {
			method,
			headers: body === undefined ? undefined : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`control ${method} ${path} -> ${response.status} ${text}`);
		return (text ? JSON.parse(text) : undefined) as T;
	}

	async reset(): Promise<void> {
		await this.control('POST', 'reset');
	}

	async requests(
		vendor: string,
		filter: { method?: string; path?: string } = {},
	): Promise<LoggedRequest[]> {
		const log = await this.control<LoggedRequest[] | { requests: LoggedRequest[] }>(
			'GET',
			`requests?vendor=${encodeURIComponent(vendor)}`,
		);
		const list = Array.isArray(log) ? log : log.requests;
		return list.filter(
			(entry) =>
				(!filter.method || entry.method === filter.method) &&
				(!filter.path || entry.path === filter.path),
		);
	}

	async clearRequests(): Promise<void> {
		await this.control('DELETE', 'requests');
	}

	async fault(spec: FaultSpec): Promise<void> {
		await this.control('POST', 'faults', spec);
	}

	async advanceClock(ms: number): Promise<void> {
		await this.control('POST', 'clock', { advanceMs: ms });
	}
}
