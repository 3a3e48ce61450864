const ISO_RE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses ISO 8601 (date, date-time, optional seconds/fraction/zone) to epoch ms.
 * A value without a zone is taken as UTC (unlike Date.parse, which takes local time).
 */
export function parseIsoDate(value: string): number | undefined {
	const m = ISO_RE.exec(value.trim());
	if (!m) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
	const ms = Number(frac.padEnd(3, '0').slice(0, 3));
	const local = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms);
	const check = new Date(local);
	if (
		check.getUTCMonth() !== +mo - 1 ||
		check.getUTCDate() !== +d ||
		+h > 23 ||
		+mi > 59 ||
		+s > 59
	)
		return undefined;
	if (!zone || zone === 'Z' || zone === 'z') return local;
	const sign = zone[0] === '-' ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
	return local - sign * offsetMin * 60_000;
}

/** 'YYYY-MM-DDTHH:mm:ss' in UTC without zone. */
export function formatUtcSeconds(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19);
}
