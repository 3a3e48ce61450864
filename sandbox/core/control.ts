import { z } from 'zod';
import type { Clock } from './clock';
import { faultSpecSchema, type FaultStore } from './faults';
import type { RequestLog } from './requestLog';
import type { Sinks } from './sinks';
import {
	EmuError,
	type EmuRequest,
	type EmuResponse,
	type VendorContext,
	type VendorEmulator,
} from './types';
import { zodMessage } from './validate';

export interface SandboxState {
	ctx: VendorContext;
	clock: Clock;
	vendors: VendorEmulator[];
	faults: FaultStore;
	log: RequestLog;
	sinks: Sinks;
	findVendor(name: string): VendorEmulator | undefined;
}

const ok = (body: unknown = { ok: true }, status = 200): EmuResponse => ({ status, body });
const bad = (error: string, status = 400): EmuResponse => ({ status, body: { error } });

/** /__control/* — `er.path` is relative to /__control. */
export async function handleControl(state: SandboxState, er: EmuRequest): Promise<EmuResponse> {
	const { clock, faults, log, sinks, vendors, ctx } = state;
	const [head = '', ...rest] = er.path.split('/').filter(Boolean);
	const clockBody = () => ({ now: clock.now().toISOString(), offsetMs: clock.offsetMs });

	switch (`${er.method} ${head}`) {
		case 'GET ':
			return ok({
				...clockBody(),
				seed: ctx.seed,
				anchor: ctx.anchor.toISOString(),
				vendors: vendors.map((v) => ({ name: v.name, basePath: v.basePath })),
			});
		case 'POST reset':
			vendors.forEach((v) => v.reset());
			faults.clear();
			log.clear();
			sinks.clear();
			clock.reset();
			return ok();
		case 'GET requests': {
			const name = typeof er.query.vendor === 'string' ? er.query.vendor : undefined;
			const vendor = name ? state.findVendor(name) : undefined;
			if (name && !vendor) return bad(`Unknown vendor '${name}'`);
			return ok(log.list(vendor?.name));
		}
		case 'DELETE requests':
			log.clear();
			return ok();
		case 'GET faults':
			return ok(faults.list());
		case 'POST faults': {
			const parsed = faultSpecSchema.safeParse(er.body);
			if (!parsed.success) return bad(zodMessage(parsed.error));
			const vendor = state.findVendor(parsed.data.vendor);
			if (!vendor) return bad(`Unknown vendor '${parsed.data.vendor}'`);
			try {
				return ok(faults.add({ ...parsed.data, vendor: vendor.name }), 201);
			} catch (err) {
				return bad(`Invalid path regex: ${(err as Error).message}`);
			}
		}
		case 'DELETE faults':
			faults.clear();
			return ok();
		case 'GET clock':
			return ok(clockBody());
		case 'POST clock': {
			const parsed = z.object({ advanceMs: z.number().finite() }).safeParse(er.body);
			if (!parsed.success) return bad(zodMessage(parsed.error));
			clock.advance(parsed.data.advanceMs);
			return ok(clockBody());
		}
	}

	const vendor = state.findVendor(head);
	if (vendor?.control) {
		try {
			const answer = await vendor.control(`/${rest.join('/')}`, er, ctx);
			if (answer) return answer;
		} catch (err) {
			if (err instanceof EmuError) return bad(err.message, err.status);
			throw err;
		}
	}
	return bad(`Unknown control route ${er.method} /__control${er.path}`, 404);
}

/** /__sink/<name> */
export function handleSink(sinks: Sinks, er: EmuRequest, name: string): EmuResponse {
	switch (er.method) {
		case 'POST':
		case 'PUT':
			return ok({ ok: true, count: sinks.append(name, er.body ?? null) });
		case 'GET':
			return ok(sinks.get(name));
		case 'DELETE':
			sinks.clear(name);
			return ok();
		default:
			return bad(`Method ${er.method} not allowed on a sink`, 405);
	}
}
