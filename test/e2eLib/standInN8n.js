'use strict';
// Stands in for `n8n start` in tests of e2e/lib/n8n.js: serves its readiness check on N8N_PORT and
// says it is ready the way n8n does; a taken port ends it the way n8n's does.
const http = require('node:http');

const port = Number(process.env.N8N_PORT);
const server = http.createServer((req, res) => res.end('{"status":"ok"}'));
server.on('error', () => {
	console.log(
		`n8n's port ${port} is already in use. Do you have another instance of n8n running already?`,
	);
	process.exit(1);
});
server.listen(port, '127.0.0.1', () =>
	console.log(`Editor is now accessible via:\nhttp://127.0.0.1:${port}`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
