import type { ComponentChildren, JSX } from 'preact';
import { EXPORT_FORMATS, exportUrl, type ExportFormat } from '../api/client.js';
import type { MessageKey } from './i18n.js';
import { useUi } from './ui-context.js';

const FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  csv: 'csv',
  'csv-fr': 'csvFr',
  xlsx: 'xlsx',
};

interface Props {
  readonly id: string;
  readonly title: string;
  /** The report endpoint (`/reports/{path}`) whose exports the card offers. */
  readonly path?: string;
  readonly help?: string;
  readonly children: ComponentChildren;
}

/** A titled block of the page, with its section's exports. */
export function SectionCard({ id, title, path, help, children }: Props): JSX.Element {
  const { t, params } = useUi();
  return (
    <section class="card" id={id} aria-labelledby={`${id}-title`} data-testid={`section-${id}`}>
      <header class="card-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {path !== undefined && (
          <nav class="exports" aria-label={`${t('exports')} : ${title}`}>
            {EXPORT_FORMATS.map((format) => (
              <a
                key={format}
                href={exportUrl(path, params, format)}
                download
                data-testid={`export-${id}-${format}`}
              >
                {t(FORMAT_LABELS[format])}
              </a>
            ))}
          </nav>
        )}
      </header>
      {help !== undefined && <p class="help">{help}</p>}
      {children}
    </section>
  );
}
