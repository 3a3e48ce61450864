import type { LogMetadata } from 'n8n-workflow';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface LogLine {
	level: LogLevel;
	message: string;
	metadata?: LogMetadata;
	/** message + metadata serialised (errors expanded): what a log sink would receive. */
	text: string;
}

/** JSON.stringify that survives cycles and expands Error objects (message, stack, own props). */
export function safeStringify(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, function replacer(_key, val: unknown) {
		if (typeof val === 'bigint') return val.toString();
		if (typeof val === 'function') return undefined;
		if (val instanceof Error) {
			if (seen.has(val)) return '[Circular]';
			seen.add(val);
			const expanded: Record<string, unknown> = {
				name: val.name,
				message: val.message,
				stack: val.stack,
			};
			for (const key of Object.getOwnPropertyNames(val)) expanded[key] = (val as never)[key];
			return expanded;
		}
		if (val !== null && typeof val === 'object') {
			if (seen.has(val)) return '[Circular]';
			seen.add(val);
		}
		return val;
	});
}

/**
 * Stands in for n8n's winston Logger (Container `Logger` and `LoggerProxy`):
 * every line the engine, n8n-core services or our nodes (`this.logger`) log is recorded.
 */
export class RecordingLogger {
	readonly lines: LogLine[] = [];
	/** Also print to the console (e.g. set HARNESS_LOG=debug while debugging a test). */
	echoLevel: LogLevel | undefined;

	constructor() {
		const env = process.env.HARNESS_LOG as LogLevel | undefined;
		this.echoLevel = env && ['error', 'warn', 'info', 'debug'].includes(env) ? env : undefined;
	}

	error(message: string, metadata?: LogMetadata) {
		this.record('error', message, metadata);
	}

	warn(message: string, metadata?: LogMetadata) {
		this.record('warn', message, metadata);
	}

	info(message: string, metadata?: LogMetadata) {
		this.record('info', message, metadata);
	}

	debug(message: string, metadata?: LogMetadata) {
		this.record('debug', message, metadata);
	}

	/** n8n's Logger API; scoping does not filter anything here. */
	scoped() {
		return this;
	}

	clear() {
		this.lines.length = 0;
	}

	/** All recorded lines as one string, for "does the log contain X" assertions. */
	text(): string {
		return this.lines.map((line) => line.text).join('\n');
	}

	private record(level: LogLevel, message: string, metadata?: LogMetadata) {
		const meta = metadata && Object.keys(metadata).length > 0 ? ` ${safeStringify(metadata)}` : '';
		const text = `[${level}] ${String(message)}${meta}`;
		this.lines.push({ level, message: String(message), metadata, text });
		const order: LogLevel[] = ['error', 'warn', 'info', 'debug'];
		if (this.echoLevel && order.indexOf(level) <= order.indexOf(this.echoLevel)) {
			console.log(text);
		}
	}
}
