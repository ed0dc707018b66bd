import type { JSX } from 'preact';

/** A table's header row; `text` columns are aligned left like their cells. */
export function TableHead({
  columns,
  text = [],
}: {
  columns: readonly string[];
  text?: readonly number[];
}): JSX.Element {
  return (
    <thead>
      <tr>
        {columns.map((label, index) => (
          <th key={index} scope="col" class={text.includes(index) ? 'text' : undefined}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
