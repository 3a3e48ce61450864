import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Fixed merge fields of lists uploaded in the portal (matched case-insensitively, like all merge fields). */
const LIST_MERGE_FIELDS = [
	'recipient',
	'reference',
	'email',
	'fax',
	'phone',
	'mobile',
	'customfield1',
	'customfield2',
	'customfield3',
	'customfield4',
	'customfield5',
	'customfield6',
];
/** What every recipient object can carry besides merge data. */
export const RECIPIENT_FIELDS = ['destination', 'recipient', 'reference'];
export const MAX_MERGE_FIELDS = 100;

const PLACEHOLDER = /%%([^%\s]+)%%/g;

export interface MessageText {
	label: string;
	text: string;
}

/** The %%name%% placeholders used, in order of first use (original spelling). */
export function placeholders(texts: MessageText[]): Array<{ name: string; label: string }> {
	const found = new Map<string, { name: string; label: string }>();
	for (const { label, text } of texts) {
		for (const match of text.matchAll(PLACEHOLDER)) {
			if (!found.has(match[1].toLowerCase()))
				found.set(match[1].toLowerCase(), { name: match[1], label });
		}
	}
	return [...found.values()];
}

/**
 * A placeholder nobody provides would be sent as-is (or blank) to every recipient: stop before
 * sending and say which field is missing.
 */
export function checkMergeFields(
	node: INode,
	texts: MessageText[],
	provided: Iterable<string>,
	source: 'recipients' | 'lists',
	extra: string[],
	itemIndex: number,
): void {
	const known = new Set([...provided].map((name) => name.toLowerCase()));
	const allowed = new Set([
		...(source === 'lists' ? LIST_MERGE_FIELDS : RECIPIENT_FIELDS),
		...extra,
	]);
	for (const { name, label } of placeholders(texts)) {
		const key = name.toLowerCase();
		if (known.has(key) || allowed.has(key)) continue;
		throw new NodeOperationError(
			node,
			`Invalid "${label}": it uses the merge field %%${name}%%, but no recipient provides "${name}"`,
			{
				itemIndex,
				description:
					source === 'lists'
						? `Uploaded lists provide ${LIST_MERGE_FIELDS.map((field) => `%%${field}%%`).join(', ')}.`
						: `Add a merge field named "${name}" to the recipients, or remove %%${name}%% from the text. Recipients provide: ${[...RECIPIENT_FIELDS, ...known].join(', ')}.`,
			},
		);
	}
}
