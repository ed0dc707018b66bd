import { REQUIRED_COLUMNS } from '../csv/columns.js';
import { AMBIGUOUS_NUMBER_MARK } from '../csv/numbers.js';
import { quoteCsvField } from '../csv/quote-field.js';

/**
 * Whether a header line is Excel's French CSV: `;` between the columns, every required column
 * present once split on `;`, and not on `,`.
 */
export function isFrenchExcelHeader(line: string): boolean {
  const names = (separator: string): string[] =>
    line
      .replace(/^\uFEFF/, '')
      .split(separator)
      .map((name) => name.trim().replace(/^"|"$/g, '').trim().toLowerCase());
  const complete = (found: string[]): boolean =>
    REQUIRED_COLUMNS.every((column) => found.includes(column));
  return complete(names(';')) && !complete(names(','));
}

const NUMBER_COLUMNS = new Set(['prix', 'cout', 'duree_location_mois']);
const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** `45.000`, `1.234,56`: dots between groups of three digits, a decimal comma after them. */
const THOUSANDS_BY_DOTS = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/;
/** Spaces Excel puts between thousands: space, no-break space, narrow no-break space. */
const DIGIT_GROUPING = /[\s\u00A0\u202F]/g;

/**
 * Rewrites a file saved by Excel in French into the canonical CSV, streamed: `;` becomes `,`,
 * a decimal comma a point (`799,90` → `799.90`, digit grouping by spaces or dots and a trailing `€`
 * dropped; a dot that groups no thousands, `799.90`, refused by its line), a date
 * `15/03/2024` becomes `2024-03-15`. Every record keeps its line: the errors of the canonical
 * pipeline name the lines of the file as sent. Anything else is passed as it is, for validation to
 * judge.
 */
export class FrenchExcelTranscoder {
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  /** Inside quotes, a quote was just read: a doubled quote, or the end of the quotes. */
  private quoteSeen = false;
  private atFieldStart = true;
  private kinds: ('date' | 'number' | 'text')[] | undefined;

  push(chunk: string): string {
    let out = '';
    for (let index = 0; index < chunk.length; index += 1) {
      const char = chunk[index]!;
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (char === '"') {
            this.field += '"';
            continue;
          }
          this.quoted = false;
        } else if (char === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          this.field += char;
          continue;
        }
      }
      if (char === '"' && this.atFieldStart) {
        this.quoted = true;
        this.atFieldStart = false;
      } else if (char === ';') {
        this.endField();
      } else if (char === '\n') {
        out += this.endRecord() + '\n';
      } else if (char !== '\r') {
        this.field += char;
        this.atFieldStart = false;
      }
    }
    return out;
  }

  /** The last record, when the file does not end with a line break. */
  end(): string {
    if (this.fields.length === 0 && this.field === '' && !this.quoted) return '';
    // An unterminated quote is passed on as one: validation names it.
    if (this.quoted && !this.quoteSeen) return `${this.endRecord()}"`;
    return this.endRecord();
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.quoted = false;
    this.quoteSeen = false;
    this.atFieldStart = true;
  }

  private endRecord(): string {
    this.endField();
    const fields = this.fields;
    this.fields = [];
    if (fields.length === 1 && fields[0] === '') return '';
    if (this.kinds === undefined) {
      this.kinds = fields.map((name) => {
        const column = name
          .replace(/^\uFEFF/, '')
          .trim()
          .toLowerCase();
        if (column === 'date') return 'date';
        return NUMBER_COLUMNS.has(column) ? 'number' : 'text';
      });
      return fields.map((field) => quoteCsvField(field)).join(',');
    }
    const kinds = this.kinds;
    return fields
      .map((value, position) => quoteCsvField(canonical(value, kinds[position] ?? 'text')))
      .join(',');
  }
}

function canonical(value: string, kind: 'date' | 'number' | 'text'): string {
  if (kind === 'date') {
    const match = FRENCH_DATE.exec(value.trim());
    if (match === null) return value;
    const [, day, month, year] = match;
    return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  }
  if (kind === 'number') {
    // One rule: the comma is the decimal mark, a space or a dot groups thousands by three.
    const bare = value.replace(DIGIT_GROUPING, '').replace(/€$/, '');
    if (THOUSANDS_BY_DOTS.test(bare)) return bare.replaceAll('.', '').replace(',', '.');
    if (/^-?\d+,\d+$/.test(bare)) return bare.replace(',', '.');
    if (bare.includes('.')) return `${AMBIGUOUS_NUMBER_MARK}${value.trim()}`;
    return bare === '' ? value : bare;
  }
  return value;
}
