/** Small helpers for turning unknown vendor bodies into readable text. */

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Joins the strings found in a value (string, array of strings, object of strings). */
export function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() || undefined;
	if (Array.isArray(value)) {
		const parts = value.map(textOf).filter((part): part is string => part !== undefined);
		return parts.length ? parts.join('; ') : undefined;
	}
	if (isRecord(value)) return textOf(Object.values(value));
	return undefined;
}

/** First readable text under any of the given keys of a body. */
export function firstText(body: unknown, keys: string[]): string | undefined {
	if (!isRecord(body)) return undefined;
	for (const key of keys) {
		const text = textOf(body[key]);
		if (text) return text;
	}
	return undefined;
}

export function truncate(text: string, max = 300): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}
