import { writeFileSync } from 'node:fs';
import { generatedLines } from './generated.js';

/**
 * Generated rows of the three served cities plus the cases an import must get right: quoting,
 * a line break inside a field, CRLF, case-insensitive cities and types, an id reused within a
 * city with other content (a conflict), an id in two cities, blank lines, rows each contract
 * rule rejects, a date out of the plausible window, and a price typo (stored, with a warning).
 */
const EDGE_ROWS = [
  'E1,2025-06-10,Lyon,vente,"Audi_A4, ""S line""",51000,NULL,43000',
  'E2,2025-06-11,Paris,location,"Tesla\nModel_Y",900,24,',
  'E3,2025-06-12,marseille,LOCATION,BMW_X1,560,6,\r',
  'E4,2025-06-13,Lyon,vente,BMW_X3,58000,NULL,',
  'E4,2025-06-14,Lyon,vente,BMW_X5,81000,NULL,',
  'E5,2025-06-15,Lyon,location,Audi_Q5,760,48,500',
  'E5,2025-06-15,Paris,location,Audi_Q5,760,48,500',
  '',
  'E6,2025-02-30,Lyon,vente,BMW_X3,58000,NULL,',
  'E7,2025-06-16,Paris,vente,BMW_X3,-1,NULL,',
  'E8,2025-06-17,Paris,location,BMW_X3,700,60,',
  ',2025-06-18,Paris,vente,BMW_X3,58000,NULL,',
  'E9,2025-06-19,Paris,vente,BMW_X3',
  'E10,0024-06-20,Paris,vente,BMW_X3,58000,NULL,',
  'E11,2025-06-21,Lyon,vente,BMW_X3,900000000,NULL,',
];

export function writeImportFile(path: string, rows = 20_000): void {
  const [header, ...generated] = generatedLines(rows, 2025, true).filter(
    (line) => !line.includes(',Toulouse,'),
  );
  writeFileSync(path, [header, ...generated, ...EDGE_ROWS].join('\n') + '\n');
}
