import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';

/**
 * Streams the multipart field `field` of the request into `consume`, without buffering it.
 * Other fields and files are skipped.
 */
export function multipartFile<T>(
  request: Request,
  field: string,
  consume: (file: Readable) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let found = false;
    const parser = busboy({ headers: request.headers });
    parser.on('file', (name, file) => {
      if (name !== field || found) {
        file.resume();
        return;
      }
      found = true;
      consume(file).then(resolve, (error: unknown) => {
        file.resume();
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
    parser.on('error', (error) => {
      reject(
        new GatewayError(
          400,
          GatewayErrorCode.InvalidBody,
          `unreadable multipart body: ${String(error)}`,
        ),
      );
    });
    parser.on('close', () => {
      if (!found) {
        reject(
          new GatewayError(
            400,
            GatewayErrorCode.InvalidBody,
            `the multipart body has no file field "${field}"`,
          ),
        );
      }
    });
    request.pipe(parser);
  });
}
