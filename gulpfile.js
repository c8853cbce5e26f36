const { src, dest } = require('gulp');

// n8n resolves `icon: 'file:x.svg'` next to the compiled .node.js / .credentials.js,
// so the SVGs must sit beside them in dist/.
function buildIcons() {
	return src(['nodes/**/*.svg', 'credentials/**/*.svg'], { base: '.', encoding: false }).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
