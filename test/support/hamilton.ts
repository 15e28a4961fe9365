/*
 * The largest remainder method in exact integers, written apart from src/core/allocate so
 * tests can check it: equal remainders go to the larger weight, then to the name that sorts
 * first.
 */
export function hamilton(total: bigint, weights: bigint[], names: readonly string[]): bigint[] {
  const s = weights.reduce((a, b) => a + b, 0n);
  const parts = weights.map((w) => (total * w) / s);
  const rems = weights.map((w) => (total * w) % s);
  let left = total - parts.reduce((a, b) => a + b, 0n);
  const cmp = (a: bigint, b: bigint) => (a > b ? 1 : a < b ? -1 : 0);
  const order = weights
    .map((_, i) => i)
    .sort(
      (i, j) =>
        cmp(rems[j], rems[i]) ||
        cmp(weights[j], weights[i]) ||
        names[i].localeCompare(names[j], "nl")
    );
  for (const i of order) {
    if (left === 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts;
}

/** The keys of Tabel 6 of the published 2024 plan in basis points (3,53% → 353), municipalities in order. */
export const PUBLISHED_KEYS_BP: readonly bigint[] = [
  353, 612, 404, 455, 290, 1197, 925, 551, 1643, 377, 287, 1582, 474, 256, 335, 259,
].map(BigInt);
