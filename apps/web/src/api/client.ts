import type {
  ApiErrorBody,
  CityStatus,
  ImportOutcome,
  ReportData,
  ReportEnvelope,
} from './types.js';

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = (await response.json()) as unknown;
  if (!response.ok) throw new ApiError(body as ApiErrorBody);
  return body as T;
}

export function fetchSummary(params: URLSearchParams): Promise<ReportEnvelope<ReportData>> {
  return getJson(`/reports/summary?${params.toString()}`);
}

export function fetchTopByRevenue(
  params: URLSearchParams,
): Promise<ReportEnvelope<ReportData['topModels']>> {
  const query = new URLSearchParams(params);
  query.set('by', 'revenue');
  return getJson(`/reports/top-models?${query.toString()}`);
}

/**
 * A section of the selection over the whole history up to the range's end: a filter's `from`
 * would shorten what the seasons, the forecast's line and its backtest are taken from.
 */
export function fetchWholeHistory<K extends 'forecast' | 'seasonality'>(
  path: K,
  params: URLSearchParams,
): Promise<ReportEnvelope<ReportData[K]>> {
  const query = new URLSearchParams(params);
  query.delete('from');
  return getJson(`/reports/${path}?${query.toString()}`);
}

export function fetchCities(): Promise<CityStatus[]> {
  return getJson('/cities');
}

export type UploadResult =
  | { readonly ok: true; readonly outcome: ImportOutcome }
  | { readonly ok: false; readonly status: number; readonly error: ApiErrorBody };

/**
 * Sends a file as `POST /imports` (multipart). XMLHttpRequest rather than fetch: only it reports
 * the upload's progress.
 */
export function uploadCsv(
  file: File,
  apiKey: string | undefined,
  charset: 'utf-8' | 'windows-1252',
  onProgress: (share: number) => void,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/imports?charset=${charset}`);
    request.responseType = 'json';
    if (apiKey !== undefined) request.setRequestHeader('x-api-key', apiKey);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as unknown;
      if (request.status === 200) resolve({ ok: true, outcome: body as ImportOutcome });
      else resolve({ ok: false, status: request.status, error: body as ApiErrorBody });
    };
    request.onerror = () => {
      resolve({
        ok: false,
        status: 0,
        error: { statusCode: 0, code: 'NETWORK', message: 'the gateway did not answer' },
      });
    };
    const form = new FormData();
    form.append('file', file);
    request.send(form);
  });
}

export const EXPORT_FORMATS = ['csv', 'csv-fr', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The address of a report as a file, for the same query as the page. */
export function exportUrl(path: string, params: URLSearchParams, format: ExportFormat): string {
  const query = new URLSearchParams(params);
  query.delete('partial');
  query.set('format', format);
  return `/reports/${path}?${query.toString()}`;
}
