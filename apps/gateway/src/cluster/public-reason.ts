/** What a client may read of a transport failure: what happened, never where (host and port). */
const KNOWN: readonly (readonly [RegExp, string])[] = [
  [/ECONNREFUSED/, 'its worker refuses connections (not running?)'],
  [/ECONNRESET|EPIPE|socket hang up/i, 'the connection to its worker was cut'],
  [/ENOTFOUND|EAI_AGAIN/, "its worker's host cannot be found"],
  [/empty response|no responders|503/i, 'no worker answers for it'],
];

export function publicReason(message: string): string {
  const known = KNOWN.find(([pattern]) => pattern.test(message));
  if (known !== undefined) return known[1];
  return message
    .replace(/\[[0-9a-f:.]+\]:\d+/gi, 'its worker')
    .replace(/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, 'its worker')
    .replace(/\b[a-z][\w.-]*:\d{2,5}\b/gi, 'its worker');
}
