const { src, dest } = require('gulp');

// n8n resolves `icon: 'file:x.svg'` and the codex (X.node.json) next to the compiled
// .node.js / .credentials.js, so both must sit beside them in dist/.
function buildIcons() {
	return src(['nodes/**/*.svg', 'credentials/**/*.svg', 'nodes/**/*.node.json'], { base: '.', encoding: false }).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
