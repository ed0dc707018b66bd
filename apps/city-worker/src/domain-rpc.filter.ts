import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { throwError, type Observable } from 'rxjs';
import { DomainError } from '#domain/model';
import type { RpcErrorBody } from '#contracts';

/** What the gateway receives for a domain error: its code, message and details. */
export function rpcErrorBody(error: DomainError): RpcErrorBody {
  return { code: error.code, message: error.message, details: error.details };
}

/** Sends a domain error to the gateway as an RpcException carrying its code. */
@Catch(DomainError)
export class DomainRpcFilter implements RpcExceptionFilter<DomainError> {
  catch(error: DomainError): Observable<never> {
    return throwError(() => new RpcException(rpcErrorBody(error)).getError());
  }
}
