/** A colour per city, the same on every chart; sales dark, rentals light. */
const CITY_COLOURS: Record<string, readonly [string, string]> = {
  Lyon: ['#1d4ed8', '#93c5fd'],
  Paris: ['#7e22ce', '#d8b4fe'],
  Marseille: ['#c2410c', '#fdba74'],
  Toulouse: ['#15803d', '#86efac'],
  Bordeaux: ['#9f1239', '#fda4af'],
};
const SPARE: readonly (readonly [string, string])[] = [
  ['#0f766e', '#5eead4'],
  ['#a16207', '#fde047'],
  ['#334155', '#cbd5e1'],
];

export function cityColours(city: string, index: number): readonly [string, string] {
  return CITY_COLOURS[city] ?? SPARE[index % SPARE.length] ?? ['#334155', '#cbd5e1'];
}

export const TOTAL_COLOUR = '#111827';

/** The two bars every sales-against-rentals chart draws, in the same colours everywhere. */
export function salesAndRentals<T>(
  labels: { readonly sales: string; readonly rentals: string },
  items: readonly T[],
  sales: (item: T) => number | null,
  rentals: (item: T) => number | null,
): { label: string; data: number[]; backgroundColor: string }[] {
  return [
    {
      label: labels.sales,
      data: items.map((item) => sales(item) ?? 0),
      backgroundColor: '#1d4ed8',
    },
    {
      label: labels.rentals,
      data: items.map((item) => rentals(item) ?? 0),
      backgroundColor: '#93c5fd',
    },
  ];
}
