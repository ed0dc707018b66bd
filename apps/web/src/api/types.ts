import type { ImportOutcome, TargetsOutcome } from '#contracts';
import type { RowError } from '#domain/model';
import type { ReportData, SectionName } from '#domain/report';

export type { ImportOutcome, ReportData, RowError, SectionName, TargetsOutcome };

/** The gateway's answer to every report endpoint (docs/metrics.md). */
export interface ReportEnvelope<T> {
  readonly report: string;
  readonly basis: 'contract' | 'recognized';
  readonly from: string | null;
  readonly to: string | null;
  readonly cities: readonly string[];
  readonly data: T;
  readonly meta: {
    readonly elapsedMs: number;
    readonly missingCities: readonly string[];
  };
}

export interface CityStatus {
  readonly city: string;
  readonly status: 'up' | 'down';
  readonly transactions: number | null;
  readonly latencyMs: number | null;
  readonly lastMonth: string | null;
  readonly error?: string;
}

/** `{statusCode, code, message, ...details}`, as every error of the gateway. */
export interface ApiErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly outcome?: ImportOutcome;
  /** TOO_MANY_ATTEMPTS: how long to wait before the next sign-in. */
  readonly retryAfterSeconds?: number;
  readonly errors?: readonly RowError[];
  readonly rows?: number;
  readonly accepted?: number;
  readonly duplicates?: number;
  readonly rejected?: number;
}
