import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { EmuResponse } from './types';

export function send(res: ServerResponse, r: EmuResponse): void {
	if (res.headersSent || res.destroyed) return;
	const headers: Record<string, string> = { ...(r.headers ?? {}) };
	const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
	let payload = '';
	if (typeof r.body === 'string') {
		payload = r.body;
		if (!hasType) headers['content-type'] = 'text/plain; charset=utf-8';
	} else if (r.body !== undefined) {
		payload = JSON.stringify(r.body);
		if (!hasType) headers['content-type'] = 'application/json; charset=utf-8';
	}
	headers['content-length'] = String(Buffer.byteLength(payload));
	res.writeHead(r.status, headers);
	res.end(payload);
}

/** Resolves true after `ms`, or false as soon as the client goes away. */
export function waitUnlessClosed(res: ServerResponse, ms: number): Promise<boolean> {
	return new Promise((resolve) => {
		if (res.destroyed) return resolve(false);
		const onClose = () => {
			clearTimeout(timer);
			resolve(false);
		};
		const timer = setTimeout(() => {
			res.off('close', onClose);
			resolve(true);
		}, ms);
		res.once('close', onClose);
	});
}

export const statusText = (status: number) => STATUS_CODES[status] ?? 'Error';

export function htmlPage(status: number): string {
	const title = `${status} ${statusText(status)}`;
	return `<!DOCTYPE html>\n<html>\n<head><title>${title}</title></head>\n<body>\n<center><h1>${title}</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n`;
}

/** Cut mid-string so no JSON parser accepts it. */
export const MALFORMED_JSON = '{"result":"success","surveys":[{"_id":"6912d1249dfba0a8';
