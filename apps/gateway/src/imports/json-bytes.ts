/** Characters JSON writes as an escape: a quote, a backslash, a control character. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const ESCAPED = /["\\\u0000-\u001f]/;

/**
 * The bytes `text` takes as a JSON string on the wire (UTF-8, escapes, quotes): what a batch is
 * measured in against NATS's max_payload. Characters counted instead let CJK text (3 bytes each)
 * or control characters (6) overflow it.
 */
export function jsonBytes(text: string): number {
  let bytes = Buffer.byteLength(text, 'utf8') + 2;
  if (!ESCAPED.test(text)) return bytes;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (
      code === 34 ||
      code === 92 ||
      code === 8 ||
      code === 9 ||
      code === 10 ||
      code === 12 ||
      code === 13
    ) {
      bytes += 1;
    } else if (code < 32) {
      bytes += 5;
    }
  }
  return bytes;
}
