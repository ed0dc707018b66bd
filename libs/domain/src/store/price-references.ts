/** Prices a model needs before its usual price is trusted, and how many make it. */
export const PRICE_REFERENCE_MIN = 20;
export const PRICE_REFERENCE_SAMPLE = 50;
/** A price beyond this factor of the usual one, either way, is flagged. */
export const PRICE_OUTLIER_FACTOR = 5;

/**
 * The usual price of each model and type of a city: the median of its first
 * PRICE_REFERENCE_SAMPLE prices. The first prices fix it, so it does not drift with the data it
 * judges, and it is the same after a restart (the shard replays the rows in order). Keys are small
 * integers (model id x 2 + type): arrays, not maps, since this runs for every row stored (a Map
 * per row cost ~15% of the load).
 */
export class PriceReferences {
  private readonly samples: (number[] | undefined)[] = [];
  /** The median of a key's sample; NaN until computed, recomputed while the sample grows. */
  private readonly medians: number[] = [];

  /** Each key's sample, null for a key never seen: what a snapshot keeps. */
  state(): (readonly number[] | null)[] {
    return Array.from(this.samples, (sample) => sample ?? null);
  }

  static fromState(samples: readonly (readonly number[] | null)[]): PriceReferences {
    const references = new PriceReferences();
    samples.forEach((sample, key) => {
      if (sample === null) return;
      references.samples[key] = [...sample];
      references.medians[key] = Number.NaN;
    });
    return references;
  }

  /**
   * The usual price when `priceCents` is far from it, else undefined; then records the price.
   */
  check(key: number, priceCents: number): number | undefined {
    const unusual = this.unusual(key, priceCents);
    this.observe(key, priceCents);
    return unusual;
  }

  /** The usual price when `priceCents` is far from it, else undefined; records nothing. */
  unusual(key: number, priceCents: number): number | undefined {
    const usual = this.usual(key);
    if (usual === undefined) return undefined;
    const far =
      priceCents > usual * PRICE_OUTLIER_FACTOR || priceCents * PRICE_OUTLIER_FACTOR < usual;
    return far ? usual : undefined;
  }

  private observe(key: number, priceCents: number): void {
    const sample = this.samples[key];
    if (sample === undefined) {
      this.samples[key] = [priceCents];
      this.medians[key] = Number.NaN;
    } else if (sample.length < PRICE_REFERENCE_SAMPLE) {
      sample.push(priceCents);
      this.medians[key] = Number.NaN;
    }
  }

  private usual(key: number): number | undefined {
    const cached = this.medians[key];
    if (cached === undefined) return undefined;
    if (!Number.isNaN(cached)) return cached;
    const sample = this.samples[key]!;
    if (sample.length < PRICE_REFERENCE_MIN) return undefined;
    const sorted = [...sample].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    const median =
      sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    this.medians[key] = median;
    return median;
  }
}
