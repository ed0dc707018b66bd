import { parentPort, workerData } from 'node:worker_threads';
import { ingestPart, shipColumns } from './ingest-part.js';

/**
 * A thread of the shared-memory model: parses its byte range of the file, which it reads in
 * place from a SharedArrayBuffer, and leaves its rows in SharedArrayBuffer columns the main
 * thread summarizes without a copy.
 */
const { file, header, start, end } = workerData as {
  file: SharedArrayBuffer;
  header: string;
  start: number;
  end: number;
};
const text = Buffer.from(file, start, end - start).toString('utf8');
const stores = ingestPart(start === 0 ? text : `${header}\n${text}`);
parentPort?.postMessage(shipColumns(stores, (bytes) => new SharedArrayBuffer(bytes)));
