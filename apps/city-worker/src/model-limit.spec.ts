import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import { REQUIRED_COLUMNS } from '#domain/csv';
import { modelLimitError } from '#domain/ingest';
import { workerModule } from '../../../test/support/in-process-city-workers.js';
import { CityService } from './city.service.js';

const COLUMNS = [...REQUIRED_COLUMNS];

function batch(rows: readonly string[]): { columns: string[]; lines: number[]; csv: string } {
  return { columns: COLUMNS, lines: rows.map((_, index) => index + 2), csv: rows.join('\n') };
}

describe(modelLimitError.name, () => {
  const modules: TestingModule[] = [];
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'model-limit-'));
  });

  afterEach(async () => {
    await Promise.all(modules.splice(0).map((module) => module.close()));
  });

  async function worker(maxModels: number): Promise<CityService> {
    const module = await workerModule('Lyon', dataDir, { maxModels });
    modules.push(module);
    return module.get(CityService);
  }

  it('rejects the row that would be one model too many, and only it', async () => {
    const lyon = await worker(2);
    const outcome = await lyon.ingest(
      batch([
        'M1,2025-01-02,Lyon,vente,BMW_X3,50000,NULL',
        'M2,2025-01-03,Lyon,vente,Audi_A4,40000,NULL',
        'M3,2025-01-04,Lyon,vente,WVWZZZ1JZXW000001,40000,NULL',
        'M4,2025-01-05,Lyon,vente,BMW_X3,51000,NULL',
        // A held id adds no model: a conflict, not TOO_MANY_MODELS.
        'M1,2025-01-02,Lyon,vente,WVWZZZ1JZXW000002,50000,NULL',
      ]),
    );
    expect(outcome).toMatchObject({ accepted: 3, conflicts: 1, rejected: 1 });
    expect(outcome.rejectedByCode).toEqual({ TOO_MANY_MODELS: 1 });
    expect(outcome.errors.map(({ line, code }) => [line, code])).toEqual([
      [4, 'TOO_MANY_MODELS'],
      [6, 'CONFLICTING_DUPLICATE'],
    ]);
    expect(outcome.errors[0]?.message).toContain('MAX_MODELS_PER_CITY (2)');
    // A correction that would bring a third model is refused the same way.
    const corrected = lyon.correct({
      transactionId: 'M2',
      replacement: {
        columns: COLUMNS,
        fields: ['M2', '2025-01-03', 'Lyon', 'vente', 'Tesla_Model_3', '40000', 'NULL'],
      },
    });
    expect(corrected).toMatchObject({
      found: true,
      changed: false,
      error: { code: 'TOO_MANY_MODELS' },
    });
  });

  it('keeps every stored row when restarted with a lower limit, and refuses only new models', async () => {
    const before = await worker(10);
    await before.ingest(
      batch([
        'R1,2025-02-02,Lyon,vente,BMW_X1,40000,NULL',
        'R2,2025-02-03,Lyon,vente,BMW_X5,80000,NULL',
        'R3,2025-02-04,Lyon,vente,Audi_Q5,60000,NULL',
      ]),
    );
    const held = before.transactions;
    await modules.pop()!.close();
    const after = await worker(1);
    expect(after.transactions).toBe(held);
    const outcome = await after.ingest(
      batch([
        'R4,2025-02-05,Lyon,vente,BMW_X1,41000,NULL',
        'R5,2025-02-06,Lyon,vente,Audi_A1,25000,NULL',
      ]),
    );
    expect(outcome).toMatchObject({
      accepted: 1,
      rejected: 1,
      rejectedByCode: { TOO_MANY_MODELS: 1 },
    });
    expect(after.transactions).toBe(held + 1);
  });
});
