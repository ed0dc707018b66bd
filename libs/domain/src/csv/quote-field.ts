/**
 * A field as RFC 4180 writes it: quoted, with doubled quotes, when it holds a quote, a line break
 * or the separator (`,`, or `;` for Excel in French).
 */
export function quoteCsvField(field: string, separator = ','): string {
  return field.includes(separator) || /["\r\n]/.test(field)
    ? `"${field.replaceAll('"', '""')}"`
    : field;
}
