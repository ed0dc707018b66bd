import type { Readable } from 'node:stream';
import type { Request } from 'express';
import type { Charset } from '#input';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';
import { multipartFile } from './multipart-file.js';
import { requestCharset } from './request-charset.js';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];

/**
 * A CSV upload, whichever way it is sent: the body itself (`text/csv`) or the multipart field
 * `file`, in the charset the request declares. Anything else is 415.
 */
export function csvUpload<T>(
  request: Request,
  consume: (body: Request | Readable, charset: Charset) => Promise<T>,
): Promise<T> {
  const type = (request.headers['content-type'] ?? '').split(';', 1).join('').trim().toLowerCase();
  const charset = requestCharset(request);
  if (CSV_TYPES.includes(type)) return consume(request, charset);
  if (type === 'multipart/form-data') {
    return multipartFile(request, 'file', (file) => consume(file, charset));
  }
  throw new GatewayError(
    415,
    GatewayErrorCode.UnsupportedMediaType,
    `send the CSV as text/csv or as multipart/form-data (field "file"), not "${type || 'no Content-Type'}"`,
  );
}
