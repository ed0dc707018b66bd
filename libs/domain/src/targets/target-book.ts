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

  get size(): number {
    return this.byKey.size;
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

function recordToTarget(record: TargetRecord): Target {
  const month = parseMonth(record.month);
  if (month === undefined) throw new Error(`a stored target has the month "${record.month}"`);
  return {
    city: record.city,
    month,
    scope: record.type ?? 'total',
    cents: Math.round(record.target * 100),
  };
}
