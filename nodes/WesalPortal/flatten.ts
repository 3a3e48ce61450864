import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../shared';

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Numbers sent as text become numbers, ISO date-times are written the same way (UTC). */
export function typedValue(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (NUMBER.test(text)) return Number(text);
	if (ISO_DATE.test(text)) {
		const time = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`);
		if (!Number.isNaN(time)) return new Date(time).toISOString();
	}
	return value;
}

/** "NOT_RESPONDING" → "notResponding", "Offer" → "offer", "ASA" → "asa". */
export function camelName(text: string): string {
	const words = text
		.replace(/([a-z\d])([A-Z])/g, '$1 $2')
		.split(/[^A-Za-z\d]+/)
		.filter(Boolean)
		.map((word) => word.toLowerCase());
	return words
		.map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1)))
		.join('');
}

/**
 * The fields of a vendor object as flat, typed fields: a nested object's fields are named after
 * it (`division.name` → `divisionName`). `skip` names top-level fields handled by the caller.
 */
export function flatFields(
	source: Record<string, unknown>,
	skip: readonly string[] = [],
	prefix = '',
): IDataObject {
	const flat: IDataObject = {};
	for (const [key, value] of Object.entries(source)) {
		if (!prefix && skip.includes(key)) continue;
		const name = prefix ? `${prefix}${key[0]?.toUpperCase() ?? ''}${key.slice(1)}` : key;
		if (isRecord(value)) Object.assign(flat, flatFields(value, [], name));
		else flat[name] = typedValue(value) as IDataObject[string];
	}
	return flat;
}
