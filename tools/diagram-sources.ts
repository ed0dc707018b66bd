import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The Markdown file whose Mermaid blocks are rendered to the SVG files they name. */
export const DIAGRAMS_DOC = 'docs/fr/diagrammes.md';

export interface DiagramSource {
  /** The SVG file, from the `<!-- svg: FILE -->` line above the block. */
  readonly svg: string;
  readonly mermaid: string;
  /** Written into the SVG: tells a stale rendering from a current one. */
  readonly hash: string;
}

const BLOCK = /<!-- svg: (\S+) -->\s*```mermaid\n([\s\S]*?)```/g;

export function diagramSources(doc = DIAGRAMS_DOC): DiagramSource[] {
  return [...readFileSync(doc, 'utf8').matchAll(BLOCK)].map(([, svg, mermaid]) => ({
    svg: svg!,
    mermaid: mermaid!,
    hash: sourceHash(mermaid!),
  }));
}

export function sourceHash(mermaid: string): string {
  return createHash('sha256').update(mermaid).digest('hex').slice(0, 16);
}

/** The comment a rendered SVG starts with. */
export function hashComment(hash: string): string {
  return `<!-- mermaid source sha256: ${hash} -->`;
}
