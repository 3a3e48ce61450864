// A restart of n8n keeps the port it served: resume URLs and callback URLs handed out before the
// restart name it (e2e/lib/n8n.js).
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { N8n, freePort } = require('../../e2e/lib/n8n');

const userFolder = mkdtempSync(join(tmpdir(), 'n8n-nodes-voc-restart-'));
afterAll(() => rmSync(userFolder, { recursive: true, force: true }));

async function standIn() {
	const ports = {
		port: await freePort(),
		brokerPort: await freePort(),
		cliPort: await freePort(),
		cliBrokerPort: await freePort(),
	};
	return new N8n({
		install: {
			version: 'stand-in',
			nodeBin: process.execPath,
			n8nBin: join(__dirname, 'standInN8n.js'),
			env: {},
			info: { env: {} },
		},
		userFolder,
		ports,
		env: {},
		logFile: join(userFolder, 'n8n.log'),
	});
}

const listenOn = (port: number) =>
	new Promise<Server>((resolve) => {
		const server = createServer().listen(port, '127.0.0.1', () => resolve(server));
	});

it('waits for its port when something holds it at restart, instead of moving to another', async () => {
	const n8n = await standIn();
	await n8n.start({ timeoutMs: 20_000 });
	const served = n8n.ports.port;
	await n8n.stop();
	const holder = await listenOn(served);
	setTimeout(() => holder.close(), 1_000);
	try {
		await n8n.start({ timeoutMs: 20_000 });
		expect(n8n.ports.port).toBe(served);
		expect(n8n.log()).toContain(`n8n's port ${served} is already in use`);
		expect((await fetch(`http://127.0.0.1:${served}/healthz/readiness`)).status).toBe(200);
	} finally {
		await n8n.stop();
	}
}, 60_000);

it('moves to another port when its first start finds the port taken', async () => {
	const n8n = await standIn();
	const holder = await listenOn(n8n.ports.port);
	const taken = n8n.ports.port;
	try {
		await n8n.start({ timeoutMs: 20_000 });
		expect(n8n.ports.port).not.toBe(taken);
	} finally {
		await n8n.stop();
		holder.close();
	}
}, 60_000);
