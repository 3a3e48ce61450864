import { Agent, request } from 'node:http';

/** The floor: node:http with one keep-alive connection, JSON in and out, nothing else. */
export class RawClient {
	private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

	async post<T = any>(
		url: string,
		body: unknown,
		headers: Record<string, string> = {},
	): Promise<T> {
		return await this.send<T>('POST', url, JSON.stringify(body), headers);
	}

	async get<T = any>(url: string, headers: Record<string, string> = {}): Promise<T> {
		return await this.send<T>('GET', url, undefined, headers);
	}

	close(): void {
		this.agent.destroy();
	}

	private send<T>(
		method: string,
		url: string,
		payload: string | undefined,
		headers: Record<string, string>,
	): Promise<T> {
		return new Promise((resolve, reject) => {
			const req = request(
				url,
				{
					method,
					agent: this.agent,
					headers: {
						accept: 'application/json',
						...(payload ? { 'content-type': 'application/json' } : {}),
						...headers,
					},
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (chunk: Buffer) => chunks.push(chunk));
					res.on('end', () => {
						const text = Buffer.concat(chunks).toString('utf8');
						if ((res.statusCode ?? 0) >= 400)
							reject(new Error(`${method} ${url} -> ${res.statusCode} ${text.slice(0, 200)}`));
						else resolve(JSON.parse(text) as T);
					});
					res.on('error', reject);
				},
			);
			req.on('error', reject);
			req.end(payload);
		});
	}
}
