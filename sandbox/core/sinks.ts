/** Named arrays that workflows POST items into and tests read back. */
export class Sinks {
	private sinks = new Map<string, unknown[]>();

	append(name: string, body: unknown): number {
		const list = this.sinks.get(name) ?? [];
		list.push(body);
		this.sinks.set(name, list);
		return list.length;
	}

	get(name: string): unknown[] {
		return [...(this.sinks.get(name) ?? [])];
	}

	clear(name?: string): void {
		if (name === undefined) this.sinks.clear();
		else this.sinks.delete(name);
	}
}
