import { z } from 'zod';

import { EmuError, json, type EmuRequest, type EmuResponse } from '../../core/types';
import { parseOrThrow } from '../../core/validate';
import type { CallbackDesk, Delivery } from './callbackDesk';
import { recipientReport, replyCallback, type CallbackRecord } from './callbacks';
import type { Recipient } from './jobSchema';
import { outcome, type JobRecord } from './jobs';
import type { AccountTime } from './time';

/**
 * The control routes that play the people at the other end of a job: a recipient replies to a
 * 2 way SMS, presses a key during a 2 way TTS call, or a delivery report arrives now instead of
 * when the job completes. Each can be sent with a fault (see Delivery).
 */
export interface TwoWayHost {
	findJob(id: number): JobRecord;
	recipients(job: JobRecord): Recipient[];
	/** The account's clock face (its zone is a setting: it changes on reset). */
	time(): AccountTime;
	nowMs(): number;
	desk: CallbackDesk;
}

export function normalizedDestination(destination: string): string {
	return destination.includes('@')
		? destination.trim().toLowerCase()
		: destination.replace(/\D/g, '');
}

const faults = {
	duplicate: z.boolean().optional(),
	delayMs: z.number().int().min(0).max(600_000).optional(),
	deliverToJob: z.number().int().positive().optional(),
};
const replySchema = z.object({
	destination: z.string().min(1),
	response: z.string().min(1),
	...faults,
});
const keypressSchema = z.object({
	destination: z.string().min(1),
	key: z.number().int().min(0).max(9),
	...faults,
});
const reportSchema = z.object({ destination: z.string().min(1).optional(), ...faults });

type Faults = { duplicate?: boolean; delayMs?: number; deliverToJob?: number };

/** A misrouted callback goes out even for a job without a callback_url of its own. */
function reachable(job: JobRecord, delivery: Delivery): JobRecord {
	return job.callbackUrl || !delivery.url ? job : { ...job, callbackUrl: delivery.url };
}

export class TwoWayControl {
	constructor(private readonly host: TwoWayHost) {}

	private recipient(job: JobRecord, destination: string): Recipient {
		const found = this.host
			.recipients(job)
			.find((r) => normalizedDestination(r.destination) === normalizedDestination(destination));
		if (!found) throw new EmuError(404, `No recipient ${destination} in job ${job.job_id}`);
		return found;
	}

	private delivery(body: Faults): Delivery {
		let url: string | undefined;
		if (body.deliverToJob !== undefined) {
			const other = this.host.findJob(body.deliverToJob);
			if (!other.callbackUrl)
				throw new EmuError(400, `Job ${other.job_id} has no callback_url to deliver to`);
			url = other.callbackUrl;
		}
		return { duplicate: body.duplicate, delayMs: body.delayMs, url };
	}

	private nowSeconds(): number {
		return Math.floor(this.host.nowMs() / 1000) * 1000;
	}

	private markReported(job: JobRecord, recipient: Recipient): void {
		job.reported = [...new Set([...(job.reported ?? []), recipient.destination])];
	}

	/** POST jobs/:id/reply { destination, response, ...faults } */
	async reply(job: JobRecord, req: EmuRequest): Promise<EmuResponse> {
		const body = parseOrThrow(replySchema, req.body ?? {});
		if (job.kind !== '2 way sms' && job.kind !== 'mms')
			throw new EmuError(400, 'Only 2 way SMS and MMS jobs receive replies');
		const delivery = this.delivery(body);
		const recipient = this.recipient(job, body.destination);
		const reply = {
			destination: recipient.destination,
			response: body.response,
			atMs: this.nowSeconds(),
		};
		job.replies.push(reply);
		const callback = replyCallback(reachable(job, delivery), recipient, reply, this.host.time());
		const sent = callback ? await this.host.desk.send(callback, job.job_id, delivery) : [];
		return json({ reply, callback: sent[0] ?? null, callbacks: sent });
	}

	/** POST jobs/:id/keypress { destination, key, ...faults }: the call ends with the key pressed. */
	async keypress(job: JobRecord, req: EmuRequest): Promise<EmuResponse> {
		const body = parseOrThrow(keypressSchema, req.body ?? {});
		if (job.kind !== '2 way tts') throw new EmuError(400, 'Only 2 way TTS jobs record key presses');
		const delivery = this.delivery(body);
		const recipient = this.recipient(job, body.destination);
		if (outcome(job, recipient.destination).status === 'FAILED')
			throw new EmuError(400, `The call to ${recipient.destination} fails: no key can be pressed`);
		job.pressed = { ...job.pressed, [recipient.destination]: body.key };
		this.markReported(job, recipient);
		const sent = await this.sendReport(job, recipient, delivery);
		return json({
			keypress: { destination: recipient.destination, key: body.key },
			callbacks: sent,
		});
	}

	/** POST jobs/:id/report { destination?, ...faults }: the delivery report(s), now. */
	async report(job: JobRecord, req: EmuRequest): Promise<EmuResponse> {
		const body = parseOrThrow(reportSchema, req.body ?? {});
		const delivery = this.delivery(body);
		const recipients = body.destination
			? [this.recipient(job, body.destination)]
			: this.host.recipients(job);
		const sent: CallbackRecord[] = [];
		for (const recipient of recipients) {
			this.markReported(job, recipient);
			sent.push(...(await this.sendReport(job, recipient, delivery)));
		}
		return json({ callbacks: sent });
	}

	private async sendReport(
		job: JobRecord,
		recipient: Recipient,
		delivery: Delivery,
	): Promise<CallbackRecord[]> {
		const target = reachable(job, delivery);
		const callback = recipientReport(target, recipient, this.nowSeconds(), this.host.time());
		if (!callback) {
			if (!target.callbackUrl) return [];
			throw new EmuError(
				400,
				`Job ${job.job_id} posts no delivery report: SMS jobs only with callback_on_sms_status_update, email never`,
			);
		}
		return await this.host.desk.send(callback, job.job_id, delivery);
	}
}
