import type { EmuRequest, EmuResponse, VendorContext } from './types';

export type Handler = (req: EmuRequest, ctx: VendorContext) => EmuResponse | Promise<EmuResponse>;

interface Route {
	methods: string[];
	segments: string[];
	handler: Handler;
}

export function splitPath(path: string): string[] {
	return path.split('/').filter((s) => s !== '');
}

/** Tiny method + pattern router; patterns look like 'auth/login' or 'items/:id' (leading '/' optional). */
export class Router {
	private readonly routes: Route[] = [];

	on(methods: string | string[], pattern: string, handler: Handler): this {
		const list = (Array.isArray(methods) ? methods : [methods]).map((m) => m.toUpperCase());
		this.routes.push({ methods: list, segments: splitPath(pattern), handler });
		return this;
	}

	match(
		method: string,
		path: string,
	): { handler: Handler; params: Record<string, string> } | undefined {
		const parts = splitPath(path);
		for (const route of this.routes) {
			if (!route.methods.includes(method.toUpperCase()) || route.segments.length !== parts.length)
				continue;
			const params: Record<string, string> = {};
			const ok = route.segments.every((seg, i) => {
				if (seg.startsWith(':')) {
					params[seg.slice(1)] = decodeURIComponent(parts[i]);
					return true;
				}
				return seg === parts[i];
			});
			if (ok) return { handler: route.handler, params };
		}
		return undefined;
	}

	/** Runs the matching handler (req.params filled) or resolves undefined when nothing matches. */
	async dispatch(
		req: EmuRequest,
		ctx: VendorContext,
		path = req.path,
	): Promise<EmuResponse | undefined> {
		const found = this.match(req.method, path);
		if (!found) return undefined;
		req.params = found.params;
		return found.handler(req, ctx);
	}
}
