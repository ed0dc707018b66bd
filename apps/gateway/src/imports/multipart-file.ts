import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';

/**
 * Streams the multipart field `field` of the request into `consume`, without buffering it. Other
 * fields are skipped; a second file in `field` is refused (after the first, which is consumed:
 * the error carries its result as `outcome`). A body cut short fails the consumer, which says what
 * it did before the cut.
 */
export function multipartFile<T>(
  request: Request,
  field: string,
  consume: (file: Readable) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers });
    } catch (error) {
      reject(invalid(`unreadable multipart body: ${String(error)}`));
      request.resume();
      return;
    }
    let file: Readable | undefined;
    let extraFiles = 0;
    parser.on('file', (name, stream) => {
      if (name !== field || file !== undefined) {
        if (name === field) extraFiles += 1;
        stream.resume();
        return;
      }
      file = stream;
      consume(stream).then(
        (result) => {
          if (extraFiles === 0) {
            resolve(result);
            return;
          }
          reject(
            invalid(
              `the upload holds ${extraFiles + 1} "${field}" parts: the first was imported (see outcome), not the others; send one file per request`,
              { outcome: result },
            ),
          );
        },
        (error: unknown) => {
          stream.resume();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
    parser.on('error', (error) => {
      // Once a file is being consumed, its stream fails too and the consumer answers, with what
      // it stored before the error.
      if (file !== undefined) {
        file.destroy(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      reject(invalid(`unreadable multipart body: ${String(error)}`));
    });
    parser.on('close', () => {
      if (file === undefined) reject(invalid(`the multipart body has no file field "${field}"`));
    });
    request.pipe(parser);
  });
}

function invalid(message: string, details: Record<string, unknown> = {}): GatewayError {
  return new GatewayError(400, GatewayErrorCode.InvalidBody, message, details);
}
