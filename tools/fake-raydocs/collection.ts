/**
 * An array of entities with keyed helpers. Tests read the fake's state with ordinary array methods
 * (`state.workspaces.find(...)`, `.map(...)`), while the fake looks entities up by id. Derived
 * arrays (`map`, `filter`, `slice`) are plain arrays.
 */
export class EntityList<T extends { id: string | number }> extends Array<T> {
	static get [Symbol.species](): ArrayConstructor {
		return Array;
	}

	get(id: T['id']): T | undefined {
		return this.find((entity) => entity.id === id);
	}

	has(id: T['id']): boolean {
		return this.some((entity) => entity.id === id);
	}

	/** Appends (or replaces the entity with the same id) and returns it. */
	add(entity: T): T {
		const index = this.findIndex((existing) => existing.id === entity.id);
		if (index >= 0) this[index] = entity;
		else this.push(entity);
		return entity;
	}

	delete(id: T['id']): boolean {
		const index = this.findIndex((entity) => entity.id === id);
		if (index < 0) return false;
		this.splice(index, 1);
		return true;
	}

	get size(): number {
		return this.length;
	}
}
