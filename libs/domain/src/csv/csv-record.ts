import { isFieldSpace } from '../model/field-trim.js';
import { quoteCsvField } from './quote-field.js';

/**
 * One CSV record as positions in a text, so that a field is read where it lies and only the
 * fields kept become strings of their own. A reader reuses one instance for every record: a
 * sink must copy what it keeps before returning.
 */
export class CsvRecord {
  /** 1-based line the record starts on. */
  line = 0;
  text = '';
  count = 0;
  /** False when the fields were unquoted into a text of their own (the record had quotes). */
  private plain = true;
  private starts: Int32Array = new Int32Array(64);
  private ends: Int32Array = new Int32Array(64);

  /** Where field `index` starts in {@link text}, leading spaces skipped. */
  start(index: number): number {
    let position = this.starts[index]!;
    const end = this.ends[index]!;
    while (position < end && isFieldSpace(this.text.charCodeAt(position))) position += 1;
    return position;
  }

  /** Where field `index` ends in {@link text}, trailing spaces dropped. */
  end(index: number): number {
    const start = this.starts[index]!;
    let position = this.ends[index]!;
    while (position > start && isFieldSpace(this.text.charCodeAt(position - 1))) position -= 1;
    return position;
  }

  /** Field `index`, trimmed, as a string of its own. */
  field(index: number): string {
    return this.text.slice(this.start(index), this.end(index));
  }

  /** Every field, untrimmed. */
  fields(): string[] {
    const fields: string[] = [];
    for (let index = 0; index < this.count; index += 1) {
      fields.push(this.text.slice(this.starts[index], this.ends[index]));
    }
    return fields;
  }

  /** The record as one CSV line again, quoted where a field needs it. */
  toCsv(): string {
    if (this.plain) return this.text.slice(this.starts[0], this.ends[this.count - 1]);
    return this.fields()
      .map((field) => quoteCsvField(field))
      .join(',');
  }

  /** Starts a record over `text` (the reader then adds its fields). */
  reset(text: string, line: number, plain: boolean): void {
    this.text = text;
    this.line = line;
    this.count = 0;
    this.plain = plain;
  }

  /** Makes the record of these unquoted field values, laid end to end in one text. */
  setFields(fields: readonly string[], line: number): void {
    this.reset(fields.join(''), line, false);
    let start = 0;
    for (const field of fields) {
      this.addField(start, start + field.length);
      start += field.length;
    }
  }

  addField(start: number, end: number): void {
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count += 1;
  }
}

function grown(array: Int32Array): Int32Array {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}
