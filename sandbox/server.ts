import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseBody, paramsToObject, readBody } from './core/body';
import { Clock } from './core/clock';
import { handleControl, handleSink, type SandboxState } from './core/control';
import { FaultStore, type Fault } from './core/faults';
import { htmlPage, MALFORMED_JSON, send, statusText, waitUnlessClosed } from './core/http';
import { RequestLog } from './core/requestLog';
import { Sinks } from './core/sinks';
import {
	EmuError,
	type EmuRequest,
	type EmuResponse,
	type VendorContext,
	type VendorEmulator,
} from './core/types';
import { vendorModules } from './vendors';

export interface SandboxOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Default 42. */
	seed?: number;
	/** Data is generated relative to this instant. Default: now floored to the hour. */
	anchor?: Date;
	/** Per-vendor options keyed by vendor name, e.g. { 'wesal-voc': { pageSize: 10 } }. */
	vendors?: Record<string, unknown>;
}

export interface SandboxHandle {
	url: string;
	port: number;
	vendors: Array<{ name: string; basePath: string; url: string }>;
	close(): Promise<void>;
}

/** Lower-case alphanumerics: 'wesal-voc', 'wesalVoc' and 'WesalVoc' name the same vendor. */
const normalizeName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function toEmuRequest(
	req: IncomingMessage,
	url: URL,
	path: string,
	body: unknown,
	rawBody: string,
): EmuRequest {
	return {
		method: (req.method ?? 'GET').toUpperCase(),
		path,
		query: paramsToObject(url.searchParams),
		headers: { ...req.headers },
		body,
		rawBody,
		params: {},
	};
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
	const clock = new Clock();
	const anchor = opts.anchor ?? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
	const ctx: VendorContext = { clock, seed: opts.seed ?? 42, anchor };
	const vendorOptions = opts.vendors ?? {};
	const unknown = Object.keys(vendorOptions).filter(
		(k) => !vendorModules.some((m) => m.name === k),
	);
	if (unknown.length)
		throw new Error(`startSandbox: unknown vendor option keys ${unknown.join(', ')}`);
	const vendors = vendorModules.map((m) => m.create(vendorOptions[m.name], ctx));
	const state: SandboxState = {
		ctx,
		clock,
		vendors,
		faults: new FaultStore(),
		log: new RequestLog(),
		sinks: new Sinks(),
		findVendor: (name) => vendors.find((v) => normalizeName(v.name) === normalizeName(name)),
	};

	const vendorError = (
		vendor: VendorEmulator,
		status: number,
		message: string,
		headers?: Record<string, string>,
	) => ({
		status,
		body: vendor.errorBody(status, message),
		headers,
	});

	async function runVendor(
		vendor: VendorEmulator,
		er: EmuRequest,
		res: ServerResponse,
		fault?: Fault,
		bodyError?: string,
	) {
		switch (fault?.kind) {
			case 'status': {
				const status = fault.status ?? 500;
				return send(res, {
					status,
					body: fault.body ?? vendor.errorBody(status, statusText(status)),
					headers: fault.headers,
				});
			}
			case 'reset':
				res.socket?.destroy();
				return;
			case 'malformed':
				return send(res, {
					status: fault.status ?? 200,
					body: MALFORMED_JSON,
					headers: { 'content-type': 'application/json; charset=utf-8', ...fault.headers },
				});
			case 'html': {
				const status = fault.status ?? 502;
				const body = typeof fault.body === 'string' ? fault.body : htmlPage(status);
				return send(res, {
					status,
					body,
					headers: { 'content-type': 'text/html; charset=utf-8', ...fault.headers },
				});
			}
			case 'delay':
				if (!(await waitUnlessClosed(res, fault.delayMs ?? 0))) return;
				break;
		}
		if (bodyError) return send(res, vendorError(vendor, 400, bodyError));
		let answer: EmuResponse;
		try {
			answer = await vendor.handle(er, ctx);
		} catch (err) {
			answer =
				err instanceof EmuError
					? vendorError(vendor, err.status, err.message, err.headers)
					: vendorError(vendor, 500, `Internal Server Error: ${(err as Error).message}`);
		}
		if (fault?.headers) answer = { ...answer, headers: { ...answer.headers, ...fault.headers } };
		send(res, answer);
	}

	async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const pathname = url.pathname;
		const rawBody = await readBody(req);
		const parsed = parseBody(rawBody, req.headers['content-type']);

		if (pathname === '/__control' || pathname.startsWith('/__control/')) {
			if (parsed.error) return send(res, { status: 400, body: { error: parsed.error } });
			const er = toEmuRequest(
				req,
				url,
				pathname.slice('/__control'.length) || '/',
				parsed.body,
				rawBody,
			);
			return send(res, await handleControl(state, er));
		}
		const sink = /^\/__sink\/([^/]+)\/?$/.exec(pathname);
		if (sink) {
			if (parsed.error) return send(res, { status: 400, body: { error: parsed.error } });
			return send(
				res,
				handleSink(
					state.sinks,
					toEmuRequest(req, url, '/', parsed.body, rawBody),
					decodeURIComponent(sink[1]),
				),
			);
		}

		const vendor = vendors.find(
			(v) => pathname === v.basePath || pathname.startsWith(`${v.basePath}/`),
		);
		if (!vendor) return send(res, { status: 404, body: { error: `No vendor serves ${pathname}` } });
		const relative = pathname.slice(vendor.basePath.length).replace(/\/+$/, '') || '/';
		const er = toEmuRequest(req, url, relative, parsed.body, rawBody);
		const fault = state.faults.take(vendor.name, er.method, er.path);
		state.log.add({
			at: clock.now().toISOString(),
			vendor: vendor.name,
			method: er.method,
			path: er.path,
			query: er.query,
			headers: er.headers,
			body: er.body,
			...(fault ? { fault: fault.kind } : {}),
		});
		await runVendor(vendor, er, res, fault, parsed.error);
	}

	const server = createServer((req, res) => {
		onRequest(req, res).catch((err: Error) =>
			send(res, { status: 500, body: { error: `Sandbox failure: ${err.message}` } }),
		);
	});
	// Clients keep connections alive; a server closing an idle socket just as a client reuses it
	// makes a spurious ECONNRESET. Keep idle sockets longer than any client does (close() ends them).
	server.keepAliveTimeout = 120_000;
	server.headersTimeout = 125_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const url = `http://127.0.0.1:${port}`;

	return {
		url,
		port,
		vendors: vendors.map((v) => ({ name: v.name, basePath: v.basePath, url: url + v.basePath })),
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((err) => (err ? reject(err) : resolve()));
				server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
			}),
	};
}
