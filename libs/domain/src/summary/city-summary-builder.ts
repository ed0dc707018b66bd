import type { CitySummary } from './summary.js';

/** Month indexes stay below 120 000 (year 9999), so month * 2 + type fits below this. */
const MONTH_TYPE_KEYS = 2 ** 18;

/**
 * Accumulates cells keyed by (month, type, model id) and writes them out in canonical order, so
 * that a summary built from rows and one merged from other summaries are equal value for value.
 */
export class CitySummaryBuilder {
  private readonly cellIndex = new Map<number, number>();
  private readonly month: number[] = [];
  private readonly type: number[] = [];
  private readonly model: number[] = [];
  private readonly count: number[] = [];
  private readonly revenue: number[] = [];
  private readonly rentalMonths: number[] = [];
  private readonly costed: number[] = [];
  private readonly cost: number[] = [];
  private readonly uncostedRevenue: number[] = [];
  private readonly steps = new Map<number, number>();
  private readonly durations = new Map<number, number>();
  private readonly days = new Map<number, { count: number; revenue: number }>();
  private readonly modelIds: Map<string, number>;

  /** `models` names the ids used in {@link addCell}; {@link modelId} may add to it. */
  constructor(
    readonly city: string,
    private readonly models: string[],
  ) {
    this.modelIds = new Map(models.map((name, id) => [name, id]));
  }

  modelId(name: string): number {
    let id = this.modelIds.get(name);
    if (id === undefined) {
      id = this.models.length;
      this.models.push(name);
      this.modelIds.set(name, id);
    }
    return id;
  }

  addCell(
    month: number,
    type: number,
    model: number,
    count: number,
    revenue: number,
    rentalMonths: number,
    costed: number,
    cost: number,
    uncostedRevenue: number,
  ): void {
    const key = model * MONTH_TYPE_KEYS + month * 2 + type;
    let index = this.cellIndex.get(key);
    if (index === undefined) {
      index = this.month.length;
      this.cellIndex.set(key, index);
      this.month.push(month);
      this.type.push(type);
      this.model.push(model);
      this.count.push(0);
      this.revenue.push(0);
      this.rentalMonths.push(0);
      this.costed.push(0);
      this.cost.push(0);
      this.uncostedRevenue.push(0);
    }
    this.count[index]! += count;
    this.revenue[index]! += revenue;
    this.rentalMonths[index]! += rentalMonths;
    this.costed[index]! += costed;
    this.cost[index]! += cost;
    this.uncostedRevenue[index]! += uncostedRevenue;
  }

  addStep(month: number, delta: number): void {
    this.steps.set(month, (this.steps.get(month) ?? 0) + delta);
  }

  addDurations(month: number, months: number, count: number): void {
    const key = month * 64 + months;
    this.durations.set(key, (this.durations.get(key) ?? 0) + count);
  }

  addDay(month: number, day: number, count: number, revenue: number): void {
    const key = month * 32 + day;
    const totals = this.days.get(key);
    if (totals === undefined) this.days.set(key, { count, revenue });
    else {
      totals.count += count;
      totals.revenue += revenue;
    }
  }

  build(): CitySummary {
    const usedNames = [...new Set(this.model.map((id) => this.models[id]!))].sort();
    const rank = new Map(usedNames.map((name, position) => [name, position]));
    const modelRank = (cell: number): number => rank.get(this.models[this.model[cell]!]!) ?? 0;
    const order = this.month.map((_, cell) => cell);
    order.sort(
      (a, b) =>
        this.month[a]! - this.month[b]! ||
        this.type[a]! - this.type[b]! ||
        modelRank(a) - modelRank(b),
    );
    const pick = (column: readonly number[]): number[] => order.map((cell) => column[cell]!);
    const steps = [...this.steps].filter(([, delta]) => delta !== 0).sort((a, b) => a[0] - b[0]);
    const durations = [...this.durations].sort((a, b) => a[0] - b[0]);
    const days = [...this.days].filter(([, t]) => t.count !== 0).sort((a, b) => a[0] - b[0]);
    return {
      city: this.city,
      models: usedNames,
      cells: {
        month: pick(this.month),
        type: pick(this.type),
        model: order.map(modelRank),
        count: pick(this.count),
        revenue: pick(this.revenue),
        rentalMonths: pick(this.rentalMonths),
        costed: pick(this.costed),
        cost: pick(this.cost),
        uncostedRevenue: pick(this.uncostedRevenue),
      },
      recognized: { month: steps.map(([month]) => month), delta: steps.map(([, delta]) => delta) },
      durations: {
        month: durations.map(([key]) => Math.floor(key / 64)),
        months: durations.map(([key]) => key % 64),
        count: durations.map(([, count]) => count),
      },
      days: {
        month: days.map(([key]) => Math.floor(key / 32)),
        day: days.map(([key]) => key % 32),
        count: days.map(([, totals]) => totals.count),
        revenue: days.map(([, totals]) => totals.revenue),
      },
    };
  }
}
