import { mergeSummaries, type CitySummary } from '#domain/summary';
import { SUMMARY_TOO_LARGE } from '#contracts';
import { CityCallError } from '../cluster/city-call.error.js';
import type { CityWorkers } from '../cluster/city-workers.port.js';
import type { CallTimeouts } from '../config/gateway-config.js';

/** Parts at most: beyond them a city's model names alone would fill the messages. */
const MAX_PARTS = 64;

/**
 * A city's summary, whole when it fits one message of the transport, else in parts that merge
 * exactly (each the summary of every n-th model's rows): over NATS, a city of some 450 models
 * over three years passed the default max_payload of 1 MiB and every report of it failed.
 */
export async function fetchCitySummary(
  workers: CityWorkers,
  city: string,
  timeouts: Pick<CallTimeouts, 'reportMs' | 'statusMs'>,
): Promise<CitySummary> {
  const maxBytes = await workers.messageRoom?.(timeouts.statusMs);
  try {
    return await workers.summarize(
      city,
      maxBytes === undefined ? {} : { maxBytes },
      timeouts.reportMs,
    );
  } catch (error) {
    const bytes = tooLargeBytes(error);
    if (bytes === undefined || maxBytes === undefined) throw error;
    // Twice as many parts as the size asks for: parts are as even as the models' rows are.
    const parts = Math.min(MAX_PARTS, Math.ceil((2 * bytes) / maxBytes));
    const answers = await Promise.all(
      Array.from({ length: parts }, (_, part) =>
        workers.summarize(city, { part, parts }, timeouts.reportMs),
      ),
    );
    return mergeSummaries(...answers.map((summary) => ({ cities: [summary] }))).cities[0]!;
  }
}

/** The size a worker gave when it refused a summary as too large for one message. */
function tooLargeBytes(error: unknown): number | undefined {
  if (!(error instanceof CityCallError) || error.workerError?.code !== SUMMARY_TOO_LARGE) {
    return undefined;
  }
  const bytes = error.workerError.details?.bytes;
  return typeof bytes === 'number' ? bytes : undefined;
}
