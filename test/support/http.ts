import { pollUntil } from '#platform';

/** POSTs `body` to the gateway; answers the status and the parsed JSON body. */
export async function post(
  url: string,
  body: NonNullable<RequestInit['body']>,
  headers: Record<string, string> = { 'content-type': 'text/csv' },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Polls `probe` until it holds, or fails after `timeoutMs`. */
export async function eventually(probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  if (!(await pollUntil(probe, timeoutMs, 100))) {
    throw new Error(`still not true after ${timeoutMs} ms`);
  }
}
