'use strict';

const http = require('node:http');

/**
 * One HTTP request on a fresh connection (no keep-alive: a socket n8n closed while idle must not
 * be reused, which fetch's pool does now and then). Resolves { status, headers, body }.
 */
function httpRequest(url, { method, headers }, payload) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method, headers, agent: false }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () =>
				resolve({
					status: res.statusCode,
					headers: res.headers,
					body: Buffer.concat(chunks).toString('utf8'),
				}),
			);
			res.on('error', reject);
		});
		req.on('error', reject);
		req.setTimeout(120000, () => req.destroy(new Error(`${method} ${url} timed out`)));
		req.end(payload);
	});
}

module.exports = { httpRequest };
