export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Derives an independent stream seed, so adding draws to one stream never shifts another. */
export function deriveSeed(seed: number, label: string): number {
	let h = (seed ^ 0x811c9dc5) >>> 0;
	for (let i = 0; i < label.length; i++) {
		h ^= label.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

export class Rng {
	private readonly next: () => number;

	constructor(seed: number) {
		this.next = mulberry32(seed);
	}

	float(): number {
		return this.next();
	}

	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	bool(probability = 0.5): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
		const total = items.reduce((sum, [, w]) => sum + w, 0);
		let r = this.next() * total;
		for (const [item, w] of items) {
			r -= w;
			if (r < 0) return item;
		}
		return items[items.length - 1][0];
	}

	hex(length: number): string {
		let out = '';
		for (let i = 0; i < length; i++) out += Math.floor(this.next() * 16).toString(16);
		return out;
	}

	digits(length: number): string {
		let out = '';
		for (let i = 0; i < length; i++) out += Math.floor(this.next() * 10).toString();
		return out;
	}

	/** RFC 4122 version 4 layout. */
	uuid(): string {
		const h = this.hex(32).split('');
		h[12] = '4';
		h[16] = '89ab'[parseInt(h[16], 16) & 3];
		const s = h.join('');
		return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
	}
}

/** MongoDB ObjectId look-alike: 4-byte seconds, 5-byte "process" id, 3-byte counter (unique per generator). */
export class ObjectIdGen {
	private readonly process: string;
	private counter: number;

	constructor(rng: Rng | ObjectIdGen) {
		if (rng instanceof ObjectIdGen) {
			this.process = rng.process;
			this.counter = rng.counter;
		} else {
			this.process = rng.hex(10);
			this.counter = rng.int(0, 0xffffff);
		}
	}

	clone(): ObjectIdGen {
		return new ObjectIdGen(this);
	}

	next(atMs: number): string {
		this.counter = (this.counter + 1) % 0x1000000;
		const secs = Math.max(0, Math.floor(atMs / 1000));
		return (
			secs.toString(16).padStart(8, '0').slice(-8) +
			this.process +
			this.counter.toString(16).padStart(6, '0')
		);
	}
}
