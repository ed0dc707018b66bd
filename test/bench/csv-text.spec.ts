import { describe, expect, it } from '@jest/globals';
import { csvRows, csvText } from '../../bench/support/csv-text.js';

describe(csvText.name, () => {
  it('writes results a CSV reader reads back as they were, a comma in a name included', () => {
    const rows = [
      { model: 'fork-join, summaries', median_ms: 1853, vs_sequential: 0.82 },
      { model: 'say "no overlap"', median_ms: 4245, vs_sequential: 1.87 },
    ];
    expect(csvRows(csvText(rows))).toEqual([
      { model: 'fork-join, summaries', median_ms: '1853', vs_sequential: '0.82' },
      { model: 'say "no overlap"', median_ms: '4245', vs_sequential: '1.87' },
    ]);
  });
});
