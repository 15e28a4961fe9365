import Decimal from "decimal.js";
import { formatDecimal, formatEuro, formatPercent } from "../core/dutchNumber";
import { Finding } from "../core/model";
import type { Lang } from "../report/report";

/*
 * How the pane shows figures: one precision per kind of figure, a sign on every change, and
 * "€" never parted from its amount at the end of a line.
 */

/** Keys the pane computes are shown with this many decimals (in percent), everywhere. */
export const KEY_DECIMALS = 4;

/** "€ 2.183.425" keeps together when the line wraps: a no-break space after "€". */
export function nbsp(text: string): string {
  return text.replace(/€ (?=[-+\d])/g, "€\u00a0");
}

const sign = (d: Decimal) => (d.isPositive() && !d.isZero() ? "+" : "");

/** `+€ 1.234`, `-€ 1.234`, `€ 0`. */
export function signedEuro(d: Decimal): string {
  return nbsp(`${sign(d)}${formatEuro(d)}`);
}

/** A difference between two percentages: `+2,7200 procentpunt`, not `+2,72%`. */
export function points(d: Decimal, lang: Lang, decimals = KEY_DECIMALS): string {
  const n = d.times(100).toFixed(decimals);
  return lang === "nl"
    ? `${sign(d)}${n.replace(".", ",")}\u00a0procentpunt`
    : `${sign(d)}${n}\u00a0percentage points`;
}

/** A key the pane computed: always `4,1570%`. */
export function computedKey(fraction: Decimal): string {
  return formatPercent(fraction, KEY_DECIMALS);
}

/** A key as the plan states it: its own decimals, at least two (`3,53%`, `3,4025%`). */
export function statedKey(fraction: Decimal): string {
  return formatPercent(fraction, KEY_DECIMALS).replace(/0{1,2}%$/, "%");
}

/** A finding's figure: what was expected is computed, what is there is as stated. */
export function findingFigure(f: Finding, which: "expected" | "actual"): string {
  const v = f[which];
  if (v === null) return "";
  if (f.unit === "euro") return nbsp(formatEuro(v));
  if (f.unit === "fraction") return which === "expected" ? computedKey(v) : statedKey(v);
  return formatDecimal(v);
}

/** What is there minus what was expected, with its sign and unit. */
export function findingDifference(f: Finding, lang: Lang): string | null {
  if (!f.expected || !f.actual) return null;
  const d = f.actual.minus(f.expected);
  if (f.unit === "euro") return signedEuro(d);
  if (f.unit === "fraction") return points(d, lang);
  return `${sign(d)}${formatDecimal(d)}`;
}
