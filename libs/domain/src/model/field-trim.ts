/**
 * What a field is trimmed of: spaces and tabs, a stray carriage return (`\r\r\n` line ends), a
 * byte-order mark (files joined end to end), and the no-break spaces French Excel writes (U+00A0,
 * narrow U+202F): `TX1` followed by one is still `TX1`. One rule for every record read and every
 * id given in a path, so that no two paths read an id differently.
 */
export function isFieldSpace(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 13 || code === 0xfeff || code === 0xa0 || code === 0x202f
  );
}

/** `text` without the {@link isFieldSpace} characters at either end. */
export function trimField(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isFieldSpace(text.charCodeAt(start))) start += 1;
  while (end > start && isFieldSpace(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(start, end);
}
