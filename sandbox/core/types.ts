import type { IncomingHttpHeaders } from 'node:http';
import type { Clock } from './clock';

export type Query = Record<string, string | string[]>;

/** A request as seen by a vendor emulator. */
export interface EmuRequest {
	/** Upper-case HTTP method. */
	method: string;
	/** Path relative to the vendor base path: leading '/', no trailing '/', '/' for the base itself. */
	path: string;
	query: Query;
	/** Lower-case header names, as node:http gives them. */
	headers: IncomingHttpHeaders;
	/** Parsed JSON or form object; the raw text for other content types; undefined when empty. */
	body: unknown;
	rawBody: string;
	/** Route parameters, filled by the Router. */
	params: Record<string, string>;
}

export interface EmuResponse {
	status: number;
	/** Objects are sent as JSON; strings as text/plain unless headers set a content-type. */
	body?: unknown;
	headers?: Record<string, string>;
}

/** What the framework shares with every vendor. */
export interface VendorContext {
	clock: Clock;
	seed: number;
	anchor: Date;
}

type MaybePromise<T> = T | Promise<T>;

export interface VendorEmulator {
	readonly name: string;
	readonly basePath: string;
	/** Back to the seeded state (data, tokens, counters, config overrides). */
	reset(): void;
	/** The vendor's error body shape, used for 404s, injected status faults and EmuErrors. */
	errorBody(status: number, message: string): unknown;
	handle(req: EmuRequest, ctx: VendorContext): MaybePromise<EmuResponse>;
	/** Serves /__control/<name>/<subPath>; return undefined for an unknown sub-route. */
	control?(
		subPath: string,
		req: EmuRequest,
		ctx: VendorContext,
	): MaybePromise<EmuResponse | undefined>;
}

/** What a vendor module exports and the registry lists. */
export interface VendorModule<O = unknown> {
	name: string;
	basePath: string;
	create(options: O | undefined, ctx: VendorContext): VendorEmulator;
}

/** Throw from a handler to answer `status` with the vendor's error body. */
export class EmuError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly headers?: Record<string, string>,
	) {
		super(message);
	}
}

export function json(body: unknown, status = 200, headers?: Record<string, string>): EmuResponse {
	return { status, body, headers };
}
