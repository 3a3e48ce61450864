/** Real time plus an offset that tests move with POST /__control/clock. */
export class Clock {
	private offset = 0;

	get offsetMs(): number {
		return this.offset;
	}

	nowMs(): number {
		return Date.now() + this.offset;
	}

	now(): Date {
		return new Date(this.nowMs());
	}

	advance(ms: number): void {
		this.offset += ms;
	}

	reset(): void {
		this.offset = 0;
	}
}
