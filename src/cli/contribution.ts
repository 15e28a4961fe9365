import Decimal from "decimal.js";
import { formatEuro } from "../core/dutchNumber";
import { PlanInputError } from "../core/errors";
import { Message, Plan } from "../core/model";
import { allocationKey } from "../core/planKey";
import { CostPool } from "../core/model";
import { findPool, hasPools, poolsOf, poolYears } from "../core/pools";
import { ContributionSource, contribution, municipalityOf } from "../core/query";
import { Lang, langOf, parse, yearOf } from "./args";
import { alignedTable, Command, EXIT_OK } from "./io";
import { jsonNullable, jsonNumber } from "./json";
import { loadPlan } from "./loadPlan";
import { usage } from "./usage";

const USAGE = usage("contribution");

/**
 * `up contribution`: what =UP.CONTRIBUTION returns. `computed` allocates the year's total with
 * the plan's most precise keys by largest remainder; `stated` is the amount written in Tabel 6.
 * In a merged plan the answer is the total over its cost pools, or one pool's with `--pool`;
 * `--pools` shows each pool and the total, for the year or for every year. What the user must
 * know about the key (it was implied by the amounts, it was renormalised within its rounding)
 * goes to stderr, or into `notes` with --json.
 */
export const contributionCommand: Command = async (args, io) => {
  const { values, positionals } = parse(
    args,
    {
      file: { type: "string" },
      source: { type: "string" },
      pool: { type: "string" },
      pools: { type: "boolean" },
      json: { type: "boolean" },
      lang: { type: "string" },
    },
    USAGE
  );
  const perPool = values.pools === true;
  if (positionals.length !== 2 && !(perPool && positionals.length === 1)) {
    throw new PlanInputError({
      nl: `Geef een gemeente en een jaar.\nGebruik: ${USAGE}`,
      en: `Give a municipality and a year.\nUsage: ${USAGE}`,
    });
  }
  if (perPool && values.pool !== undefined) {
    throw new PlanInputError({
      nl: `--pool en --pools gaan niet samen: --pools toont elke kostenpool al.\nGebruik: ${USAGE}`,
      en: `--pool and --pools do not go together: --pools already shows every cost pool.\nUsage: ${USAGE}`,
    });
  }
  const source = sourceOf(values.source);
  const lang = langOf(values.lang);
  const year = positionals[1] === undefined ? undefined : yearOf(positionals[1]);
  const { plan } = await loadPlan(values.file, io.cwd);
  const pools =
    values.pool !== undefined && values.pool.trim() !== ""
      ? [findPool(plan, values.pool)]
      : poolsOf(plan);
  const municipality = municipalityOf(plan, positionals[0]);
  if (perPool) {
    const table = poolTable(plan, municipality, year, source);
    io.stdout(values.json ? JSON.stringify(table.json) + "\n" : table.text(lang));
    return EXIT_OK;
  }
  const parts = pools.map((p) => ({
    pool: p,
    value: contribution(p.plan, municipality, year as number, source),
    key: source === "computed" ? allocationKey(p.plan) : null,
  }));
  const amount = parts.reduce((a, p) => a.plus(p.value), new Decimal(0));
  const cents = pools.some((p) => p.plan.unit === "cent");
  const named = hasPools(plan);
  const notes = parts.flatMap((p) =>
    (p.key?.notes ?? []).map((n) => (named ? `${p.pool.name}: ${n[lang]}` : n[lang]))
  );
  const one = parts.length === 1 ? parts[0] : undefined;
  if (values.json) {
    io.stdout(
      JSON.stringify({
        municipality,
        year,
        source,
        value: jsonNumber(amount),
        key: jsonNullable(one?.key?.keys.get(municipality)),
        keySource: one?.key?.source ?? null,
        notes,
        ...(named
          ? {
              pool: one && values.pool !== undefined ? one.pool.name : null,
              unit: cents ? "cent" : "euro",
              pools: parts.map((p) => ({ name: p.pool.name, value: jsonNumber(p.value) })),
            }
          : {}),
      }) + "\n"
    );
  } else {
    io.stdout(`${cents ? amount.toFixed(2) : amount.toFixed()}\n`);
    for (const n of notes) io.stderr(`${lang === "nl" ? "Let op" : "Note"}: ${n}\n`);
  }
  return EXIT_OK;
};

const WORDS: Record<string, Message> = {
  year: { nl: "jaar", en: "year" },
  total: { nl: "totaal", en: "total" },
  plan: { nl: "bijdrage", en: "contribution" },
  computed: { nl: "berekend", en: "computed" },
  stated: { nl: "vermeld", en: "stated" },
  title: { nl: "bijdrage per kostenpool", en: "contribution per cost pool" },
  absent: {
    nl: "— : de kostenpool heeft dat jaar niet; het totaal is dan niet te geven",
    en: "— : the cost pool does not have that year; the total cannot then be given",
  },
};

/** Each pool's contribution and the total over the pools, per year (every year of any pool, or one). */
function poolTable(
  plan: Plan,
  municipality: string,
  year: number | undefined,
  source: ContributionSource
) {
  const pools = poolsOf(plan);
  const cents = pools.some((p) => p.plan.unit === "cent");
  const years = year !== undefined ? [year] : poolYears(plan);
  const rows = years.map((y) => {
    const amounts = pools.map((p) => amountOrNone(p, municipality, y, source));
    // A year no pool has is the usual error, naming the years there are.
    if (year !== undefined && amounts.every((a) => a === undefined)) {
      contribution(pools[0].plan, municipality, y, source);
    }
    const total = amounts.every((a) => a !== undefined)
      ? amounts.reduce((a: Decimal, b) => a.plus(b as Decimal), new Decimal(0))
      : undefined;
    return { year: y, amounts, total };
  });
  const json = {
    municipality,
    source,
    unit: cents ? "cent" : "euro",
    pools: pools.map((p) => ({
      name: p.name,
      title: p.title,
      method: p.method,
      unit: p.plan.unit ?? "euro",
    })),
    years: rows.map((r) => ({
      year: r.year,
      pools: Object.fromEntries(pools.map((p, i) => [p.name, jsonNullable(r.amounts[i])])),
      total: jsonNullable(r.total),
    })),
  };
  const text = (lang: Lang) => {
    const money = (d: Decimal | undefined) => (d === undefined ? "—" : formatEuro(d, cents));
    const header = [
      WORDS.year[lang],
      ...pools.map((p) => p.name || WORDS.plan[lang]),
      WORDS.total[lang],
    ];
    const lines = alignedTable(
      [header, ...rows.map((r) => [String(r.year), ...r.amounts.map(money), money(r.total)])],
      1
    );
    const out = [`${municipality}, ${WORDS.title[lang]} (${WORDS[source][lang]})`, "", ...lines];
    if (hasPools(plan)) {
      out.push("", ...pools.map((p) => `${p.name}: ${p.title}`));
    }
    if (rows.some((r) => r.total === undefined)) out.push("", WORDS.absent[lang]);
    return out.join("\n") + "\n";
  };
  return { json, text };
}

/** The pool's contribution, or undefined when the pool has no such year (or no stated amount for it). */
function amountOrNone(
  pool: CostPool,
  municipality: string,
  year: number,
  source: ContributionSource
): Decimal | undefined {
  try {
    return contribution(pool.plan, municipality, year, source);
  } catch (e) {
    if (e instanceof PlanInputError && e.code === "notAvailable") return undefined;
    throw e;
  }
}

export function sourceOf(value: string | undefined): ContributionSource {
  if (value === undefined || value === "computed" || value === "berekend") return "computed";
  if (value === "stated" || value === "vermeld") return "stated";
  throw new PlanInputError({
    nl: `--source moet computed of stated zijn, niet '${value}'`,
    en: `--source must be computed or stated, not '${value}'`,
  });
}
