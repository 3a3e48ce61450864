import { DateTime } from 'luxon';

/**
 * Welcorp shows dates in the account's local time: lists without an offset
 * ("2023-08-29 22:15:57"), job details and callbacks with one ("2023-08-29T22:15:57+10:00").
 */
export class AccountTime {
	constructor(readonly zone: string) {
		if (!DateTime.now().setZone(zone).isValid) throw new Error(`Unknown time zone ${zone}`);
	}

	list(ms: number): string {
		return DateTime.fromMillis(ms, { zone: this.zone }).toFormat('yyyy-MM-dd HH:mm:ss');
	}

	iso(ms: number): string {
		return DateTime.fromMillis(ms, { zone: this.zone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
	}

	/** "2023-04-07", "2023-04-07 10:00[:00]" (account time) or ISO 8601 with or without an offset. */
	parse(value: string): number | undefined {
		const text = value.trim();
		if (text === '') return undefined;
		let parsed = DateTime.fromISO(text, { zone: this.zone });
		if (!parsed.isValid) parsed = DateTime.fromSQL(text, { zone: this.zone });
		return parsed.isValid ? parsed.toMillis() : undefined;
	}
}
