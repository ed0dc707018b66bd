import type { Request } from 'express';
import { CHARSET_NAMES, parseCharset, type Charset } from '#input';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';

/**
 * The import's encoding: the `charset` of its Content-Type, else the query's `charset`, else
 * UTF-8. An encoding the gateway cannot read is refused before anything is read.
 */
export function requestCharset(request: Request): Charset {
  const declared = /;\s*charset="?([^";\s]+)"?/i.exec(request.headers['content-type'] ?? '')?.[1];
  const asked = request.query.charset;
  const label = declared ?? (typeof asked === 'string' ? asked : undefined);
  if (label === undefined) return 'utf-8';
  const charset = parseCharset(label);
  if (charset === undefined) {
    throw new GatewayError(
      415,
      GatewayErrorCode.UnsupportedMediaType,
      `charset "${label}" cannot be read: send UTF-8, or declare ${CHARSET_NAMES.filter((name) => name !== 'utf-8' && name !== 'utf8').join(', ')}`,
    );
  }
  return charset;
}
