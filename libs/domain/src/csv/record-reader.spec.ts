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
