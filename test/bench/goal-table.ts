/** One line of the goals table: a figure, what it is compared with, and whether it meets its goal. */
export interface GoalRow {
  figure: string;
  /** The figure as measured, with its unit. */
  value: string;
  /** What it is compared with, measured in the same run, with its unit. */
  reference: string;
  /** value / reference (or the figure itself for an exponent); undefined when there is nothing to compare. */
  ratio: number | undefined;
  /** The goal, e.g. `≤ 1.5`. */
  goal: string;
  /** Undefined for figures given for information only. */
  pass: boolean | undefined;
}

/** Milliseconds shown in the unit a reader expects. */
export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

/** Bytes in MiB. */
export function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The goals as a Markdown table (readable in a terminal, pasteable into a note or an issue). */
export function formatGoalTable(rows: readonly GoalRow[]): string {
  const header = ['figure', 'value', 'reference', 'ratio', 'goal', 'result'];
  const cells = rows.map((row) => [
    row.figure,
    row.value,
    row.reference,
    row.ratio === undefined ? '–' : row.ratio.toFixed(2),
    row.goal,
    row.pass === undefined ? 'info' : row.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: readonly string[]) => `| ${values.map((value, i) => value.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}
