import { sum, type CityFacts } from '../city-facts.js';
import { euros, ratio } from '../money.js';
import type { CitySplit, SplitPart } from '../report.js';

export function splitSection(facts: CityFacts): CitySplit {
  const sales = { revenue: sum(facts.sales), count: sum(facts.salesCount) };
  const rentals = { revenue: sum(facts.rentals), count: sum(facts.rentalsCount) };
  const part = (own: typeof sales): SplitPart => ({
    revenue: euros(own.revenue),
    count: own.count,
    revenueShare: ratio(own.revenue, sales.revenue + rentals.revenue),
    countShare: ratio(own.count, sales.count + rentals.count),
  });
  return { city: facts.city, sales: part(sales), rentals: part(rentals) };
}
