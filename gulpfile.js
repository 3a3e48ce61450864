const { src, dest, task } = require('gulp');

// tsc emits only JavaScript: icons and codex files are copied next to the compiled nodes.
function copyAssets() {
	return src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

task('build:assets', copyAssets);
