import { safeStringify } from '../harness';

/**
 * Collects everything a user or an operator could see (output items, errors, log lines) and
 * checks that no credential value appears in it.
 */
export class SecretScanner {
	private readonly secrets = new Set<string>();
	scanned = 0;
	private readonly leaks: string[] = [];

	addSecrets(...values: unknown[]): void {
		for (const value of values)
			if (typeof value === 'string' && value.length >= 6) this.secrets.add(value);
	}

	scan(label: string, value: unknown): void {
		const text = typeof value === 'string' ? value : safeStringify(value);
		this.scanned++;
		for (const secret of this.secrets)
			if (text.includes(secret))
				this.leaks.push(`${label} contains a secret (${secret.slice(0, 3)}…)`);
	}

	get found(): string[] {
		return [...this.leaks];
	}
}
