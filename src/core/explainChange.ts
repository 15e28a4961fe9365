import Decimal from "decimal.js";
import { ChangeRow, Comparison, ContributionComparison, SideSummary } from "./compare";
import { formatEuro, formatPercent } from "./dutchNumber";
import { Message } from "./model";

/*
 * "Toelichting per gemeente": one short paragraph per municipality, in Dutch with English
 * beside it, that explains its change in words and figures, ready to paste into a letter.
 */

export interface Explanation {
  municipality: string;
  text: Message;
}

/** A paragraph for every municipality of the comparison, in the order of its rows. */
export function explainAll(cmp: ContributionComparison | Comparison): Explanation[] {
  return cmp.rows.map((row) => ({ municipality: row.municipality, text: explainChange(row, cmp) }));
}

export function explainChange(row: ChangeRow, cmp: ContributionComparison | Comparison): Message {
  const when = periods(cmp.old, cmp.new);
  const m = row.municipality;
  const parts: Message[] = [headline(row, when), totalSentence(row, cmp)];
  const key = keySentence(row, cmp);
  if (key) parts.push(key);
  return { nl: parts.map((p) => p.nl).join(" "), en: parts.map((p) => p.en).join(" ") };

  function headline(r: ChangeRow, w: { old: Message; new: Message }): Message {
    if (r.difference.isZero()) {
      return {
        nl: `${m} betaalt ${w.new.nl} evenveel als ${w.old.nl}: ${formatEuro(r.new)}.`,
        en: `${m} pays the same ${w.new.en} as ${w.old.en}: ${euroEn(r.new)}.`,
      };
    }
    const more = r.difference.isPositive();
    const pct = r.percentage
      ? {
          nl: `, een ${more ? "stijging" : "daling"} van ${formatPercent(r.percentage.abs())}`,
          en: `, ${more ? "an increase" : "a decrease"} of ${percentEn(r.percentage.abs())}`,
        }
      : { nl: "", en: "" };
    return {
      nl:
        `${m} betaalt ${w.new.nl} ${formatEuro(r.new)}; dat is ${formatEuro(r.difference.abs())} ` +
        `${more ? "meer" : "minder"} dan ${w.old.nl} (${formatEuro(r.old)})${pct.nl}.`,
      en:
        `${m} pays ${euroEn(r.new)} ${w.new.en}; that is ${euroEn(r.difference.abs())} ` +
        `${more ? "more" : "less"} than ${w.old.en} (${euroEn(r.old)})${pct.en}.`,
    };
  }
}

function totalSentence(row: ChangeRow, cmp: ContributionComparison | Comparison): Message {
  const t = cmp.totals;
  if (t.difference.isZero()) {
    return {
      nl: `De totale uitvoeringskosten jeugd zijn gelijk gebleven (${formatEuro(t.new)}), dus er is geen totaaleffect.`,
      en: `The total youth-care running costs stayed the same (${euroEn(t.new)}), so there is no total effect.`,
    };
  }
  const up = t.difference.isPositive();
  const drivers = totalDrivers(cmp);
  const share = oldShare(row, cmp);
  const effect = row.totalEffect;
  const effectText: Message = effect.isZero()
    ? { nl: "niets", en: "nothing" }
    : {
        nl: `${formatEuro(effect.abs())} ${effect.isPositive() ? "meer" : "minder"}`,
        en: `${euroEn(effect.abs())} ${effect.isPositive() ? "more" : "less"}`,
      };
  return {
    nl:
      `De totale uitvoeringskosten jeugd ${up ? "stijgen" : "dalen"} van ${formatEuro(t.old)} naar ` +
      `${formatEuro(t.new)} (${formatSignedAmount(t.difference, "nl")}${drivers.nl}). ${share.nl} betekent dat ` +
      `voor ${row.municipality} ${effectText.nl} (totaaleffect).`,
    en:
      `The total youth-care running costs ${up ? "rise" : "fall"} from ${euroEn(t.old)} to ` +
      `${euroEn(t.new)} (${formatSignedAmount(t.difference, "en")}${drivers.en}). ${share.en}, that means ` +
      `${effectText.en} for ${row.municipality} (total effect).`,
  };
}

function oldShare(row: ChangeRow, cmp: ContributionComparison): Message {
  if (cmp.source === "computed" && row.oldKey) {
    return {
      nl: `Met de oude verdeelsleutel van ${formatPercent(row.oldKey)}`,
      en: `With the old distribution key of ${percentEn(row.oldKey)}`,
    };
  }
  const share = cmp.totals.old.isZero() ? new Decimal(0) : row.old.div(cmp.totals.old);
  return {
    nl: `Met het oude aandeel van ${formatPercent(share)}`,
    en: `With the old share of ${percentEn(share)}`,
  };
}

/** The Tabel 4 lines behind the change of the total, when they account for it. */
function totalDrivers(cmp: ContributionComparison | Comparison): Message {
  const none = { nl: "", en: "" };
  if (!("tables" in cmp)) return none;
  const t4 = cmp.tables.find((t) => t.table === "Tabel 4");
  if (!t4 || t4.status !== "compared") return none;
  const total = t4.changes.find((c) => c.isTotal);
  if (!total || !total.difference.eq(cmp.totals.difference)) return none;
  const parts = t4.changes.filter((c) => !c.isTotal);
  if (parts.length === 0) return none;
  return {
    nl: `: ${parts.map((c) => `${c.line} ${formatSignedAmount(c.difference, "nl")}`).join(", ")}`,
    en: `: ${parts.map((c) => `${englishLine(c.line)} ${formatSignedAmount(c.difference, "en")}`).join(", ")}`,
  };
}

function englishLine(label: string): string {
  const l = label.toLowerCase();
  if (l.startsWith("formatiekosten jeugd")) return "youth-care staff costs";
  if (/^materi[eë]le kosten jeugd/.test(l)) return "youth-care material costs";
  return label;
}

function keySentence(row: ChangeRow, cmp: ContributionComparison): Message | undefined {
  const k0 = row.oldKey;
  const k1 = row.newKey;
  const effect = row.keyEffect;
  const amount: Message = {
    nl: `${formatEuro(effect.abs())} ${effect.isPositive() ? "meer" : "minder"}`,
    en: `${euroEn(effect.abs())} ${effect.isPositive() ? "more" : "less"}`,
  };
  if (k0 && k1 && !k0.eq(k1)) {
    const [a, b] = distinctPercents(k0, k1);
    const up = k1.gt(k0);
    if (effect.isZero()) {
      return {
        nl: `De verdeelsleutel van ${row.municipality} ${up ? "stijgt" : "daalt"} van ${a.nl} naar ${b.nl}, maar dat scheelt minder dan een euro (sleuteleffect € 0).`,
        en: `The distribution key of ${row.municipality} ${up ? "rises" : "falls"} from ${a.en} to ${b.en}, but that is worth less than a euro (key effect € 0).`,
      };
    }
    return {
      nl: `De verdeelsleutel van ${row.municipality} ${up ? "stijgt" : "daalt"} van ${a.nl} naar ${b.nl}; dat is ${amount.nl} (sleuteleffect).`,
      en: `The distribution key of ${row.municipality} ${up ? "rises" : "falls"} from ${a.en} to ${b.en}; that is ${amount.en} (key effect).`,
    };
  }
  if (k0 && k1) {
    if (effect.isZero()) {
      return {
        nl: `De verdeelsleutel is gelijk gebleven (${formatPercent(k1)}), dus er is geen sleuteleffect.`,
        en: `The distribution key stayed the same (${percentEn(k1)}), so there is no key effect.`,
      };
    }
    return {
      nl: `De verdeelsleutel is gelijk gebleven (${formatPercent(k1)}); de overige ${amount.nl} komt door afronding in de gepubliceerde bedragen (sleuteleffect).`,
      en: `The distribution key stayed the same (${percentEn(k1)}); the remaining ${amount.en} comes from rounding in the published amounts (key effect).`,
    };
  }
  if (effect.isZero()) return undefined;
  const s0 = cmp.totals.old.isZero() ? new Decimal(0) : row.old.div(cmp.totals.old);
  const s1 = cmp.totals.new.isZero() ? new Decimal(0) : row.new.div(cmp.totals.new);
  const [a, b] = distinctPercents(s0, s1);
  return {
    nl: `Het aandeel van ${row.municipality} in het totaal verandert van ${a.nl} naar ${b.nl}; dat is ${amount.nl} (sleuteleffect).`,
    en: `The share of ${row.municipality} in the total changes from ${a.en} to ${b.en}; that is ${amount.en} (key effect).`,
  };
}

/** Two fractions as percentages with as many decimals (2 to 6) as it takes to tell them apart. */
export function distinctPercents(a: Decimal, b: Decimal): [Message, Message] {
  let d = 2;
  while (d < 6 && a.times(100).toDecimalPlaces(d).eq(b.times(100).toDecimalPlaces(d))) d++;
  return [
    { nl: formatPercent(a, d), en: percentEn(a, d) },
    { nl: formatPercent(b, d), en: percentEn(b, d) },
  ];
}

/** "in 2025", or "in 2025 volgens <plan>" when the sides are different plans. */
function periods(o: SideSummary, n: SideSummary): { old: Message; new: Message } {
  const samePlan = o.name === n.name && o.title === n.title;
  const one = (s: SideSummary): Message =>
    samePlan
      ? { nl: `in ${s.year}`, en: `in ${s.year}` }
      : { nl: `in ${s.year} volgens ${s.name}`, en: `in ${s.year} according to ${s.name}` };
  return { old: one(o), new: one(n) };
}

/** An amount in the user's language: `€ 2.183.425` or `€2,183,425`; with `cents` always two decimals. */
export function formatAmount(d: Decimal, lang: "nl" | "en", cents = !d.isInteger()): string {
  return lang === "nl" ? formatEuro(d, cents) : euroEn(d, cents);
}

/** An amount with its sign, also when positive: `+€ 1.234`, `-€ 1.234`, `€ 0`. */
export function formatSignedAmount(d: Decimal, lang: "nl" | "en", cents = !d.isInteger()): string {
  const sign = d.isPositive() && !d.isZero() ? "+" : "";
  return `${sign}${formatAmount(d, lang, cents)}`;
}

/** A fraction as a percentage in the user's language: `3,53%` or `3.53%`. */
export function formatShare(fraction: Decimal, lang: "nl" | "en", decimals = 2): string {
  return lang === "nl" ? formatPercent(fraction, decimals) : percentEn(fraction, decimals);
}

/** English notation: `€2,183,425`. */
function euroEn(d: Decimal, cents = !d.isInteger()): string {
  const abs = d.abs();
  const digits = cents ? abs.toFixed(2) : abs.toFixed(0);
  const [i, f] = digits.split(".");
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${d.isNegative() && !abs.isZero() ? "-" : ""}€${grouped}${f ? `.${f}` : ""}`;
}

function percentEn(fraction: Decimal, decimals = 2): string {
  const text = fraction.times(100).toFixed(decimals);
  return `${/^-0\.?0*$/.test(text) ? text.slice(1) : text}%`;
}
