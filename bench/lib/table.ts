/** A plain-text table: first column left-aligned, the others right-aligned unless listed in `left`. */
export function table(headers: string[], rows: string[][], left: number[] = [0]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    '  ' +
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - width(cell));
        return left.includes(i) ? cell + pad : pad + cell;
      })
      .join('   ')
      .trimEnd();
  return [line(headers), '  ' + widths.map((w) => '-'.repeat(w)).join('   '), ...rows.map(line)].join('\n');
}

export const ms = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '-' : value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;

export const int = (value: number) => Math.round(value).toLocaleString('en-US');
