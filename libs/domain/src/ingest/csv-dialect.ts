import { FrenchExcelTranscoder, isFrenchExcelHeader } from './french-excel.js';

/** The CSV dialects an import is read in: detected from its header. */
export type CsvDialect = 'standard' | 'french-excel';

/** A header longer than this without a line break is left to the pipeline to refuse. */
const MAX_HEADER_CHARS = 64 * 1024;

/**
 * Detects a file's dialect from its first line and hands on canonical CSV text: the standard
 * dialect as it is, Excel's French CSV through {@link FrenchExcelTranscoder}. Holds back only the
 * first line until it is complete.
 */
export class CsvDialectReader {
  private head = '';
  private transcoder: FrenchExcelTranscoder | undefined;
  private detected: CsvDialect | undefined;

  get dialect(): CsvDialect | undefined {
    return this.detected;
  }

  push(chunk: string): string {
    if (this.detected !== undefined) return this.transcoder?.push(chunk) ?? chunk;
    this.head += chunk;
    const newline = this.head.indexOf('\n');
    if (newline < 0 && this.head.length < MAX_HEADER_CHARS) return '';
    return this.decide(newline < 0 ? this.head : this.head.slice(0, newline));
  }

  end(): string {
    const rest = this.detected === undefined ? this.decide(this.head) : '';
    return rest + (this.transcoder?.end() ?? '');
  }

  private decide(firstLine: string): string {
    const head = this.head;
    this.head = '';
    if (isFrenchExcelHeader(firstLine)) {
      this.detected = 'french-excel';
      this.transcoder = new FrenchExcelTranscoder();
      return this.transcoder.push(head);
    }
    this.detected = 'standard';
    return head;
  }
}
