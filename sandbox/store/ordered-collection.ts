/**
 * Records kept in (created_at, id) order with an id index. Cursor pagination
 * needs "position after key" in O(log N) and must stay stable while records
 * are updated (updates never move a record because created_at is immutable)
 * or created (new records land at the end, behind any cursor already issued).
 */
export interface Ordered {
	id: string;
	created_at: number;
}

/**
 * Compares ids so numeric strings order numerically ("9" < "10") and
 * fixed-width hex ids order lexicographically; both hold for length-then-text.
 */
export function compareIds(a: string, b: string): number {
	if (a.length !== b.length) return a.length - b.length;
	return a < b ? -1 : a > b ? 1 : 0;
}

export function compareKeys(aCreated: number, aId: string, bCreated: number, bId: string): number {
	return aCreated !== bCreated ? aCreated - bCreated : compareIds(aId, bId);
}

export class OrderedCollection<T extends Ordered> {
	private readonly byId = new Map<string, T>();
	private readonly order: T[] = [];

	get size(): number {
		return this.order.length;
	}

	get(id: string): T | undefined {
		return this.byId.get(id);
	}

	has(id: string): boolean {
		return this.byId.has(id);
	}

	/** All records in order. Do not mutate the returned array. */
	all(): readonly T[] {
		return this.order;
	}

	at(index: number): T | undefined {
		return this.order[index];
	}

	insert(record: T): void {
		if (this.byId.has(record.id)) throw new Error(`duplicate id ${record.id}`);
		this.byId.set(record.id, record);
		const last = this.order[this.order.length - 1];
		// Fast path: records are almost always created "now", i.e. last.
		if (!last || compareKeys(last.created_at, last.id, record.created_at, record.id) < 0) {
			this.order.push(record);
			return;
		}
		this.order.splice(this.indexAfter(record.created_at, record.id), 0, record);
	}

	/**
	 * Appends records already sorted by (created_at, id) and newer than the
	 * current tail; used by the seed generator to load 100k records quickly.
	 */
	appendSorted(records: T[]): void {
		for (const record of records) {
			this.byId.set(record.id, record);
			this.order.push(record);
		}
	}

	remove(id: string): T | undefined {
		const record = this.byId.get(id);
		if (!record) return undefined;
		this.byId.delete(id);
		const index = this.indexAfter(record.created_at, record.id) - 1;
		if (this.order[index] === record) this.order.splice(index, 1);
		else this.order.splice(this.order.indexOf(record), 1);
		return record;
	}

	/** Index of the first record whose key is strictly greater than the given key. */
	indexAfter(created: number, id: string): number {
		let lo = 0;
		let hi = this.order.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			const r = this.order[mid];
			if (compareKeys(r.created_at, r.id, created, id) <= 0) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	clear(): void {
		this.byId.clear();
		this.order.length = 0;
	}
}
