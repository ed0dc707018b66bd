import { describe, expect, it } from '@jest/globals';
import { Utf8ChunkDecoder } from './utf8-decoder.js';

function decodeAll(chunks: readonly number[][]): string {
  const decoder = new Utf8ChunkDecoder();
  return chunks.map((chunk) => decoder.decode(Buffer.from(chunk))).join('') + decoder.end();
}

const bytes = (text: string): number[] => [...Buffer.from(text, 'utf8')];

describe(Utf8ChunkDecoder.name, () => {
  it('completes a character cut between chunks, then goes on with ASCII', () => {
    const all = bytes('Béziers,ok\nLyon');
    const cut = all.indexOf(0xc3) + 1;
    expect(decodeAll([all.slice(0, cut), all.slice(cut, cut + 4), all.slice(cut + 4)])).toBe(
      'Béziers,ok\nLyon',
    );
  });

  it('refuses bytes that are not UTF-8, in a chunk or across two', () => {
    expect(() => decodeAll([[0x41, 0xff, 0x42]])).toThrow(/not valid for encoding utf-8/);
    expect(() =>
      decodeAll([
        [0x41, 0xc3],
        [0x41, 0x42],
      ]),
    ).toThrow(/not valid for encoding utf-8/);
    expect(() => decodeAll([[0x41, 0xc3]])).toThrow(/not valid for encoding utf-8/);
  });
});
