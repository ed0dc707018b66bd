import { createReadStream, statSync } from 'node:fs';
import { parse as fastCsvParse } from 'fast-csv';
import { inferSchema, initParser } from 'udsv';
import { CsvRecordReader } from '#domain/csv';
import { benchFile, interleaved, median } from './support/bench-file.js';

/** Each candidate turns a stream of text chunks into records and calls back once per record. */
type Splitter = (
  chunks: AsyncIterable<string> | Iterable<string>,
  onRecord: (fields: string[]) => void,
) => Promise<void>;

const splitters: Record<string, Splitter> = {
  // Like the libraries: a string array per record.
  'hand-written, string arrays': async (chunks, onRecord) => {
    const reader = new CsvRecordReader({
      record: (record) => {
        onRecord(record.fields());
      },
      malformed: () => undefined,
    });
    for await (const chunk of chunks) reader.push(chunk);
    reader.end();
  },
  uDSV: async (chunks, onRecord) => {
    let parser: ReturnType<typeof initParser> | undefined;
    // uDSV infers its schema from a first complete row, and guesses quoting from that chunk
    // alone unless told: quoting is set explicitly.
    let head = '';
    const feed = (text: string): void => {
      parser?.chunk<string[]>(text, parser.stringArrs, (row) => {
        onRecord(row);
      });
    };
    for await (const chunk of chunks) {
      if (parser === undefined) {
        head += chunk;
        if (!head.includes('\n')) continue;
        parser = initParser(
          inferSchema(head, { col: ',', row: '\n', encl: '"', header: () => [] }),
        );
        feed(head);
      } else {
        feed(chunk);
      }
    }
    parser?.end();
  },
  'fast-csv': async (chunks, onRecord) => {
    const stream = fastCsvParse({ headers: false });
    const done = new Promise<void>((resolve, reject) => {
      stream.on('data', onRecord).on('end', resolve).on('error', reject);
    });
    for await (const chunk of chunks) {
      if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
    }
    stream.end();
    await done;
  },
};

/** As on the hot path: the fields stay positions in the chunk, no string is cut. */
async function countRecordsInPlace(chunks: AsyncIterable<string>): Promise<number> {
  let records = 0;
  const reader = new CsvRecordReader({
    record: () => (records += 1),
    malformed: () => undefined,
  });
  for await (const chunk of chunks) reader.push(chunk);
  reader.end();
  return records;
}

async function* fileChunks(path: string): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const bytes of createReadStream(path, { highWaterMark: 1 << 20 })) {
    yield decoder.decode(bytes as Buffer, { stream: true });
  }
}

function* textChunks(text: string, size: number): Iterable<string> {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}

const QUOTED_SAMPLE = 'id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n';
const QUOTED_EXPECTED = [
  ['id', 'note'],
  ['1', 'a, b'],
  ['2', 'say "hi"'],
  ['3', 'two\nlines'],
];

async function handlesQuoting(splitter: Splitter): Promise<boolean> {
  for (const size of [4, 1000]) {
    const records: string[][] = [];
    await splitter(textChunks(QUOTED_SAMPLE, size), (fields) => records.push([...fields]));
    if (JSON.stringify(records) !== JSON.stringify(QUOTED_EXPECTED)) return false;
  }
  return true;
}

const IN_PLACE = 'hand-written, field positions';

async function main(): Promise<void> {
  const file = benchFile(process.argv[2]);
  const megabytes = statSync(file).size / 2 ** 20;
  const counts = new Map<string, number>();
  const candidates = Object.fromEntries([
    [
      IN_PLACE,
      async () => {
        counts.set(IN_PLACE, await countRecordsInPlace(fileChunks(file)));
      },
    ],
    ...Object.entries(splitters).map(([name, splitter]) => [
      name,
      async () => {
        let records = 0;
        await splitter(fileChunks(file), () => (records += 1));
        counts.set(name, records);
      },
    ]),
  ]) as Record<string, () => Promise<void>>;
  const times = await interleaved(candidates, 5);
  const reference = median(times.get(IN_PLACE) ?? []);
  console.log(`file: ${file} (${megabytes.toFixed(1)} MiB), 5 interleaved rounds, median times`);
  for (const [name, samples] of times) {
    const time = median(samples);
    const records = counts.get(name) ?? 0;
    console.log(
      `${name.padEnd(32)} ${(time / 1000).toFixed(3)} s  ${Math.round(records / (time / 1000)).toLocaleString('en')} records/s` +
        `  x${(time / reference).toFixed(2)}  (${records.toLocaleString('en')} records)`,
    );
  }
  for (const [name, splitter] of Object.entries(splitters)) {
    console.log(`RFC 4180 quoting, ${name}: ${(await handlesQuoting(splitter)) ? 'ok' : 'WRONG'}`);
  }
}

await main();
