import { startSandbox } from './server';

async function main(): Promise<void> {
	const port = Number(process.env.SANDBOX_PORT ?? 4010);
	const seed = process.env.SANDBOX_SEED ? Number(process.env.SANDBOX_SEED) : undefined;
	const anchor = process.env.SANDBOX_ANCHOR ? new Date(process.env.SANDBOX_ANCHOR) : undefined;
	const sandbox = await startSandbox({ port, seed, anchor });
	console.log(`sandbox listening on ${sandbox.url}`);
	console.log(`  control       ${sandbox.url}/__control`);
	for (const v of sandbox.vendors) console.log(`  ${v.name.padEnd(13)} ${v.url}`);

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`${signal}: stopping sandbox`);
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
