import iconv from 'iconv-lite';
import { Utf8ChunkDecoder } from './utf8-decoder.js';

/** The encodings an import may come in: UTF-8 (default), or Windows-1252 when declared. */
export type Charset = 'utf-8' | 'windows-1252';

/** Names a client may use for each (WHATWG: Latin-1 labels decode as Windows-1252). */
const LABELS: Record<string, Charset> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
};

export const CHARSET_NAMES = Object.keys(LABELS);

export function parseCharset(label: string): Charset | undefined {
  return LABELS[label.trim().toLowerCase()];
}

export interface ChunkDecoder {
  decode(chunk: Buffer): string;
  end(): string;
}

/**
 * A streaming decoder: strict UTF-8 (bad bytes throw), or Windows-1252 (every byte is a
 * character). iconv-lite, because Node's TextDecoder reads 'windows-1252' as Latin-1: 0x80 comes
 * out as U+0080, not €.
 */
export function chunkDecoder(charset: Charset): ChunkDecoder {
  if (charset === 'utf-8') return new Utf8ChunkDecoder();
  const decoder = iconv.getDecoder('win1252');
  return {
    decode: (chunk) => decoder.write(chunk),
    end: () => decoder.end() ?? '',
  };
}
