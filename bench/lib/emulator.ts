import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** Data is generated before this instant; a day in the past so that "now" windows start empty. */
export const ANCHOR = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 86_400_000);

/** The vendor emulator (sandbox/server.ts) in a child process, driven through its control API. */
export class RemoteEmulator {
	private constructor(
		private readonly child: ChildProcess,
		readonly url: string,
	) {}

	static async start(vendors: Record<string, unknown> = {}): Promise<RemoteEmulator> {
		const child = fork(join(__dirname, 'emulator-process.ts'), [], {
			execArgv: ['-r', require.resolve('ts-node/register/transpile-only')],
			env: {
				...process.env,
				BENCH_SANDBOX_OPTIONS: JSON.stringify({ anchor: ANCHOR.toISOString(), vendors }),
			},
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		const url = await new Promise<string>((resolve, reject) => {
			child.once('message', (message: { url: string }) => resolve(message.url));
			child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
		});
		return new RemoteEmulator(child, url);
	}

	vendorUrl(basePath: string): string {
		return `${this.url}${basePath}`;
	}

	async control<T = any>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.url}/__control/${path}`, {
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

	/** Requests the vendor received since the last reset (or clearRequests). */
	async requests(
		vendor: string,
	): Promise<
		Array<{ method: string; path: string; query: Record<string, unknown>; body: unknown }>
	> {
		return await this.control('GET', `requests?vendor=${vendor}`);
	}

	async clearRequests(): Promise<void> {
		await this.control('DELETE', 'requests');
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null) return;
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		this.child.kill('SIGTERM');
		await exited;
	}
}
