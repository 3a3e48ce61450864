import { startSandbox } from '../../sandbox/server';

// Child process of bench/lib/emulator.ts: the sandbox on its own CPU and heap. It ends with the
// benchmark, however that ends (the IPC channel closes).
process.on('disconnect', () => process.exit(0));

const options = JSON.parse(process.env.BENCH_SANDBOX_OPTIONS ?? '{}');
startSandbox({ ...options, port: 0, anchor: new Date(options.anchor) }).then(
	(sandbox) => process.send?.({ url: sandbox.url }),
	(error) => {
		process.stderr.write(`${String(error?.stack ?? error)}\n`);
		process.exit(1);
	},
);
