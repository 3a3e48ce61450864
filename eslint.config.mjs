// n8n's community-package rules, on our sources and on the built package as n8n's scanner sees it.
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tsParser from '@typescript-eslint/parser';

const recommended = communityNodes.configs.recommended;
const nodesBase = { 'n8n-nodes-base': n8nNodesBase };
const ts = {
	parser: tsParser,
	parserOptions: { sourceType: 'module', extraFileExtensions: ['.json'] },
};

// These older rules demand the opposite of @n8n/community-nodes (the scanner's rules, which win):
// string 'main' instead of NodeConnectionTypes, and camelCase slugs instead of documentation URLs.
const supersededByCommunityRules = {
	'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
	'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
	'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
};

export default [
	{
		ignores: [
			'node_modules/**',
			'.cache/**',
			'coverage/**',
			'sandbox/**',
			'test/**',
			'e2e/**',
			'bench/**',
			'scripts/**',
			'examples/**',
			'gulpfile.js',
			'eslint.config.mjs',
			'jest.config.js',
			'notes/**',
		],
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		languageOptions: ts,
		plugins: recommended.plugins,
		rules: { ...recommended.rules, 'no-console': 'error' },
	},
	{
		files: ['package.json'],
		languageOptions: ts,
		plugins: nodesBase,
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		languageOptions: ts,
		plugins: nodesBase,
		rules: { ...n8nNodesBase.configs.credentials.rules, ...supersededByCommunityRules },
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: ts,
		plugins: nodesBase,
		rules: { ...n8nNodesBase.configs.nodes.rules, ...supersededByCommunityRules },
	},
	{
		// The published tarball: compiled JavaScript, linted the way n8n's scanner does.
		files: ['dist/**/*.js'],
		languageOptions: { sourceType: 'commonjs', ecmaVersion: 2022 },
		plugins: recommended.plugins,
		rules: { ...recommended.rules, 'no-console': 'error' },
	},
];
