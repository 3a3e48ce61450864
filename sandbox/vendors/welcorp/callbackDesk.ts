import { post, type Callback, type CallbackRecord } from './callbacks';

/** How one callback goes out: the faults a test asks for (see the control routes in welcorp.ts). */
export interface Delivery {
	/** Posted twice, the second time right after the first was answered (a sender that retries). */
	duplicate?: boolean;
	/** Posted this long (real milliseconds) after it was asked for: a late callback. */
	delayMs?: number;
	/** Posted to this URL (another job's callback_url) instead of the job's own: a misrouted callback. */
	url?: string;
}

/**
 * Every callback the emulator posts, in order, one at a time (as a receiver would see them from
 * one sender), with the log the control API shows.
 */
export class CallbackDesk {
	records: CallbackRecord[] = [];
	private reported = 0;
	private delivery: Promise<void> = Promise.resolve();
	private timers = new Set<NodeJS.Timeout>();

	constructor(private readonly timeoutMs: () => number) {}

	reset(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.records = [];
		this.reported = 0;
	}

	/** Logs the callback and posts it after those queued before it; resolves once it was answered. */
	queue(callback: Callback, jobId: number): Promise<CallbackRecord> {
		const record: CallbackRecord = {
			seq: this.records.length + 1,
			event: callback.event,
			url: callback.url,
			jobId,
			body: Object.fromEntries(callback.fields),
			rawBody: new URLSearchParams(callback.fields).toString(),
		};
		this.records.push(record);
		this.delivery = this.delivery.then(() => post(callback, record, this.timeoutMs()));
		return this.delivery.then(() => record);
	}

	/**
	 * Sends with the faults asked for. Resolves the records once answered; a delayed callback
	 * resolves nothing at once (it shows in the log when it goes out).
	 */
	async send(
		callback: Callback,
		jobId: number,
		delivery: Delivery = {},
	): Promise<CallbackRecord[]> {
		const target = delivery.url ? { ...callback, url: delivery.url } : callback;
		const go = async () => {
			const sent = [await this.queue(target, jobId)];
			if (delivery.duplicate) sent.push(await this.queue(target, jobId));
			return sent;
		};
		if (!delivery.delayMs) return await go();
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			void go();
		}, delivery.delayMs);
		timer.unref();
		this.timers.add(timer);
		return [];
	}

	/** Waits until everything queued so far was answered. */
	async settled(): Promise<void> {
		await this.delivery;
	}

	/** The callbacks logged since the previous call. */
	fresh(): CallbackRecord[] {
		const fresh = this.records.slice(this.reported);
		this.reported = this.records.length;
		return fresh;
	}
}
