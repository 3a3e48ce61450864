import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The doc's limits on files, checked before anything is sent. */
export const MAX_TOTAL_BYTES = 20 * 1024 * 1024;
/** The doc says "4000000MB" for voice files, read as 4,000,000 bytes. */
export const MAX_VOICE_BYTES = 4_000_000;
export const FAX_EXTENSIONS = [
	'jpg',
	'tif',
	'png',
	'gif',
	'doc',
	'docx',
	'xls',
	'xlsx',
	'pdf',
	'txt',
	'ppt',
	'pptx',
	'pdfx',
];
export const VOICE_EXTENSIONS = ['wav'];

const EXTENSION_BY_MIME: Record<string, string> = {
	'application/pdf': 'pdf',
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/gif': 'gif',
	'image/tiff': 'tif',
	'text/plain': 'txt',
	'application/msword': 'doc',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/vnd.ms-excel': 'xls',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'application/vnd.ms-powerpoint': 'ppt',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'audio/wave': 'wav',
	'audio/vnd.wave': 'wav',
};

export interface FileInput {
	source?: string;
	binaryPropertyName?: string;
	url?: string;
	fileName?: string;
}

export interface FileRule {
	/** As the user sees the field, e.g. "Documents". */
	label: string;
	/** Lower-case extensions; undefined = any type. */
	extensions?: string[];
	maxBytes: number;
	min: number;
	max?: number;
}

/** What goes into `files`, `attachments` or `audiofile`. */
export interface JobFile {
	name: string;
	url?: string;
	base64content?: string;
}

function extensionOf(name: string): string {
	const match = /\.([A-Za-z0-9]+)$/.exec(name);
	return match ? match[1].toLowerCase() : '';
}

function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function nameFromUrl(url: string): string {
	try {
		return decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '');
	} catch {
		return '';
	}
}

/** Reads the files of one job from the item's binary data or URLs, and checks count, types and size. */
export async function readFiles(
	this: IExecuteFunctions,
	inputs: FileInput[],
	rule: FileRule,
	itemIndex: number,
): Promise<JobFile[]> {
	const node = this.getNode();
	const fail = (message: string, description?: string) =>
		new NodeOperationError(node, `Invalid "${rule.label}": ${message}`, { itemIndex, description });
	if (inputs.length < rule.min)
		throw fail(rule.min === 1 ? 'add a file' : `add at least ${rule.min} files`);
	if (rule.max !== undefined && inputs.length > rule.max)
		throw fail(`Welcorp accepts only ${rule.max} file here, ${inputs.length} were given`);

	let total = 0;
	const files: JobFile[] = [];
	for (const input of inputs) {
		let name = (input.fileName ?? '').trim();
		let file: JobFile;
		if ((input.source ?? 'binary') === 'url') {
			const url = (input.url ?? '').trim();
			if (!/^https?:\/\/[^\s/]+/i.test(url)) throw fail(`"${url}" is not an http(s) URL`);
			name ||= nameFromUrl(url);
			file = { name, url };
		} else {
			const property = (input.binaryPropertyName ?? 'data').trim() || 'data';
			const binary = this.helpers.assertBinaryData(itemIndex, property);
			const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, property);
			total += buffer.length;
			name ||= binary.fileName ?? '';
			if (!extensionOf(name) && binary.mimeType && EXTENSION_BY_MIME[binary.mimeType]) {
				name = `${name || property}.${EXTENSION_BY_MIME[binary.mimeType]}`;
			}
			file = { name, base64content: buffer.toString('base64') };
		}
		if (!name) throw fail('a file name is needed', 'Set File Name, with the extension.');
		if (rule.extensions && !rule.extensions.includes(extensionOf(name))) {
			throw fail(
				`"${name}" is not an accepted file type`,
				`Accepted: ${rule.extensions.join(', ')}.`,
			);
		}
		files.push(file);
	}
	if (total > rule.maxBytes) {
		throw fail(
			`the files are ${megabytes(total)} in total; Welcorp accepts at most ${rule.maxBytes === MAX_TOTAL_BYTES ? '20 MB' : `${rule.maxBytes} bytes`}`,
		);
	}
	return files;
}

/** fixedCollection value → list of entries (multipleValues on or off). */
export function fileInputs(value: IDataObject | undefined): FileInput[] {
	const entries = value?.file;
	if (!entries) return [];
	return (Array.isArray(entries) ? entries : [entries]) as FileInput[];
}
