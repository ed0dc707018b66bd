import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { diagramSources, hashComment } from '../../tools/diagram-sources.js';

describe('the rendered diagrams', () => {
  const sources = diagramSources();

  it('are the four the French deliverables ask for', () => {
    expect(sources.map(({ svg }) => svg)).toEqual([
      'docs/diagrams/conteneurs.svg',
      'docs/diagrams/import.svg',
      'docs/diagrams/rapport.svg',
      'docs/diagrams/fork-join.svg',
    ]);
  });

  it.each(diagramSources().map(({ svg, hash }) => [svg, hash]))(
    '%s is rendered from its current Mermaid source (else: npm run docs:diagrams)',
    (svg, hash) => {
      expect(existsSync(svg)).toBe(true);
      const text = readFileSync(svg, 'utf8');
      expect(text.startsWith(hashComment(hash))).toBe(true);
      expect(text).toContain('<svg');
    },
  );
});
