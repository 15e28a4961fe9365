import { ReportCell } from "./cells";
import type { Lang } from "./report";

/*
 * Excel number formats for report cells. The locale tag [$-413] (Dutch) makes LibreOffice
 * show `€ 2.183.425` and `3,53%` whatever its own locale, and gives Dutch month names in
 * Excel too; Excel takes the separators from the system, which for these users is Dutch.
 */

const LOCALE: Record<Lang, string> = { nl: "[$-413]", en: "[$-809]" };

/** Decimals `min` to `max`; at least one fixed digit, or Excel shows `25.%` for 25. */
function digits(min: number, max: number): string {
  if (max <= 0) return "";
  const fixed = Math.max(1, min);
  return `.${"0".repeat(fixed)}${"#".repeat(Math.max(0, max - fixed))}`;
}

/** Three sections, positive;negative;zero, for a value that always shows its sign. */
function signed(l: string, body: string, before = ""): string {
  const literal = (s: string) => (s ? `"${s}"` : "");
  return `${l}${literal(`+${before}`)}${body};${l}${literal(`-${before}`)}${body};${l}${literal(before)}${body}`;
}

export function numberFormat(cell: ReportCell, lang: Lang): string {
  const l = LOCALE[lang];
  const min = cell.decimals ?? 0;
  const max = Math.max(min, cell.maxDecimals ?? min);
  switch (cell.format) {
    case "text":
      return "@";
    case "date":
      return lang === "nl" ? `${l}d mmmm yyyy "om" hh:mm` : `${l}d mmmm yyyy "at" hh:mm`;
    case "euro": {
      const body = `#,##0${digits(min, max)}`;
      return cell.signed ? signed(l, body, "€ ") : `${l}"€ "${body};${l}"-€ "${body}`;
    }
    case "percent": {
      const body = `0${digits(min, max)}%`;
      return cell.signed ? signed(l, body) : `${l}${body}`;
    }
    case "percentDiff":
      return signed(l, `0${digits(min, max)}${lang === "nl" ? '" %-punt"' : '" pp"'}`);
    case "fte":
      return cell.signed ? signed(l, "#,##0.0#") : `${l}#,##0.0#`;
    case "count":
      return cell.signed ? signed(l, "#,##0") : `${l}#,##0`;
    case "year":
      return "0";
  }
}
