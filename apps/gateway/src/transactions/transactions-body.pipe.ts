import { Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { hasLoneSurrogate } from '#domain/ingest';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';
import { TransactionDto } from './transaction.dto.js';

export const MAX_TRANSACTIONS_PER_REQUEST = 10_000;

/** Accepts one transaction or an array of them; answers 400 naming each item and field at fault. */
@Injectable()
export class TransactionsBodyPipe implements PipeTransform<unknown, TransactionDto[]> {
  transform(body: unknown): TransactionDto[] {
    const items: unknown[] = Array.isArray(body) ? body : [body];
    if (items.length === 0) {
      throw new GatewayError(400, GatewayErrorCode.InvalidBody, 'the array holds no transaction');
    }
    if (items.length > MAX_TRANSACTIONS_PER_REQUEST) {
      throw new GatewayError(
        413,
        GatewayErrorCode.ImportTooLarge,
        `${items.length} transactions in one request; at most ${MAX_TRANSACTIONS_PER_REQUEST} (send a CSV to POST /imports for more)`,
      );
    }
    const problems: string[] = [];
    const transactions = items.map((item, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        problems.push(`transaction ${index + 1}: must be an object`);
        return new TransactionDto();
      }
      const nested = Object.entries(item).filter(
        ([, value]) => typeof value === 'object' && value !== null,
      );
      if (nested.length > 0) {
        // A transaction is flat; a nested value is refused before it is walked (50 000 levels
        // overflowed the stack: a 500).
        problems.push(
          ...nested.map(
            ([field]) =>
              `transaction ${index + 1}: ${field} must be a value, not an object or array`,
          ),
        );
        return new TransactionDto();
      }
      const dto = plainToInstance(TransactionDto, item);
      const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
      problems.push(...errors.flatMap((error) => describe(index + 1, error)));
      for (const [field, value] of Object.entries(item)) {
        if (typeof value === 'string' && hasLoneSurrogate(value)) {
          problems.push(
            `transaction ${index + 1}: ${field} holds a lone UTF-16 surrogate, not text`,
          );
        }
      }
      return dto;
    });
    if (problems.length > 0) {
      throw new GatewayError(400, GatewayErrorCode.InvalidBody, problems.slice(0, 20).join('; '), {
        problems: problems.length,
      });
    }
    return transactions;
  }
}

function describe(item: number, error: ValidationError): string[] {
  return Object.values(error.constraints ?? {}).map((text) => `transaction ${item}: ${text}`);
}

/** Exactly one transaction (a correction): an array is refused. */
@Injectable()
export class OneTransactionPipe implements PipeTransform<unknown, TransactionDto> {
  transform(body: unknown): TransactionDto {
    if (Array.isArray(body)) {
      throw new GatewayError(
        400,
        GatewayErrorCode.InvalidBody,
        'a correction is one transaction, not an array',
      );
    }
    const [transaction] = new TransactionsBodyPipe().transform(body);
    return transaction!;
  }
}
