import type { IncomingMessage } from 'node:http';
import type { Query } from './types';

/** Welcorp accepts 20 MB of files per job, sent as base64 (about 27 MB of JSON). */
const MAX_BODY_BYTES = 40 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('Request body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** URLSearchParams → object; a repeated key becomes an array. */
export function paramsToObject(params: URLSearchParams): Query {
	const out: Query = {};
	for (const [key, value] of params) {
		const prev = out[key];
		if (prev === undefined) out[key] = value;
		else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
	}
	return out;
}

export interface ParsedBody {
	body: unknown;
	/** Set when the content-type says JSON but the text does not parse. */
	error?: string;
}

export function parseBody(raw: string, contentType: string | undefined): ParsedBody {
	if (raw.trim() === '') return { body: undefined };
	const ct = (contentType ?? '').toLowerCase();
	const looksJson = ct === '' && /^\s*[[{]/.test(raw);
	if (ct.includes('json') || looksJson) {
		try {
			return { body: JSON.parse(raw) };
		} catch {
			return looksJson ? { body: raw } : { body: raw, error: 'Invalid JSON body' };
		}
	}
	if (ct.includes('application/x-www-form-urlencoded')) {
		return { body: paramsToObject(new URLSearchParams(raw)) };
	}
	return { body: raw };
}
