import { distinctPercents, formatAmount } from "./explainChange";
import { Message } from "./model";
import { PoolSettlement, SettlementRow } from "./settle";

/*
 * "Toelichting bij de afrekening": one sentence per municipality, Dutch with English beside
 * it, that says what it pays or gets back and why, in the two parts that add up to it:
 *
 *   Heerlen betaalt € 3.210 bij: € 2.950 doordat de werkelijke kosten hoger waren, € 260
 *   doordat de definitieve sleutel hoger is (12,09% in plaats van 11,97%).
 *
 * A part that works the other way round says so ("€ 260 terug doordat …"), so the figures in
 * the sentence always add up to the headline.
 */

/** The words of a settlement table, for the command line, the pane's sheet and the report. */
export const SETTLEMENT_WORDS = {
  title: { nl: "Afrekening", en: "Settlement" },
  actual: { nl: "Werkelijke kosten", en: "Actual costs" },
  advances: { nl: "Voorschotten (Tabel 6)", en: "Advances (Tabel 6)" },
  difference: { nl: "Verschil", en: "Difference" },
  finalKey: { nl: "Definitieve sleutel", en: "Final key" },
  municipality: { nl: "Gemeente", en: "Municipality" },
  advance: { nl: "Voorschot", en: "Advance" },
  final: { nl: "Definitief", en: "Final" },
  settlement: { nl: "Afrekening", en: "Settlement" },
  costEffect: { nl: "Kosteneffect", en: "Cost effect" },
  keyEffect: { nl: "Sleuteleffect", en: "Key effect" },
  provisionalKey: { nl: "Sleutel voorlopig", en: "Key provisional" },
  finalKeyColumn: { nl: "Sleutel definitief", en: "Key final" },
  total: { nl: "Totaal", en: "Total" },
  sign: {
    nl: "Positief: de gemeente betaalt bij; negatief: zij krijgt terug.",
    en: "Positive: the municipality pays; negative: it gets money back.",
  },
  method: { nl: "Methode", en: "Method" },
  explanation: { nl: "Toelichting per gemeente", en: "Explanation per municipality" },
} satisfies Record<string, Message>;

export interface SettlementExplanation {
  municipality: string;
  text: Message;
}

export function explainSettlement(s: PoolSettlement): SettlementExplanation[] {
  return s.rows.map((row) => ({ municipality: row.municipality, text: explainRow(row, s) }));
}

export function explainRow(row: SettlementRow, s: PoolSettlement): Message {
  const m = row.municipality;
  const euro = (d: SettlementRow["advance"], lang: "nl" | "en") => formatAmount(d.abs(), lang);
  const pays = row.settlement.isPositive() && !row.settlement.isZero();
  const refund = row.settlement.isNegative() && !row.settlement.isZero();
  const parts = [costPart(row, s), keyPart(row)].filter((p): p is Part => p !== null);
  if (parts.length === 0) {
    return {
      nl: `${m} betaalt niets bij en krijgt niets terug: het voorschot van ${euro(row.advance, "nl")} is precies de definitieve bijdrage.`,
      en: `${m} neither pays nor gets anything back: the advance of ${euro(row.advance, "en")} is exactly the final contribution.`,
    };
  }
  const headline: Message = pays
    ? {
        nl: `${m} betaalt ${euro(row.settlement, "nl")} bij`,
        en: `${m} pays ${euro(row.settlement, "en")} extra`,
      }
    : refund
      ? {
          nl: `${m} krijgt ${euro(row.settlement, "nl")} terug`,
          en: `${m} gets ${euro(row.settlement, "en")} back`,
        }
      : {
          nl: `${m} betaalt per saldo niets bij en krijgt niets terug`,
          en: `${m} neither pays nor gets anything back on balance`,
        };
  // Where a part works against the headline (or there is no headline direction), it says which way it goes.
  const phrase = (p: Part, lang: "nl" | "en"): string => {
    const up = p.amount.isPositive();
    const withHeadline = (up && pays) || (!up && refund);
    const way = withHeadline
      ? ""
      : lang === "nl"
        ? up
          ? " bij"
          : " terug"
        : up
          ? " more"
          : " back";
    return `${euro(p.amount, lang)}${way} ${p.reason[lang]}`;
  };
  if (parts.length === 1 && parts[0].amount.eq(row.settlement)) {
    return {
      nl: `${headline.nl}, ${parts[0].reason.nl}.`,
      en: `${headline.en}, ${parts[0].reason.en}.`,
    };
  }
  return {
    nl: `${headline.nl}: ${parts.map((p) => phrase(p, "nl")).join(", ")}.`,
    en: `${headline.en}: ${parts.map((p) => phrase(p, "en")).join(", ")}.`,
  };
}

interface Part {
  amount: SettlementRow["advance"];
  reason: Message;
}

function costPart(row: SettlementRow, s: PoolSettlement): Part | null {
  const c = row.costEffect;
  if (c.isZero()) return null;
  const change = s.actualTotal.minus(s.advanceTotal);
  // The part follows the costs when it goes their way; otherwise the advance itself was off.
  if (!change.isZero() && change.isPositive() === c.isPositive()) {
    return {
      amount: c,
      reason: change.isPositive()
        ? {
            nl: "doordat de werkelijke kosten hoger waren",
            en: "because the actual costs were higher",
          }
        : {
            nl: "doordat de werkelijke kosten lager waren",
            en: "because the actual costs were lower",
          },
    };
  }
  return {
    amount: c,
    reason: {
      nl: "doordat het voorschot afwijkt van de voorlopige sleutel (afronding in Tabel 6)",
      en: "because the advance differs from the provisional key (rounding in Tabel 6)",
    },
  };
}

function keyPart(row: SettlementRow): Part | null {
  const k = row.keyEffect;
  if (k.isZero()) return null;
  const p = row.provisionalKey;
  const f = row.finalKey;
  if (p.eq(f)) {
    return {
      amount: k,
      reason: {
        nl: "door de afronding van de verdeling met de definitieve sleutel",
        en: "from rounding the distribution with the final key",
      },
    };
  }
  const [was, is] = distinctPercents(p, f);
  const higher = f.gt(p);
  return {
    amount: k,
    reason: {
      nl: `doordat de definitieve sleutel ${higher ? "hoger" : "lager"} is (${is.nl} in plaats van ${was.nl})`,
      en: `because the final key is ${higher ? "higher" : "lower"} (${is.en} instead of ${was.en})`,
    },
  };
}
