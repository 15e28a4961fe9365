import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/*
 * The one measurement of bundle sizes, shared by the build test (which asserts the budgets)
 * and `npm run bench` (which reports them): gzip level 9 of the emitted files, read from the
 * stats of a production build, so a size is deterministic for a given source.
 */

export const KB = 1024;

/** Issue 6's budgets, gzip bytes. */
export const BUDGETS = {
  /** Everything the shared runtime loads before the functions register: runtime.js alone. */
  runtime: 60 * KB,
  /**
   * The pane's initial JS: runtime.js and the chunks the pane's lazy import loads at once
   * (ExcelJS comes later); office.js is Office's own, loaded by every add-in.
   */
  pane: 200 * KB,
};

export interface StatsChunk {
  id: string | number;
  files: string[];
  names: string[];
  modules?: { name: string; modules?: { name: string }[] }[];
}

/** The part of `webpack --json` these measurements read. */
export interface BuildStats {
  errors: unknown[];
  chunks: StatsChunk[];
  namedChunkGroups: Record<string, { assets: { name: string }[]; chunks: (string | number)[] }>;
}

export interface BundlePart {
  /** Emitted .js files, in load order. */
  files: string[];
  /** gzip level 9 bytes, summed over the files. */
  gzip: number;
  /** Every module bundled in these files (concatenated modules included). */
  modules: string[];
}

export interface BundleSizes {
  runtime: BundlePart;
  pane: BundlePart;
}

export function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function moduleNames(chunk: StatsChunk): string[] {
  return (chunk.modules ?? []).flatMap((m) => [m.name, ...(m.modules ?? []).map((n) => n.name)]);
}

function part(dist: string, chunks: StatsChunk[], files: string[]): BundlePart {
  const js = files.filter((f) => f.endsWith(".js"));
  return {
    files: js,
    gzip: js.reduce((n, f) => n + gzipSize(join(dist, f)), 0),
    modules: chunks.flatMap(moduleNames),
  };
}

/** Sizes of the runtime entry, and of it with the pane's lazy chunk group, in a production build. */
export function bundleSizes(stats: BuildStats, dist: string): BundleSizes {
  const runtime = stats.chunks.filter((c) => c.names.includes("runtime"));
  const group = stats.namedChunkGroups["pane"];
  if (runtime.length === 0 || !group) {
    throw new Error("the build has no 'runtime' entry or no 'pane' chunk group");
  }
  const paneChunks = stats.chunks.filter((c) => group.chunks.includes(c.id));
  return {
    runtime: part(
      dist,
      runtime,
      runtime.flatMap((c) => c.files)
    ),
    pane: part(
      dist,
      [...runtime, ...paneChunks],
      [...runtime.flatMap((c) => c.files), ...group.assets.map((a) => a.name)]
    ),
  };
}
