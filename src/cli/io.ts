/** What a command needs of the outside world; tests pass their own. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

/** Exit codes of `up`: 0 no error finding, 1 error findings, 2 could not run. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

export type Command = (args: string[], io: CliIO) => Promise<number>;

/** Text table rows with columns padded to their widest cell: the first `left` to the left, the rest to the right. */
export function alignedTable(rows: readonly string[][], left: number): string[] {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) =>
    r
      .map((cell, j) => (j < left ? cell.padEnd(widths[j]) : cell.padStart(widths[j])))
      .join("  ")
      .trimEnd()
  );
}
