import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { throwError, type Observable } from 'rxjs';
import { DomainError } from '#domain';
import type { RpcErrorBody } from '#contracts';

/** Sends a domain error to the gateway as an RpcException carrying its code. */
@Catch(DomainError)
export class DomainRpcFilter implements RpcExceptionFilter<DomainError> {
  catch(error: DomainError): Observable<never> {
    const body: RpcErrorBody = { code: error.code, message: error.message, details: error.details };
    return throwError(() => new RpcException(body).getError());
  }
}
