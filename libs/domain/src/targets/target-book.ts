import { DomainError, ErrorCode } from '../model/errors.js';
import { formatMonth, parseMonth, type MonthIndex } from '../model/month.js';
import { targetKey, type Target, type TargetRecord, type TargetScope } from './target.js';

/**
 * Every target in force, looked up by city, month and scope. A month's total target is its
 * `total` row, or else the sum of its `vente` and `location` rows when it has both; a month with
 * only one of the two has no total target (half a target would read as a shortfall).
 */
export class TargetBook {
  private readonly byKey = new Map<string, Target>();

  constructor(targets: Iterable<Target> = []) {
    for (const target of targets) this.byKey.set(targetKey(target), target);
  }

  static fromRecords(records: readonly TargetRecord[]): TargetBook {
    return new TargetBook(records.map(recordToTarget));
  }

  /** This book with `targets` set, each replacing the one of its city, month and scope. */
  with(targets: readonly Target[]): { book: TargetBook; replaced: number } {
    const replaced = targets.filter((target) => this.byKey.has(targetKey(target))).length;
    return { book: new TargetBook([...this.byKey.values(), ...targets]), replaced };
  }

  /** This book without the target of that city, month and scope. */
  without(key: Pick<Target, 'city' | 'month' | 'scope'>): { book: TargetBook; removed: boolean } {
    const removed = this.byKey.has(targetKey(key));
    const kept = [...this.byKey.values()].filter((target) => targetKey(target) !== targetKey(key));
    return { book: new TargetBook(kept), removed };
  }

  /** The city's target for the month and scope, in cents; undefined when none is set. */
  cents(city: string, month: MonthIndex, scope: TargetScope): number | undefined {
    const own = this.byKey.get(targetKey({ city, month, scope }));
    if (own !== undefined || scope !== 'total') return own?.cents;
    const sales = this.byKey.get(targetKey({ city, month, scope: 'vente' }));
    const rentals = this.byKey.get(targetKey({ city, month, scope: 'location' }));
    return sales === undefined || rentals === undefined ? undefined : sales.cents + rentals.cents;
  }

  /**
   * The cities' targets summed, in cents: undefined unless every one of them has one (a sum over
   * some of the cities compared with all of their revenue would read as a windfall).
   */
  sumOf(cities: readonly string[], month: MonthIndex, scope: TargetScope): number | undefined {
    if (cities.length === 0) return undefined;
    let sum = 0;
    for (const city of cities) {
      const cents = this.cents(city, month, scope);
      if (cents === undefined) return undefined;
      sum += cents;
    }
    return sum;
  }

  /** Every target, sorted by city, month and scope. */
  list(): Target[] {
    return [...this.byKey.values()].sort(
      (a, b) => a.city.localeCompare(b.city) || a.month - b.month || a.scope.localeCompare(b.scope),
    );
  }

  records(): TargetRecord[] {
    return this.list().map(targetToRecord);
  }
}

export function targetToRecord(target: Target): TargetRecord {
  return {
    city: target.city,
    month: formatMonth(target.month),
    type: target.scope === 'total' ? null : target.scope,
    target: target.cents / 100,
  };
}

/** A hundred billion euros: beyond, sums of cents leave the range where doubles are exact. */
const MAX_TARGET_CENTS = 1e13;

/**
 * A target as a record gives it, checked as a line of a targets file is: a record that does not
 * hold (a client of the broker that is not the gateway) is refused whole, not stored.
 */
export function recordToTarget(record: TargetRecord): Target {
  const month = typeof record.month === 'string' ? parseMonth(record.month) : undefined;
  const cents = typeof record.target === 'number' ? Math.round(record.target * 100) : Number.NaN;
  const scope = record.type ?? 'total';
  if (
    typeof record.city !== 'string' ||
    record.city === '' ||
    month === undefined ||
    !['total', 'vente', 'location'].includes(scope) ||
    !(cents > 0 && cents <= MAX_TARGET_CENTS) ||
    Math.abs(cents - record.target * 100) > 1e-6
  ) {
    throw new DomainError(ErrorCode.InvalidBatch, `not a target: ${JSON.stringify(record)}`);
  }
  return { city: record.city, month, scope, cents };
}
