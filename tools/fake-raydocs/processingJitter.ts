/**
 * The extra processing time of each extraction run, from a seeded sequence (mulberry32), so that a
 * bench sees the same durations in the same order every time.
 */
const JITTER_SEED = 0x5eed;

export class ProcessingJitter {
	private seed = JITTER_SEED;

	/** The sequence starts over (reset(), setTiming()). */
	restart(): void {
		this.seed = JITTER_SEED;
	}

	/** The next value in [0, rangeMs); 0 without drawing when the range is empty. */
	next(rangeMs: number | undefined): number {
		const range = Math.max(0, rangeMs ?? 0);
		if (range === 0) return 0;
		this.seed = (this.seed + 0x6d2b79f5) | 0;
		let t = this.seed;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		return Math.floor(unit * range);
	}
}
