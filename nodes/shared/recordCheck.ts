import { z } from 'zod';

/**
 * A record checked only for its id (`accepts` says which values count) and kept as the API sent
 * it: for Raw output of bulk reads, where checking and copying every field was most of the node's
 * own CPU. z.custom keeps the object itself; an object schema with passthrough copies every one.
 */
export function recordWithId<T>(field: string, accepts: (id: unknown) => boolean) {
	return z.custom<T>(
		(value) =>
			typeof value === 'object' &&
			value !== null &&
			accepts((value as Record<string, unknown>)[field]),
	);
}
