import { describe, expect, it } from '@jest/globals';
import type { RowError } from '../model/errors.js';
import { CsvRecordReader } from './record-reader.js';

interface Read {
  records: [number, string[]][];
  errors: RowError[];
}

function read(chunks: readonly string[]): Read {
  const result: Read = { records: [], errors: [] };
  const reader = new CsvRecordReader({
    record: (record) => result.records.push([record.line, record.fields()]),
    malformed: (error) => result.errors.push(error),
  });
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return result;
}

/** Every way of cutting `text` into two or three chunks must read the same as one chunk. */
function expectChunkingInvariant(text: string): Read {
  const whole = read([text]);
  for (let cut = 0; cut <= text.length; cut += 1) {
    expect(read([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    const second = Math.min(text.length, cut + 3);
    expect(read([text.slice(0, cut), text.slice(cut, second), text.slice(second)])).toEqual(whole);
  }
  return whole;
}

describe(CsvRecordReader.name, () => {
  it('splits plain lines and numbers them from 1, skipping blank lines', () => {
    const { records } = expectChunkingInvariant('a,b\n\n1,2\n  \n3,4');
    expect(records).toEqual([
      [1, ['a', 'b']],
      [3, ['1', '2']],
      [5, ['3', '4']],
    ]);
  });

  it('accepts CRLF line ends and drops a byte-order mark', () => {
    const { records } = expectChunkingInvariant('\ufeffid,x\r\n1,"q"\r\n2,y\r\n');
    expect(records).toEqual([
      [1, ['id', 'x']],
      [2, ['1', 'q']],
      [3, ['2', 'y']],
    ]);
  });

  it('reads RFC 4180 quoting: commas, doubled quotes and line breaks inside quotes', () => {
    const { records } = expectChunkingInvariant(
      'id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines",x\n4,""\n5,end',
    );
    expect(records).toEqual([
      [1, ['id', 'note']],
      [2, ['1', 'a, b']],
      [3, ['2', 'say "hi"']],
      [4, ['3', 'two\nlines', 'x']],
      [6, ['4', '']],
      [7, ['5', 'end']],
    ]);
  });

  it('reports a quote never closed with the line it opens on, after the good records', () => {
    const { records, errors } = expectChunkingInvariant('id,x\n1,ok\n2,"open\n3,lost\n');
    expect(records).toEqual([
      [1, ['id', 'x']],
      [2, ['1', 'ok']],
    ]);
    expect(errors).toEqual([expect.objectContaining({ line: 3, code: 'UNTERMINATED_QUOTE' })]);
  });
});

describe('records over the length limit', () => {
  function read(
    chunks: readonly string[],
    limit: number,
  ): { records: string[][]; errors: RowError[] } {
    const records: string[][] = [];
    const errors: RowError[] = [];
    const reader = new CsvRecordReader(
      {
        record: (record) =>
          records.push([
            String(record.line),
            ...Array.from({ length: record.count }, (_, i) => record.field(i)),
          ]),
        malformed: (error) => errors.push(error),
      },
      limit,
    );
    for (const chunk of chunks) reader.push(chunk);
    reader.end();
    return { records, errors };
  }

  it('refuses a line with no end by its line, in bounded memory, and reads on after it', () => {
    const huge = Array.from({ length: 50 }, () => 'x'.repeat(1000));
    const { records, errors } = read(['a,b\n', ...huge, '\nc,d\n'], 4096);
    expect(errors.map(({ line, code }) => [line, code])).toEqual([[2, 'RECORD_TOO_LONG']]);
    expect(records).toEqual([
      ['1', 'a', 'b'],
      ['3', 'c', 'd'],
    ]);
  });

  it('passes over a refused record to its end, line breaks inside its quotes included', () => {
    const long = `"${'y'.repeat(3000)}\n${'y'.repeat(3000)}"`;
    const { records, errors } = read(['a,b\n', `${long},z\n`, 'c,d\n'], 4096);
    expect(errors.map(({ line }) => line)).toEqual([2]);
    // The refused record spans lines 2 and 3: the next one is line 4.
    expect(records).toEqual([
      ['1', 'a', 'b'],
      ['4', 'c', 'd'],
    ]);
  });
});
