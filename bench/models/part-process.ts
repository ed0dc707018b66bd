import { ingestPart, shipColumns } from './ingest-part.js';

/**
 * A child process of the models bench: gets its cities' rows (CSV with the header) and answers
 * either their summary (fork-join) or the rows themselves (map-reduce shipping rows), as
 * typed-array columns or as one JSON object per row.
 */
process.on('message', (message: { csv: string; answer: 'summary' | 'columns' | 'objects' }) => {
  const stores = ingestPart(message.csv);
  if (message.answer === 'summary') {
    process.send?.(stores.summarize());
    return;
  }
  const shipped = shipColumns(stores, (bytes) => new ArrayBuffer(bytes));
  if (message.answer === 'columns') {
    process.send?.(shipped);
    return;
  }
  // As a transport would carry them: JSON text.
  process.send?.(
    JSON.stringify(
      shipped.map((part) => ({
        city: part.city,
        models: part.models,
        rows: Array.from({ length: part.length }, (_, row) => ({
          month: part.month[row],
          type: part.type[row],
          model: part.model[row],
          priceCents: part.priceCents[row],
          durationMonths: part.durationMonths[row],
          costCents: part.costCents[row],
        })),
      })),
    ),
  );
});
