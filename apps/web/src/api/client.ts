import type { TransactionList } from '#contracts';
import type { ListedTransaction } from '#domain/store';
import type {
  ApiErrorBody,
  CityStatus,
  ImportOutcome,
  ReportData,
  ReportEnvelope,
  TargetsOutcome,
} from './types.js';

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
}

/** A GET of the API; a refusal throws its error body as an {@link ApiError}. */
export async function getJson<T>(path: string): Promise<T> {
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
  // Every model of each city (a city sells fewer than 50): the selection's list is summed from them.
  query.set('limit', '50');
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

/** The selection's transactions whose price is far from the usual one: "À vérifier". */
export function fetchFlagged(params: URLSearchParams): Promise<TransactionList> {
  const query = new URLSearchParams({ flagged: 'true', size: '20', partial: 'true' });
  const city = params.get('city');
  if (city !== null) query.set('city', city);
  return getJson(`/transactions?${query.toString()}`);
}

/** One page of the explorer (`GET /transactions`), for `params` from the page's state. */
export function fetchTransactions(params: URLSearchParams): Promise<TransactionList> {
  return getJson(`/transactions?${params.toString()}`);
}

export type { ListedTransaction, TransactionList };

/** Where the page keeps the API key for this tab only (asked when writes need one). */
export const KEY_STORAGE = 'autoconnect.apiKey';

/**
 * A correction from the page (`PUT` with the new content, or `DELETE`), with the tab's API key;
 * the error body when the gateway refuses it.
 */
export async function correctTransaction(
  row: ListedTransaction,
  change: { readonly prix: number } | 'delete',
): Promise<ApiErrorBody | undefined> {
  const key = sessionStorage.getItem(KEY_STORAGE);
  const headers: Record<string, string> = key === null ? {} : { 'x-api-key': key };
  const id = encodeURIComponent(row.transaction_id);
  const response =
    change === 'delete'
      ? await fetch(`/transactions/${id}?city=${encodeURIComponent(row.ville)}`, {
          method: 'DELETE',
          headers,
        })
      : await fetch(`/transactions/${id}`, {
          method: 'PUT',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({
            transaction_id: row.transaction_id,
            date: row.date,
            ville: row.ville,
            type: row.type,
            modele: row.modele,
            prix: change.prix,
            duree_location_mois: row.duree_location_mois,
            ...(row.cout === null ? {} : { cout: row.cout }),
          }),
        });
  return response.ok ? undefined : ((await response.json()) as ApiErrorBody);
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

/** Sends a targets CSV (`POST /targets`); a file of a few hundred lines needs no progress bar. */
export async function uploadTargets(
  file: File,
  apiKey: string | undefined,
  charset: 'utf-8' | 'windows-1252',
): Promise<{ ok: true; outcome: TargetsOutcome } | { ok: false; error: ApiErrorBody }> {
  const form = new FormData();
  form.append('file', file);
  try {
    const response = await fetch(`/targets?charset=${charset}`, {
      method: 'POST',
      headers: apiKey === undefined ? {} : { 'x-api-key': apiKey },
      body: form,
    });
    const body = (await response.json()) as unknown;
    return response.status === 200
      ? { ok: true, outcome: body as TargetsOutcome }
      : { ok: false, error: body as ApiErrorBody };
  } catch {
    return {
      ok: false,
      error: { statusCode: 0, code: 'NETWORK', message: 'the gateway did not answer' },
    };
  }
}

export const EXPORT_FORMATS = ['csv', 'csv-fr', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The address of a report as a file, for the same query as the page, `partial` included: with a
 * city down the file holds the others (its workbook names the missing one) instead of an error.
 */
export function exportUrl(path: string, params: URLSearchParams, format: ExportFormat): string {
  const query = new URLSearchParams(params);
  query.set('format', format);
  return `/reports/${path}?${query.toString()}`;
}
