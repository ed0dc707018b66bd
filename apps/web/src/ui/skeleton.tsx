import type { JSX } from 'preact';
import { useUi } from './ui-context.js';

/** Grey bars where figures are on their way: the page keeps its shape while it loads. */
export function Skeleton({ rows = 4, tiles = 0 }: { rows?: number; tiles?: number }): JSX.Element {
  const { t } = useUi();
  return (
    <div class="skeleton" aria-busy="true" data-testid="skeleton">
      <span class="visually-hidden" role="status">
        {t('loading')}
      </span>
      {tiles > 0 && (
        <div class="tiles" aria-hidden="true">
          {Array.from({ length: tiles }, (_, index) => (
            <div key={index} class="tile skeleton-block" />
          ))}
        </div>
      )}
      <div class="card" aria-hidden="true">
        {Array.from({ length: rows }, (_, index) => (
          <div key={index} class="skeleton-line" />
        ))}
      </div>
    </div>
  );
}
