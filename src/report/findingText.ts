import Decimal from "decimal.js";
import { FixAmount, Finding, Message, Plan, RuleId } from "../core/model";
import { poolsOf } from "../core/pools";
import { distributedTotalIfAny } from "../core/query";
import { totalName } from "../core/rules/ALLOC-AMOUNT";
import { cellText, decimalsText, findingCell } from "./cells";
import type { Lang } from "./report";

/*
 * A finding in a few words, for the summary per municipality: the figures themselves stand
 * in the cells beside it (the wrong one marked, the expected one next to it), the full
 * explanation on the check log sheet.
 */

/** What a rule compares the stated figure with, for "+€ 5.622 t.o.v. …". */
const COMPARED_WITH: Partial<Record<RuleId, Message>> = {
  "FTE-TOTAL": { nl: "de som van de rollen", en: "the sum of the roles" },
  "SPLIT-SUM": { nl: "jeugd + wmo", en: "youth + wmo" },
  "SPLIT-LABEL": {
    nl: "het percentage in de omschrijving",
    en: "the percentage in the label",
  },
  "LINES-SUM": { nl: "de som van de kostenregels", en: "the sum of the cost lines" },
  "TOTALS-LINK": { nl: "de brontabel", en: "the source table" },
  "KEY-SUM": { nl: "de som van de sleutels", en: "the sum of the keys" },
  "ALLOC-AMOUNT": { nl: "sleutel × Tabel 4-totaal", en: "key × Tabel 4 total" },
  "ALLOC-LINK": { nl: "het Tabel 4-totaal", en: "the Tabel 4 total" },
  "KEY-RECOMPUTE": { nl: "de sleutelgegevens", en: "the key data" },
  "KEYTABLE-KEY": { nl: "Σ weging × aandeel", en: "Σ weight × share" },
  "KEYTABLE-AMOUNT": { nl: "weging × totaal × aandeel", en: "weight × total × share" },
  "KEYTABLE-ROW": { nl: "de som van de componenten", en: "the sum of the components" },
  "KEYTABLE-COLUMN": { nl: "de som van de gemeenten", en: "the sum of the municipalities" },
  "KEYTABLE-TOTAL": { nl: "het te verdelen bedrag", en: "the amount to distribute" },
  "CHANGE-INCREASE": { nl: "nieuw − oud", en: "new − old" },
  "CHANGE-PERCENT": { nl: "toename ÷ oud", en: "increase ÷ old" },
  "CHANGE-TOTAL": { nl: "de som van de gemeenten", en: "the sum of the municipalities" },
};

/** Keeps `€` with its amount where a line wraps. */
export function keepAmounts(s: string): string {
  return s.replace(/€ (?=[-+]?\d)/g, "€\u00a0");
}

function prefix(f: Finding): string {
  return f.year === null ? "" : `${f.year}: `;
}

/** `€ 5.622 hoger`, `0,12 procentpunt lager`: a difference in words, no sign to wrap away. */
function howMuch(f: Finding & { expected: Decimal; actual: Decimal }, lang: Lang): string {
  const d = f.actual.minus(f.expected);
  const size =
    f.unit === "fraction"
      ? `${decimalsText(d.abs().times(100), 2, 4)} ${lang === "nl" ? "procentpunt" : "percentage points"}`
      : cellText(findingCell(d.abs(), f.unit));
  const more = d.isNegative() ? { nl: "lager", en: "lower" } : { nl: "hoger", en: "higher" };
  return `${size} ${more[lang]}`;
}

const withFigures = (f: Finding): f is Finding & { expected: Decimal; actual: Decimal } =>
  f.expected !== null && f.actual !== null;

/**
 * What an amount is compared with: key × the total its year distributes, named as the finding
 * names it (the budget's amount in a plan without Tabel 4, a pool's own total row).
 */
function allocatedFrom(f: Finding, plan: Plan): Message | undefined {
  const pool = poolsOf(plan).find((p) => p.name === (f.pool ?? ""))?.plan ?? plan;
  const total = f.year === null ? undefined : distributedTotalIfAny(pool, f.year);
  if (!total) return undefined;
  const name = totalName(pool, total);
  return { nl: `sleutel × ${name.nl}`, en: `key × ${name.en}` };
}

/** One line per finding: `2023: € 5.622 hoger dan sleutel × Tabel 4-totaal`. */
export function findingLine(f: Finding, lang: Lang, plan: Plan): string {
  const against =
    (f.rule === "ALLOC-AMOUNT" ? allocatedFrom(f, plan) : undefined) ?? COMPARED_WITH[f.rule];
  if (f.rule === "ALLOC-SUM" && withFigures(f)) {
    const sum = cellText(findingCell(f.actual, f.unit));
    return keepAmounts(
      lang === "nl"
        ? `${prefix(f)}de gemeenten tellen op tot ${sum}, ${howMuch(f, lang)} dan de totaalregel`
        : `${prefix(f)}the municipalities add up to ${sum}, ${howMuch(f, lang)} than the total row`
    );
  }
  if (against && withFigures(f)) {
    const than = lang === "nl" ? "dan" : "than";
    return keepAmounts(`${prefix(f)}${howMuch(f, lang)} ${than} ${against[lang]}`);
  }
  return keepAmounts(`${prefix(f)}${f.message[lang]}`);
}

/** The line for an amount that a rounding repair changes: `2024: afronding, € 158.032 …`. */
export function fixLine(x: FixAmount, lang: Lang): string {
  const to = cellText(findingCell(x.to, "euro"));
  return keepAmounts(
    lang === "nl"
      ? `${x.year}: afronding; met ${to} telt het jaar op tot het totaal`
      : `${x.year}: rounding; with ${to} the year adds up to its total`
  );
}

/** Appended to the line of an accepted finding. */
export function acceptedLine(line: string, reason: string, lang: Lang): string {
  return `${line} — ${lang === "nl" ? "geaccepteerd" : "accepted"}: ${reason}`;
}
