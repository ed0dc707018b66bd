/** Catalogue prices in euros: a new car's sale price and its typical monthly rent. */
export interface CatalogModel {
  readonly name: string;
  readonly salePrice: number;
  readonly monthlyRent: number;
  readonly popularity: number;
}

export const MODELS: readonly CatalogModel[] = [
  { name: 'BMW_X1', salePrice: 42_000, monthlyRent: 560, popularity: 8 },
  { name: 'BMW_X3', salePrice: 58_000, monthlyRent: 720, popularity: 9 },
  { name: 'BMW_X5', salePrice: 82_000, monthlyRent: 1_050, popularity: 4 },
  { name: 'BMW_Serie_3', salePrice: 48_000, monthlyRent: 620, popularity: 8 },
  { name: 'BMW_i4', salePrice: 62_000, monthlyRent: 780, popularity: 5 },
  { name: 'Mercedes_A_Class', salePrice: 38_000, monthlyRent: 490, popularity: 9 },
  { name: 'Mercedes_C_Class', salePrice: 52_000, monthlyRent: 680, popularity: 10 },
  { name: 'Mercedes_E_Class', salePrice: 68_000, monthlyRent: 880, popularity: 5 },
  { name: 'Mercedes_GLC', salePrice: 64_000, monthlyRent: 820, popularity: 7 },
  { name: 'Audi_A3', salePrice: 36_000, monthlyRent: 470, popularity: 9 },
  { name: 'Audi_A4', salePrice: 46_000, monthlyRent: 600, popularity: 8 },
  { name: 'Audi_Q5', salePrice: 60_000, monthlyRent: 760, popularity: 7 },
  { name: 'Audi_e-tron_GT', salePrice: 85_000, monthlyRent: 1_150, popularity: 2 },
  { name: 'Tesla_Model_3', salePrice: 42_000, monthlyRent: 800, popularity: 10 },
  { name: 'Tesla_Model_Y', salePrice: 48_000, monthlyRent: 850, popularity: 9 },
  { name: 'Tesla_Model_S', salePrice: 84_000, monthlyRent: 1_200, popularity: 3 },
];

/** Relative size of each city, and its taste for renting; unknown cities get the fallback. */
export const CITY_PROFILES: Readonly<Record<string, { size: number; rentalShare: number }>> = {
  Paris: { size: 1, rentalShare: 0.46 },
  Lyon: { size: 0.62, rentalShare: 0.4 },
  Marseille: { size: 0.48, rentalShare: 0.34 },
  Toulouse: { size: 0.4, rentalShare: 0.38 },
  Bordeaux: { size: 0.33, rentalShare: 0.36 },
};
export const FALLBACK_CITY_PROFILE = { size: 0.3, rentalShare: 0.4 };

/** Activity of each calendar month relative to an average month (spring and autumn peaks). */
export const SEASONALITY = [0.85, 0.9, 1.12, 1.05, 1.0, 1.1, 0.92, 0.68, 1.12, 1.06, 1.0, 1.2];

export const YEARLY_GROWTH = 0.08;

/** Rental lengths: short hires, the standard 12/24/36/48-month leases, and the rest. */
export const RENTAL_LENGTH_WEIGHTS: readonly number[] = Array.from({ length: 48 }, (_, index) => {
  const months = index + 1;
  if (months <= 6) return 5;
  if (months % 12 === 0) return 30;
  return 0.6;
});

/** Dealer cost as a share of the price (sale) or of the rent (rental), drawn in these bounds. */
export const COST_SHARE = { sale: [0.8, 0.9], rental: [0.55, 0.75] } as const;
