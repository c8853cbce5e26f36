/**
 * Seeded pseudo-random numbers (mulberry32) so seeds, ids and probabilistic
 * faults are reproducible run to run.
 */
export class Prng {
	private state: number;

	constructor(seed: number | string = 1) {
		this.state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
	}

	/** Uniform float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max] inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	/** `length` lowercase hex characters. */
	hex(length: number): string {
		let out = '';
		while (out.length < length) out += Math.floor(this.next() * 0x100000000).toString(16).padStart(8, '0');
		return out.slice(0, length);
	}

	/** A few distinct items (order preserved from the source list). */
	sample<T>(items: readonly T[], count: number): T[] {
		if (count >= items.length) return [...items];
		const chosen = new Set<number>();
		while (chosen.size < count) chosen.add(Math.floor(this.next() * items.length));
		return [...chosen].sort((a, b) => a - b).map((i) => items[i]);
	}
}

export function hashString(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 16777619);
	}
	return h >>> 0;
}

/** A seeded generator of uniform floats in [0, 1), as a plain function (Prng's `next`). */
export function uniform(seed: number): () => number {
	const prng = new Prng(seed);
	return () => prng.next();
}
