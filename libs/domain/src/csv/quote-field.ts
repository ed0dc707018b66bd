/** A field as RFC 4180 writes it: quoted, with doubled quotes, when it holds a quote, comma or line break. */
export function quoteCsvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
