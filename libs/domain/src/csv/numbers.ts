/*
 * Parsers that read a field where it lies in its text (from `start` to `end`), so that a row is
 * validated without cutting a string per field. Each returns undefined for text it does not accept.
 */

const ZERO = 48;
const NINE = 57;
const DOT = 46;
const DASH = 45;
/** Above this many euros a sum of cents could leave the range where doubles are exact. */
const MAX_EUROS = 1e11;

/**
 * A plain decimal (`45000`, `799.9`, `12.50`) as integer cents. Signs, exponents, separators and
 * fractions of a cent are refused.
 */
export function parseCents(text: string, start = 0, end = text.length): number | undefined {
  let index = start;
  let euros = 0;
  for (; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code < ZERO || code > NINE) break;
    euros = euros * 10 + (code - ZERO);
  }
  if (index === start || euros > MAX_EUROS) return undefined;
  if (index === end) return euros * 100;
  if (text.charCodeAt(index) !== DOT || index + 1 === end) return undefined;
  let cents = 0;
  for (let digit = 0, position = index + 1; position < end; digit += 1, position += 1) {
    const code = text.charCodeAt(position);
    if (code < ZERO || code > NINE) return undefined;
    if (digit === 0) cents += (code - ZERO) * 10;
    else if (digit === 1) cents += code - ZERO;
    else if (code !== ZERO) return undefined;
  }
  return euros * 100 + cents;
}

/** An unsigned integer written with digits only (at most 9 of them). */
export function parseWholeNumber(text: string, start = 0, end = text.length): number | undefined {
  if (end <= start || end - start > 9) return undefined;
  let value = 0;
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code < ZERO || code > NINE) return undefined;
    value = value * 10 + (code - ZERO);
  }
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A real calendar date written `YYYY-MM-DD`, as the number YYYYMMDD (a number, not an object:
 * this runs once per row).
 */
export function parseDate(text: string, start = 0, end = text.length): number | undefined {
  if (end - start !== 10) return undefined;
  if (text.charCodeAt(start + 4) !== DASH || text.charCodeAt(start + 7) !== DASH) return undefined;
  const year = parseWholeNumber(text, start, start + 4);
  const month = parseWholeNumber(text, start + 5, start + 7);
  const day = parseWholeNumber(text, start + 8, end);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (year < 1 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  return day <= days ? year * 10_000 + month * 100 + day : undefined;
}

/**
 * Put before a number of a French Excel file that cannot be read for sure (`799.90`: there a dot
 * groups thousands), so that validation refuses its line with AMBIGUOUS_NUMBER. No file holds it:
 * it is the object replacement character, which stands for nothing typed.
 */
export const AMBIGUOUS_NUMBER_MARK = '\uFFFC';
