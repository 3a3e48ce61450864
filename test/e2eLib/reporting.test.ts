// What the E2E tells when something goes wrong: the CI summary line of a failed test and the
// Redis replies the queue-mode test reads (e2e/lib/jestRun.js, e2e/lib/redis.js).
const { failuresOf } = require('../../e2e/lib/jestRun');
const { replyIn } = require('../../e2e/lib/redis');

describe('E2E summary of a failed test', () => {
	it('keeps the whole diff of received values, up to the stack trace', () => {
		const message = [
			'Error: expect(received).toEqual(expected) // deep equality',
			'',
			'- Expected  - 1',
			'+ Received  + 3',
			'',
			'- Array []',
			'+ Array [',
			'+   "This execution failed to be processed too many times",',
			'+ ]',
			'    at Object.<anonymous> (queue-mode.e2e.test.ts:574:5)',
			'    at processTicksAndRejections (node:internal/process/task_queues:95:5)',
		].join('\n');
		const lines: string[] = failuresOf({
			testResults: [
				{
					name: `${process.cwd()}/e2e/queue-mode.e2e.test.ts`,
					status: 'failed',
					assertionResults: [
						{ status: 'passed', fullName: 'fine' },
						{ status: 'failed', fullName: 'queue mode › killed', failureMessages: [message] },
					],
				},
			],
		});
		expect(lines).toEqual([
			'e2e/queue-mode.e2e.test.ts › queue mode › killed: Error: expect(received).toEqual(expected) // deep equality | - Expected  - 1 | + Received  + 3 | - Array [] | + Array [ | +   "This execution failed to be processed too many times", | + ]',
		]);
	});

	it('names a file that failed before any test ran, with its message', () => {
		const lines: string[] = failuresOf({
			testResults: [
				{
					name: `${process.cwd()}/e2e/wolkvox.e2e.test.ts`,
					status: 'failed',
					assertionResults: [],
					message: 'Cannot find module x\n  at require',
				},
			],
		});
		expect(lines).toEqual(['e2e/wolkvox.e2e.test.ts: Cannot find module x']);
	});
});

describe('Redis replies read by the E2E', () => {
	it('gives a bulk string whole once it has arrived, and waits while it is incomplete', () => {
		const list = 'id=3 addr=127.0.0.1:50122 cmd=brpoplpush\nid=4 addr=127.0.0.1:50124 cmd=client';
		const sent = `$${list.length}\r\n${list}\r\n`;
		expect(replyIn(sent.slice(0, 20))).toBeUndefined();
		expect(replyIn(sent.slice(0, -2))).toBeUndefined();
		expect(replyIn(sent)).toBe(list);
	});

	it('gives other replies as their first line', () => {
		expect(replyIn('+PONG\r\n')).toBe('+PONG');
		expect(replyIn(':0\r\n')).toBe(':0');
		expect(replyIn('$-1\r\n')).toBe('$-1');
		expect(replyIn('-ERR unknown command\r\n')).toBe('-ERR unknown command');
		expect(replyIn('+PO')).toBeUndefined();
	});
});
