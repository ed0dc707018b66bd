import type { Socket } from 'node:net';
import type { Request } from 'express';

/**
 * The client's address. Asked before the handler runs: once an upload is cut short the request
 * has no socket any more, and Express's `ip` throws.
 */
export function clientOf(request: Request): string {
  if ((request.socket as Socket | null) === null) return '?';
  return request.ip ?? request.socket.remoteAddress ?? '?';
}
