import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Monthly revenue per city: the GROUP BY both yardsticks run after reading the file. */
const REVENUE = `sum(CASE WHEN type = 'vente' THEN prix ELSE prix * duree_location_mois END)`;

/** DuckDB reads the CSV and sums the monthly revenue per city (native, every core). */
export async function duckDbSeconds(file: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const started = performance.now();
  await connection.runAndReadAll(
    `SELECT ville, strftime(date, '%Y-%m') AS month, ${REVENUE} AS revenue
       FROM read_csv('${file.replaceAll("'", "''")}', nullstr = 'NULL')
      GROUP BY ALL ORDER BY ALL`,
  );
  const seconds = (performance.now() - started) / 1000;
  connection.closeSync();
  instance.closeSync();
  return seconds;
}

/**
 * PostgreSQL loads the file with COPY into an unlogged table, then runs the same GROUP BY; the
 * table is dropped after. PGHOST, PGUSER, PGDATABASE… choose the server (127.0.0.1, postgres,
 * test by default); undefined when none answers.
 */
export async function postgresSeconds(file: string): Promise<number | undefined> {
  const client = new pg.Client({
    host: process.env.PGHOST ?? '127.0.0.1',
    user: process.env.PGUSER ?? 'postgres',
    database: process.env.PGDATABASE ?? 'test',
  });
  try {
    await client.connect();
  } catch {
    return undefined;
  }
  const table = `bench_import_${process.pid}`;
  try {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    const started = performance.now();
    await client.query(
      `CREATE UNLOGGED TABLE ${table} (transaction_id text, date date, ville text, type text,
        modele text, prix numeric, duree_location_mois integer, cout numeric)`,
    );
    await pipeline(
      createReadStream(file),
      client.query(
        copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER true, NULL 'NULL')`),
      ),
    );
    await client.query(
      `SELECT ville, to_char(date, 'YYYY-MM') AS month, ${REVENUE} AS revenue
         FROM ${table} GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    return (performance.now() - started) / 1000;
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.end();
  }
}
