/**
 * Figures as the review prints them, in French: euros to the cent, changes and attainment as
 * percentages to one decimal. The PDF's standard font (WinAnsi) has no narrow no-break space
 * (U+202F), which Intl puts between thousands: it becomes a no-break space (U+00A0).
 */
const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const PERCENT = new Intl.NumberFormat('fr-FR', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const SIGNED = new Intl.NumberFormat('fr-FR', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const printable = (text: string): string => text.replaceAll('\u202F', '\u00A0');
const DASH = '—';

export function euros(value: number | null): string {
  return value === null ? DASH : printable(EUROS.format(value));
}

export function percent(value: number | null): string {
  return value === null ? DASH : printable(PERCENT.format(value));
}

export function change(value: number | null): string {
  return value === null ? DASH : printable(SIGNED.format(value));
}

/** `2026-11` → `novembre 2026` */
export function monthName(month: string): string {
  const [year, index] = month.split('-').map(Number);
  return MONTH.format(new Date(Date.UTC(year!, index! - 1, 1)));
}
