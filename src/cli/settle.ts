import { resolve } from "node:path";
import { explainSettlement, SETTLEMENT_WORDS } from "../core/explainSettlement";
import { formatAmount, formatShare, formatSignedAmount } from "../core/explainChange";
import { PlanInputError } from "../core/errors";
import { Plan } from "../core/model";
import { findPool, hasPools, poolsOf } from "../core/pools";
import { FinalKey, finalKeyOf, poolUnit, settle, Settlement } from "../core/settle";
import { Lang, langOf, numberOf, parse, yearOf } from "./args";
import { table } from "./compare";
import { Command, EXIT_OK } from "./io";
import { readComponentsFile, unitOf, weightsOf } from "./keys";
import { jsonNumber } from "./json";
import { LoadedPlan, loadPlan, noteText } from "./loadPlan";
import { usage } from "./usage";

const USAGE = usage("settle");

function usageError(nl: string, en: string): PlanInputError {
  return new PlanInputError({ nl: `${nl}\nGebruik: ${USAGE}`, en: `${en}\nUsage: ${USAGE}` });
}

/**
 * `up settle`: the settlement after the annual accounts. The year's Tabel 6 amounts were the
 * advances; the actual costs are distributed with the final key (components or a key table
 * from --keys, else the plan's provisional key), and per municipality the difference is split
 * into cost effect and key effect.
 */
export const settleCommand: Command = async (args, io) => {
  const { values, positionals } = parse(
    negativeActual(args),
    {
      year: { type: "string" },
      actual: { type: "string" },
      keys: { type: "string" },
      weights: { type: "string" },
      unit: { type: "string" },
      pool: { type: "string" },
      json: { type: "boolean" },
      lang: { type: "string" },
      explain: { type: "boolean" },
    },
    USAGE
  );
  const lang = langOf(values.lang);
  if (positionals.length > 1) {
    throw usageError(
      `Geef hoogstens één plan, kreeg er ${positionals.length}`,
      `Give at most one plan, got ${positionals.length}`
    );
  }
  if (values.year === undefined) {
    throw usageError(
      "Geef met --year het jaar dat wordt afgerekend",
      "Give the year to settle with --year"
    );
  }
  if (values.actual === undefined) {
    throw usageError(
      "Geef met --actual de werkelijke kosten van dat jaar (uit de jaarrekening)",
      "Give the year's actual costs (from the annual accounts) with --actual"
    );
  }
  const year = yearOf(values.year);
  const actual = numberOf(values.actual, { nl: "--actual", en: "--actual" });
  const unit = values.unit === undefined ? undefined : unitOf(values.unit);
  if (values.weights !== undefined && values.keys === undefined) {
    throw usageError(
      "--weights hoort bij --keys: de wegingen gelden voor de definitieve componenten",
      "--weights goes with --keys: the weights apply to the final components"
    );
  }
  const loaded = await loadPlan(positionals[0], io.cwd);
  const plan = settledPlan(loaded.plan, values.pool);
  let finalKey: FinalKey | undefined;
  if (values.keys !== undefined) {
    const components = await readComponentsFile(resolve(io.cwd, values.keys), values.keys, (m) =>
      io.stderr(`${m.nl} / ${m.en}\n`)
    );
    const weights =
      values.weights === undefined ? undefined : weightsOf(values.weights, components);
    finalKey = finalKeyOf(components, weights, plan);
  }
  const s = settle(plan, year, actual, finalKey, { unit: unit ?? poolUnit(plan) });
  const source = { plan: positionals[0] ?? null, keys: values.keys ?? null };
  if (values.json) {
    io.stdout(JSON.stringify(settleJson(s, source, loaded, finalKey, lang), null, 2) + "\n");
  } else {
    io.stdout(settleText(s, source, loaded, finalKey, lang, values.explain === true));
  }
  return EXIT_OK;
};

/**
 * The plan whose advances are settled: a merged plan's pools each have their own actual costs
 * and key, so one of them is named with --pool; a plan of one pool is itself.
 */
function settledPlan(plan: Plan, pool: string | undefined): Plan {
  if (pool !== undefined) return findPool(plan, pool).plan;
  if (!hasPools(plan)) return plan;
  const names = poolsOf(plan).map((p) => p.name);
  throw usageError(
    `Dit plan heeft ${names.length} kostenpools (${names.join(", ")}), elk met eigen werkelijke kosten en sleutel: geef met --pool welke wordt afgerekend`,
    `This plan has ${names.length} cost pools (${names.join(", ")}), each with its own actual costs and key: name the one to settle with --pool`
  );
}

/** `--actual -5` as `--actual=-5`: util.parseArgs takes a value starting with "-" for an option. */
function negativeActual(args: string[]): string[] {
  return args.flatMap((a, i) =>
    a === "--actual" && /^-\d/.test(args[i + 1] ?? "")
      ? [`--actual=${args[i + 1]}`]
      : i > 0 && args[i - 1] === "--actual" && /^-\d/.test(a)
        ? []
        : [a]
  );
}

interface Sources {
  plan: string | null;
  keys: string | null;
}

const W = SETTLEMENT_WORDS;
const T = {
  embedded: { nl: "ingebouwd plan", en: "embedded plan" },
  provisional: {
    nl: "geen gegeven: de voorlopige sleutel van het plan (sleuteleffect 0)",
    en: "none given: the plan's provisional key (key effect 0)",
  },
  components: { nl: "componenten uit", en: "components from" },
  keyTable: { nl: "sleuteltabel", en: "key table" },
  weights: { nl: "wegingen", en: "weights" },
  notes: { nl: "Opmerkingen", en: "Notes" },
};

function keyLine(source: Sources, finalKey: FinalKey | undefined, lang: Lang): string {
  if (!finalKey) return `${W.finalKey[lang]}: ${T.provisional[lang]}`;
  if (finalKey.source === "table") return `${W.finalKey[lang]}: ${T.keyTable[lang]} ${source.keys}`;
  const weights = [...(finalKey.weights ?? [])]
    .map(([c, w]) => `${c} ${lang === "nl" ? w.toString().replace(".", ",") : w.toString()}%`)
    .join(", ");
  return `${W.finalKey[lang]}: ${T.components[lang]} ${source.keys} (${T.weights[lang]} ${weights})`;
}

export function settleText(
  s: Settlement,
  source: Sources,
  loaded: LoadedPlan,
  finalKey: FinalKey | undefined,
  lang: Lang,
  explain: boolean
): string {
  const out: string[] = [];
  out.push(
    `${W.title[lang]} ${s.year} — ${source.plan ?? `${s.plan.title} (${T.embedded[lang]})`}`
  );
  out.push(
    `${W.actual[lang]} ${formatAmount(s.actualTotal, lang)} · ${W.advances[lang]} ${formatAmount(s.advanceTotal, lang)} · ` +
      `${W.difference[lang]} ${formatSignedAmount(s.actualTotal.minus(s.advanceTotal), lang)}`
  );
  out.push(keyLine(source, finalKey, lang));
  out.push("");
  const withKeys = finalKey !== undefined;
  const header = [
    W.municipality[lang],
    W.advance[lang],
    W.final[lang],
    W.settlement[lang],
    W.costEffect[lang],
    W.keyEffect[lang],
    ...(withKeys ? [W.provisionalKey[lang], W.finalKeyColumn[lang]] : []),
  ];
  const body = s.rows.map((r) => [
    r.municipality,
    formatAmount(r.advance, lang),
    formatAmount(r.final, lang),
    formatSignedAmount(r.settlement, lang),
    formatSignedAmount(r.costEffect, lang),
    formatSignedAmount(r.keyEffect, lang),
    ...(withKeys ? [formatShare(r.provisionalKey, lang, 4), formatShare(r.finalKey, lang, 4)] : []),
  ]);
  const t = s.totals;
  const foot = [
    W.total[lang],
    formatAmount(t.advance, lang),
    formatAmount(t.final, lang),
    formatSignedAmount(t.settlement, lang),
    formatSignedAmount(t.costEffect, lang),
    formatSignedAmount(t.keyEffect, lang),
    ...(withKeys ? ["", ""] : []),
  ];
  out.push(...table([header, ...body, foot], 1));
  out.push("");
  out.push(W.sign[lang]);
  out.push(`${W.method[lang]}: ${s.method[lang]}`);
  const notes = [...s.notes.map((n) => n[lang]), ...loaded.notes.map((n) => noteText(n, lang))];
  if (notes.length > 0) {
    out.push("");
    out.push(`${T.notes[lang]}:`);
    for (const n of notes) out.push(`  - ${n}`);
  }
  if (explain) {
    out.push("");
    out.push(W.explanation[lang]);
    for (const e of explainSettlement(s)) out.push(`  ${e.text[lang]}`);
  }
  return out.join("\n") + "\n";
}

const num = jsonNumber;

/** The `--json` shape: amounts in euros, keys as fractions; numbers as `jsonNumber` writes them. */
export function settleJson(
  s: Settlement,
  source: Sources,
  loaded: LoadedPlan,
  finalKey: FinalKey | undefined,
  lang: Lang
) {
  const text = new Map(explainSettlement(s).map((e) => [e.municipality, e.text[lang]]));
  return {
    year: s.year,
    advanceTotal: num(s.advanceTotal),
    actualTotal: num(s.actualTotal),
    unit: num(s.unit),
    plan: source.plan,
    keys: source.keys,
    keySource: s.finalKeySource,
    weights: finalKey?.weights
      ? Object.fromEntries([...finalKey.weights].map(([c, w]) => [c, num(w)]))
      : null,
    rows: s.rows.map((r) => ({
      municipality: r.municipality,
      advance: num(r.advance),
      final: num(r.final),
      settlement: num(r.settlement),
      costEffect: num(r.costEffect),
      keyEffect: num(r.keyEffect),
      provisionalKey: num(r.provisionalKey),
      finalKey: num(r.finalKey),
      explanation: text.get(r.municipality) ?? null,
    })),
    totals: {
      advance: num(s.totals.advance),
      final: num(s.totals.final),
      settlement: num(s.totals.settlement),
      costEffect: num(s.totals.costEffect),
      keyEffect: num(s.totals.keyEffect),
    },
    method: s.method[lang],
    notes: [...s.notes.map((n) => n[lang]), ...loaded.notes.map((n) => noteText(n, lang))],
  };
}
