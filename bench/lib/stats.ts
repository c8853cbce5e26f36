/** Small statistics for the benchmark's figures. */

export function median(values: number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function quantile(values: number[], q: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export function min(values: number[]): number {
	return values.length === 0 ? NaN : Math.min(...values);
}

export function max(values: number[]): number {
	return values.length === 0 ? NaN : Math.max(...values);
}

export function sum(values: number[]): number {
	return values.reduce((s, x) => s + x, 0);
}
