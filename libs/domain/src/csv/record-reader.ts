import { ErrorCode, type RowError } from '../model/errors.js';
import { CsvRecord } from './csv-record.js';

/** Receives what {@link CsvRecordReader} finds, in input order. */
export interface CsvRecordSink {
  /** A non-blank record; the instance is reused for the next one, so copy what you keep. */
  record(record: CsvRecord): void;
  /** A record that cannot be split (a quote never closed). */
  malformed(error: RowError): void;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const SPACE = 32;

/**
 * Splits RFC 4180 CSV text, fed in chunks of any size, into records with their line numbers.
 *
 * Hand-written rather than taken from a library: lines without a quote (nearly all of them) take a
 * fast path (`indexOf` per line and per field) and their fields stay positions in the chunk. On 1M
 * rows that measured 2.3x faster than uDSV (1.2x when both cut a string per field) and 22x faster
 * than fast-csv (`npm run bench:parse`, docs/performance.md); and no library at hand reports the
 * line a record starts on, which every error message must name. Lines with a quote go through a
 * full RFC 4180 field parser (quoted commas, quoted line breaks, doubled quotes).
 */
export class CsvRecordReader {
  private pending = '';
  private line = 1;
  private started = false;
  private readonly record = new CsvRecord();
  /** A record over the limit being passed over: where it started, its quotes' parity, its lines. */
  private skipping: { quoted: boolean; lines: number } | undefined;

  /**
   * `maxRecordChars`: a longer record is refused (RECORD_TOO_LONG, its line) and passed over to
   * its end, so that a body without a line break cannot grow memory without bound.
   */
  constructor(
    private readonly sink: CsvRecordSink,
    private readonly maxRecordChars = Number.POSITIVE_INFINITY,
  ) {}

  push(chunk: string): void {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.skipping !== undefined) {
      const after = this.skip(text);
      if (after < 0) return;
      text = text.slice(after);
    }
    let start = 0;
    if (this.pending !== '') {
      // Joining the tail to the whole chunk would make one concatenated string, on which V8's
      // optimised indexOf measured 50x slower; only the first line is joined.
      const newline = text.indexOf('\n');
      if (newline < 0) {
        this.pending += text;
        this.refuseIfTooLong();
        return;
      }
      const head = this.pending + text.slice(0, newline + 1);
      const consumed = this.consume(head, false);
      start = newline + 1;
      if (consumed < head.length) {
        // A quoted field runs on past this line: the rare slow path.
        this.pending = '';
        text = head.slice(consumed) + text.slice(start);
        start = 0;
      }
    }
    this.pending = text.slice(this.consume(text, false, start));
    this.refuseIfTooLong();
  }

  /** Flushes the last record, which may lack a final line break. */
  end(): void {
    if (this.skipping !== undefined) {
      this.line += this.skipping.lines + 1;
      this.skipping = undefined;
    }
    const text = this.pending;
    this.pending = '';
    this.consume(text, true);
  }

  /** The unfinished record is over the limit: refused by its line, and passed over from here. */
  private refuseIfTooLong(): void {
    if (this.pending.length <= this.maxRecordChars) return;
    const text = this.pending;
    this.pending = '';
    this.tooLong(this.line);
    this.skipping = { quoted: false, lines: 0 };
    const after = this.skip(text);
    if (after >= 0) this.push(text.slice(after));
  }

  /** The same refusal whether the record came whole in one chunk or over many. */
  private tooLong(line: number): void {
    this.sink.malformed({
      line,
      code: ErrorCode.RecordTooLong,
      field: undefined,
      transactionId: undefined,
      message: `line ${line}: a record longer than ${this.maxRecordChars} characters (MAX_RECORD_BYTES) is refused`,
    });
  }

  /**
   * Passes over the refused record in `text`: it ends at a line break outside quotes. Returns
   * where the next record starts, or -1 when it goes on past `text`.
   */
  private skip(text: string): number {
    const skipping = this.skipping!;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === QUOTE) skipping.quoted = !skipping.quoted;
      else if (code === LF) {
        if (!skipping.quoted) {
          this.line += skipping.lines + 1;
          this.skipping = undefined;
          return index + 1;
        }
        skipping.lines += 1;
      }
    }
    return -1;
  }

  /** Emits every complete record of `text`; returns where the unconsumed tail starts. */
  private consume(text: string, final: boolean, start = 0): number {
    let position = start;
    let nextQuote = text.indexOf('"', start);
    while (position < text.length) {
      let newline = text.indexOf('\n', position);
      if (newline < 0) {
        if (!final) return position;
        newline = text.length;
      }
      if (nextQuote >= 0 && nextQuote < position) nextQuote = text.indexOf('"', position);
      if (nextQuote < 0 || nextQuote > newline) {
        this.emitPlain(text, position, newline);
        this.line += 1;
        position = newline + 1;
        continue;
      }
      const end = this.parseQuoted(text, position, final);
      if (end < 0) return position;
      position = end;
    }
    return text.length;
  }

  private emitPlain(text: string, start: number, newline: number): void {
    const stop = newline > start && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
    if (stop - start > this.maxRecordChars) {
      this.tooLong(this.line);
      return;
    }
    if (isBlank(text, start, stop)) return;
    // indexOf per field measured 1.7x faster than slice(...).split(',') on 1M lines, and the
    // fields stay positions in the chunk: no string is made for a field nobody keeps.
    const record = this.record;
    record.reset(text, this.line, true);
    let fieldStart = start;
    for (;;) {
      const comma = text.indexOf(',', fieldStart);
      if (comma < 0 || comma >= stop) break;
      record.addField(fieldStart, comma);
      fieldStart = comma + 1;
    }
    record.addField(fieldStart, stop);
    this.sink.record(record);
  }

  /**
   * Parses the record starting at `start` that holds at least one quote. Returns the index after
   * its line break, or -1 when the record is not complete yet (more input may close it).
   */
  private parseQuoted(text: string, start: number, final: boolean): number {
    const fields: string[] = [];
    const firstLine = this.line;
    let lines = 0;
    let index = start;
    let field = '';
    for (;;) {
      while (index < text.length && text.charCodeAt(index) === SPACE) index += 1;
      if (text.charCodeAt(index) === QUOTE) {
        index += 1;
        for (;;) {
          const close = text.indexOf('"', index);
          if (close < 0 || (close + 1 === text.length && !final)) {
            if (!final) return -1;
            this.line = firstLine + lines + countLineBreaks(text, index, text.length) + 1;
            this.sink.malformed({
              line: firstLine,
              code: ErrorCode.UnterminatedQuote,
              field: undefined,
              transactionId: undefined,
              message: `line ${firstLine}: a quoted field is never closed`,
            });
            return text.length;
          }
          lines += countLineBreaks(text, index, close);
          field += text.slice(index, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            field += '"';
            index = close + 2;
          } else {
            index = close + 1;
            break;
          }
        }
      }
      let stop = index;
      while (stop < text.length) {
        const code = text.charCodeAt(stop);
        if (code === COMMA || code === LF) break;
        stop += 1;
      }
      if (stop === text.length && !final) return -1;
      const trailing = text.slice(index, stop);
      const lastField = stop === text.length || text.charCodeAt(stop) === LF;
      field += lastField ? stripCr(trailing) : trailing;
      fields.push(field);
      field = '';
      if (lastField) {
        this.line = firstLine + lines + 1;
        if (stop - start > this.maxRecordChars) this.tooLong(firstLine);
        else this.emitFields(fields, firstLine);
        return stop + 1;
      }
      index = stop + 1;
    }
  }

  /** Emits unquoted field values: laid end to end in one text, they are positions like any other. */
  private emitFields(fields: readonly string[], line: number): void {
    this.record.setFields(fields, line);
    this.sink.record(this.record);
  }
}

function isBlank(text: string, start: number, stop: number): boolean {
  for (let index = start; index < stop; index += 1) {
    const code = text.charCodeAt(index);
    if (code !== SPACE && code !== 9) return false;
  }
  return true;
}

function stripCr(text: string): string {
  return text.charCodeAt(text.length - 1) === CR ? text.slice(0, -1) : text;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (
    let index = text.indexOf('\n', from);
    index >= 0 && index < to;
    index = text.indexOf('\n', index + 1)
  ) {
    count += 1;
  }
  return count;
}
