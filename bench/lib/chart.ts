/**
 * The pacing chart: hand-written SVG, no dependencies. One panel per variant: requests per second
 * over time (per-100-ms bars, and a trailing one-second line) against the rate limit; 429s in red.
 */

export interface TimelineBucket {
	/** Requests answered normally in this bucket. */
	ok: number;
	/** Requests answered 429 in this bucket. */
	r429: number;
}

export interface ChartPanel {
	title: string;
	buckets: TimelineBucket[];
}

export interface ChartOptions {
	bucketMs: number;
	/** The allowed rate, requests per second. */
	limitPerSecond: number;
	title: string;
	subtitle: string;
}

const WIDTH = 960;
const PANEL_HEIGHT = 230;
const MARGIN = { left: 64, right: 24, top: 34, bottom: 34 };

function esc(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function niceCeiling(value: number): number {
	if (value <= 0) return 1;
	const magnitude = 10 ** Math.floor(Math.log10(value));
	for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * magnitude) return step * magnitude;
	return 10 * magnitude;
}

function niceStep(range: number, ticks: number): number {
	const raw = range / ticks;
	const magnitude = 10 ** Math.floor(Math.log10(raw));
	for (const step of [1, 2, 5, 10]) if (raw <= step * magnitude) return step * magnitude;
	return 10 * magnitude;
}

export function pacingChart(panels: ChartPanel[], options: ChartOptions): string {
	const perSecond = 1000 / options.bucketMs;
	const window = Math.round(1000 / options.bucketMs);
	const longest = Math.max(1, ...panels.map((p) => p.buckets.length));
	const seconds = (longest * options.bucketMs) / 1000;
	const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
	const header = 56;
	const height = header + panels.length * PANEL_HEIGHT + 40;
	const x = (bucket: number) => MARGIN.left + (bucket / longest) * plotWidth;
	const barWidth = Math.max(0.5, plotWidth / longest - 0.3);
	const out: string[] = [];
	out.push(
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">`,
		`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
		`<text x="${MARGIN.left}" y="22" font-size="16" font-weight="600" fill="#111">${esc(options.title)}</text>`,
		`<text x="${MARGIN.left}" y="42" fill="#555">${esc(options.subtitle)}</text>`,
	);
	panels.forEach((panel, index) => {
		const top = header + index * PANEL_HEIGHT;
		const plotTop = top + MARGIN.top;
		const plotHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
		const rates = panel.buckets.map((b) => (b.ok + b.r429) * perSecond);
		const trailing = panel.buckets.map((_, i) => {
			let n = 0;
			for (let j = Math.max(0, i - window + 1); j <= i; j++) n += panel.buckets[j].ok + panel.buckets[j].r429;
			return (n * 1000) / (window * options.bucketMs);
		});
		const yMax = niceCeiling(Math.max(options.limitPerSecond * 1.5, ...rates));
		const y = (rate: number) => plotTop + plotHeight - (Math.min(rate, yMax) / yMax) * plotHeight;
		const total429 = panel.buckets.reduce((s, b) => s + b.r429, 0);
		const total = panel.buckets.reduce((s, b) => s + b.ok + b.r429, 0);
		out.push(`<g>`);
		out.push(`<text x="${MARGIN.left}" y="${top + 20}" font-size="13" font-weight="600" fill="#111">${esc(panel.title)}</text>`);
		out.push(`<text x="${WIDTH - MARGIN.right}" y="${top + 20}" text-anchor="end" fill="${total429 > 0 ? '#c62828' : '#2e7d32'}">${total} requests, ${total429} × 429</text>`);
		// Grid and y axis.
		const yStep = niceStep(yMax, 4);
		for (let v = 0; v <= yMax + 1e-9; v += yStep) {
			out.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#eee"/>`);
			out.push(`<text x="${MARGIN.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" fill="#666">${v}</text>`);
		}
		out.push(
			`<text transform="translate(${MARGIN.left - 44} ${plotTop + plotHeight / 2}) rotate(-90)" text-anchor="middle" fill="#666">requests / s</text>`,
		);
		// Bars: requests per 100 ms as a rate, 429s stacked in red on top.
		panel.buckets.forEach((b, i) => {
			if (b.ok + b.r429 === 0) return;
			const okTop = y(b.ok * perSecond);
			const allTop = y((b.ok + b.r429) * perSecond);
			if (b.ok > 0) out.push(`<rect x="${x(i).toFixed(1)}" y="${okTop.toFixed(1)}" width="${barWidth.toFixed(2)}" height="${(plotTop + plotHeight - okTop).toFixed(1)}" fill="#90caf9"/>`);
			if (b.r429 > 0) {
				out.push(`<rect x="${x(i).toFixed(1)}" y="${allTop.toFixed(1)}" width="${barWidth.toFixed(2)}" height="${(okTop - allTop).toFixed(1)}" fill="#e53935"/>`);
				out.push(`<path d="M${(x(i) + barWidth / 2).toFixed(1)} ${plotTop + plotHeight + 3} l-3 6 h6 z" fill="#e53935"/>`);
			}
		});
		// Trailing one-second rate.
		const points = trailing.map((r, i) => `${(x(i) + barWidth / 2).toFixed(1)},${y(r).toFixed(1)}`).join(' ');
		if (points) out.push(`<polyline points="${points}" fill="none" stroke="#0d47a1" stroke-width="1.6"/>`);
		// The limit.
		out.push(
			`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(options.limitPerSecond).toFixed(1)}" y2="${y(options.limitPerSecond).toFixed(1)}" stroke="#2e7d32" stroke-width="1.5" stroke-dasharray="6 4"/>`,
			`<text x="${WIDTH - MARGIN.right - 4}" y="${(y(options.limitPerSecond) - 5).toFixed(1)}" text-anchor="end" fill="#2e7d32">limit ${options.limitPerSecond}/s</text>`,
		);
		// X axis.
		out.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${plotTop + plotHeight}" y2="${plotTop + plotHeight}" stroke="#999"/>`);
		const xStep = niceStep(seconds, 10);
		for (let s = 0; s <= seconds + 1e-9; s += xStep) {
			const px = MARGIN.left + (s / seconds) * plotWidth;
			out.push(`<text x="${px.toFixed(1)}" y="${plotTop + plotHeight + 22}" text-anchor="middle" fill="#666">${Number(s.toFixed(2))} s</text>`);
		}
		out.push(`</g>`);
	});
	const legendY = height - 14;
	out.push(
		`<rect x="${MARGIN.left}" y="${legendY - 10}" width="12" height="10" fill="#90caf9"/><text x="${MARGIN.left + 18}" y="${legendY}" fill="#333">requests per 100 ms, as a rate</text>`,
		`<line x1="${MARGIN.left + 220}" x2="${MARGIN.left + 244}" y1="${legendY - 5}" y2="${legendY - 5}" stroke="#0d47a1" stroke-width="1.6"/><text x="${MARGIN.left + 250}" y="${legendY}" fill="#333">trailing 1 s rate</text>`,
		`<rect x="${MARGIN.left + 370}" y="${legendY - 10}" width="12" height="10" fill="#e53935"/><text x="${MARGIN.left + 388}" y="${legendY}" fill="#333">429 answers (also marked ▲ under the axis)</text>`,
		`</svg>`,
	);
	return out.join('\n') + '\n';
}
