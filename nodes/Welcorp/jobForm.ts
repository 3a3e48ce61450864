import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { JobType } from './jobTypes';

export type Show = NonNullable<IDisplayOptions['show']>;

/**
 * One operation that sends a job: where its fields are shown and which job types it sends. Job →
 * Create sends every type (the Job Type choice picks one); SMS → Send only 'sms'. The parameters
 * have the same names in every form, so one reader serves them all.
 */
export interface JobForm {
	/** The operation's conditions, e.g. { resource: ['sms'], operation: ['send'] }. */
	show: Record<string, string[]>;
	types: JobType[];
	/** Label of the job type choice when the form sends more than one type. */
	typeLabel?: string;
	/** Additional Fields this form leaves out, by name. */
	omit?: string[];
	/**
	 * Where delivery reports and replies go: 'target' (Send Delivery Reports and Replies To), or
	 * 'legacy' for Job → Create version 1 (Additional Fields → Callback URL), or 'none'.
	 */
	callbacks: 'target' | 'legacy' | 'none';
	/** Shown only for these versions of the node (Job → Create changed in 1.1). */
	versions?: NonNullable<Show['@version']>;
}

export function hasTypeChoice(form: JobForm): boolean {
	return form.types.length > 1;
}

/** The operation's own conditions, with the node versions it is shown for. */
export function formShow(form: JobForm, extra: Show = {}): Show {
	return { ...form.show, ...(form.versions ? { '@version': form.versions } : {}), ...extra };
}

/** The form's job types among `types`; empty when it sends none of them. */
export function typesIn(form: JobForm, types: readonly JobType[]): JobType[] {
	return form.types.filter((type) => types.includes(type));
}

/** displayOptions of a field for `types`, or undefined when the form sends none of them. */
export function shownFor(
	form: JobForm,
	types: readonly JobType[],
	extra: Show = {},
): IDisplayOptions | undefined {
	const wanted = typesIn(form, types);
	if (wanted.length === 0) return undefined;
	const all = wanted.length === form.types.length;
	return { show: formShow(form, all ? extra : { ...extra, jobType: wanted }) };
}

/** The field, shown in this form for `types`; nothing when the form sends none of them. */
export function fieldFor(
	form: JobForm,
	types: readonly JobType[],
	property: INodeProperties,
): INodeProperties[] {
	const displayOptions = shownFor(form, types);
	return displayOptions ? [{ ...property, displayOptions }] : [];
}
