import Decimal from "decimal.js";
import { formatEuro } from "../core/dutchNumber";
import {
  CellRef,
  CheckResult,
  Finding,
  Message,
  Plan,
  RuleId,
  Severity,
  TableId,
} from "../core/model";
import { findingPoolTable } from "../core/check";
import { amountTolerance } from "../core/rules/ALLOC-AMOUNT";
import { TABLE_ORDER, tableKind } from "../core/tableKinds";

/*
 * Findings grouped by what caused them. One wrong total row makes sixteen amounts wrong: the
 * user should see the one cause first, with its sixteen symptoms under it, not sixteen
 * problems. Findings that no other finding explains are grouped with their own kind (same
 * rule, same table), so eight labels that are off are one line to read, not eight.
 */

export interface CauseGroup {
  id: string;
  /** What is wrong, in words: the cause, or the kind of finding the group holds. */
  title: Message;
  /** One line under the title: which years, which lines or municipalities, how much. */
  summary: Message;
  /** The rule of the cause (or of the kind), shown as a small tag. */
  rule: RuleId;
  table: TableId;
  /** The worst severity in the group. */
  severity: Severity;
  /** The finding that explains the others, when there is one. */
  cause?: Finding;
  /** The cause first, then what follows from it; or every finding of the kind. */
  findings: Finding[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const same = (a: Decimal | null, b: Decimal | null) => !!a && !!b && a.eq(b);

/**
 * When `cause` explains `symptom`. Each relation is one way a wrong figure shows up again
 * further down the plan.
 */
const EXPLAINS: {
  cause: RuleId;
  symptom: RuleId;
  holds(cause: Finding, symptom: Finding, plan: Plan): boolean;
}[] = [
  {
    // The Tabel 6 total row is not the Tabel 4 total, and the amounts are key × that wrong
    // total: they miss key × the Tabel 4 total only because of it.
    cause: "ALLOC-LINK",
    symptom: "ALLOC-AMOUNT",
    holds(link, amount, plan) {
      const wrongTotal = link.actual;
      const row = plan.contributions?.rows.find((r) =>
        amount.municipality ? r.municipality === amount.municipality : r.label === amount.line
      );
      if (!wrongTotal || !amount.actual || !row?.key) return false;
      return amount.actual
        .minus(row.key.value.times(wrongTotal))
        .abs()
        .lte(amountTolerance(row.key, wrongTotal));
    },
  },
  {
    // The Tabel 4 total is not formatiekosten + materiële kosten jeugd, while Tabel 6 adds up
    // to what it should have been: Tabel 4's total row is the one that is wrong.
    cause: "TOTALS-LINK",
    symptom: "ALLOC-LINK",
    holds: (t4, link) => t4.table === "Tabel 4" && same(t4.expected, link.actual),
  },
  {
    // One amount of the key calculation table is off: its row and its column both miss their
    // totals by that much, and both name its cell.
    cause: "KEYTABLE-ROW",
    symptom: "KEYTABLE-COLUMN",
    holds: (row, column) =>
      same(offBy(row), offBy(column)) &&
      row.cells.slice(1).some((a) => column.cells.slice(1).some((b) => sameCell(a, b))),
  },
  {
    // One increase of the change table is off: the increases add up to a total that much off.
    cause: "CHANGE-INCREASE",
    symptom: "CHANGE-TOTAL",
    holds: (increase, total) =>
      total.line === "toename" && same(offBy(increase), offBy(total)?.negated() ?? null),
  },
];

/** How far a finding's stated figure is from the expected one. */
function offBy(f: Finding): Decimal | null {
  return f.actual && f.expected ? f.actual.minus(f.expected) : null;
}

const sameCell = (a: CellRef, b: CellRef) => a.sheet === b.sheet && a.address === b.address;

/** The findings of `result` grouped by cause, worst first, then in table order. */
export function groupByCause(result: CheckResult, plan: Plan): CauseGroup[] {
  const findings = result.findings;
  const parent = new Map<Finding, Finding>();
  for (const rel of EXPLAINS) {
    for (const cause of findings.filter((f) => f.rule === rel.cause)) {
      for (const symptom of findings) {
        if (
          symptom.rule === rel.symptom &&
          symptom.year === cause.year &&
          !parent.has(symptom) &&
          rel.holds(cause, symptom, plan)
        )
          parent.set(symptom, cause);
      }
    }
  }
  const depth = (f: Finding): number => {
    const p = parent.get(f);
    return p ? depth(p) + 1 : 0;
  };
  const root = (f: Finding): Finding => {
    const p = parent.get(f);
    return p ? root(p) : f;
  };
  const explained = new Map<Finding, Finding[]>();
  // What a cause explains directly comes before what follows from that in turn.
  for (const f of [...findings].sort((a, b) => depth(a) - depth(b))) {
    const r = root(f);
    if (r !== f) explained.set(r, [...(explained.get(r) ?? []), f]);
  }

  const groups: CauseGroup[] = [];
  const byKind = new Map<string, Finding[]>();
  for (const f of findings) {
    if (parent.has(f)) continue;
    const symptoms = explained.get(f);
    if (symptoms) {
      groups.push(causeGroup(f, symptoms));
      continue;
    }
    // Each pool's tables are its own: a kind never mixes pools.
    const kind = `${f.pool ? `${f.pool}|` : ""}${f.table}|${f.rule}`;
    byKind.set(kind, [...(byKind.get(kind) ?? []), f]);
  }
  for (const [kind, list] of byKind) groups.push(kindGroup(kind, list));
  return groups.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      Number(!!b.cause) - Number(!!a.cause) ||
      TABLE_ORDER.indexOf(a.table) - TABLE_ORDER.indexOf(b.table) ||
      a.rule.localeCompare(b.rule)
  );
}

function worst(findings: readonly Finding[]): Severity {
  return findings.reduce<Severity>(
    (w, f) => (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[w] ? f.severity : w),
    "info"
  );
}

/** `3 bedragen`, `1 bedrag`. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `2023`, `2024–2027`, `2023, 2025–2026`: the years of the findings, in ranges. */
export function yearsText(findings: readonly Finding[]): string {
  const years = [...new Set(findings.map((f) => f.year).filter((y): y is number => y !== null))];
  years.sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < years.length; i++) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    ranges.push(i === j ? String(years[i]) : `${years[i]}–${years[j]}`);
    i = j;
  }
  return ranges.join(", ");
}

/** The municipalities or lines the findings are about: the first three, then how many more. */
function subjects(findings: readonly Finding[], lang: "nl" | "en"): string {
  const names = [
    ...new Set(findings.map((f) => f.municipality ?? f.line).filter((n): n is string => !!n)),
  ];
  if (names.length <= 3) return names.join(", ");
  const more = names.length - 3;
  return `${names.slice(0, 3).join(", ")} ${lang === "nl" ? `en ${more} meer` : `and ${more} more`}`;
}

function joined(...parts: string[]): string {
  return parts.filter((p) => p !== "").join(" · ");
}

function causeGroup(cause: Finding, symptoms: Finding[]): CauseGroup {
  const all = [cause, ...symptoms];
  const amounts = symptoms.filter((s) => s.rule === "ALLOC-AMOUNT");
  const year = cause.year ?? "";
  let title: Message;
  const name = cause.municipality ?? cause.line ?? "";
  if (cause.rule === "KEYTABLE-ROW") {
    title = {
      nl: `${tableKind(cause.table).title.nl}, ${name}: één bedrag wijkt af, zodat de regel en de kolom niet optellen`,
      en: `${tableKind(cause.table).title.en}, ${name}: one amount is off, so its row and its column do not add up`,
    };
  } else if (cause.rule === "CHANGE-INCREASE") {
    title = {
      nl: `${tableKind(cause.table).title.nl}, ${name}: de toename klopt niet, en daardoor het totaal van de toenames`,
      en: `${tableKind(cause.table).title.en}, ${name}: the increase is wrong, and so is the increases' total`,
    };
  } else if (cause.rule === "ALLOC-LINK") {
    title = {
      nl: `${count(amounts.length, "bedrag", "bedragen")} van ${year} ${amounts.length === 1 ? "volgt" : "volgen"} uit de verkeerde totaalregel`,
      en: `${count(amounts.length, "amount", "amounts")} of ${year} ${amounts.length === 1 ? "follows" : "follow"} from the wrong total row`,
    };
  } else {
    title = {
      nl: `Het Tabel 4-totaal van ${year} klopt niet; ${count(symptoms.length, "bevinding volgt", "bevindingen volgen")} eruit`,
      en: `The Tabel 4 total of ${year} is wrong; ${count(symptoms.length, "finding follows", "findings follow")} from it`,
    };
  }
  // A row or an increase that is off names no single wrong figure of its own: the title says it.
  const ownFigure = cause.rule !== "KEYTABLE-ROW" && cause.rule !== "CHANGE-INCREASE";
  const figures =
    ownFigure && cause.expected && cause.actual
      ? {
          nl: `staat er ${formatEuro(cause.actual)}, moet ${formatEuro(cause.expected)} zijn`,
          en: `it says ${formatEuro(cause.actual)}, should be ${formatEuro(cause.expected)}`,
        }
      : { nl: "", en: "" };
  return {
    id: `cause|${cause.rule}|${cause.table}|${cause.year ?? ""}|${cause.cell ? `${cause.cell.sheet}!${cause.cell.address}` : ""}`,
    title,
    summary: {
      nl: joined(
        `${findingPoolTable(cause)}, ${cause.municipality ?? cause.line ?? "totaal"} ${year}`,
        figures.nl
      ),
      en: joined(
        `${findingPoolTable(cause)}, ${cause.municipality ?? cause.line ?? "total"} ${year}`,
        figures.en
      ),
    },
    rule: cause.rule,
    table: cause.table,
    severity: worst(all),
    cause,
    findings: all,
  };
}

/** What a group of findings of one rule is about, counted. */
const KIND_TITLE: Record<RuleId, (n: number, table: string) => Message> = {
  "FTE-TOTAL": (n, t) => ({
    nl: `${t}: in ${count(n, "jaar telt", "jaren telt")} de formatie niet op tot de totaalregel`,
    en: `${t}: in ${count(n, "year", "years")} the staffing does not add up to the total row`,
  }),
  "FTE-VALUE": (n, t) => ({
    nl: `${t}: ${count(n, "ongeldige fte of schaal", "ongeldige fte's of schalen")}`,
    en: `${t}: ${count(n, "invalid FTE or scale", "invalid FTEs or scales")}`,
  }),
  "SPLIT-SUM": (n, t) => ({
    nl: `${t}: ${count(n, "keer is", "keer is")} jeugd + wmo niet het totaal`,
    en: `${t}: jeugd + wmo is not the total ${count(n, "time", "times")}`,
  }),
  "SPLIT-LABEL": (n, t) => ({
    nl: `${t}: ${count(n, "aandeel wijkt", "aandelen wijken")} af van het percentage in het label`,
    en: `${t}: ${count(n, "share differs", "shares differ")} from the percentage in the label`,
  }),
  "LINES-SUM": (n, t) => ({
    nl: `${t}: in ${count(n, "jaar tellen", "jaren tellen")} de kostenregels niet op tot het subtotaal`,
    en: `${t}: in ${count(n, "year", "years")} the cost lines do not add up to the subtotal`,
  }),
  "TOTALS-LINK": (n, t) => ({
    nl: `${t}: ${count(n, "bedrag sluit", "bedragen sluiten")} niet aan op Tabel 2 of 3`,
    en: `${t}: ${count(n, "amount does", "amounts do")} not match Tabel 2 or 3`,
  }),
  "KEY-SUM": (n, t) => ({
    nl: `${t}: de sleutels tellen niet op tot 100%${n > 1 ? ` (${n}×)` : ""}`,
    en: `${t}: the keys do not add up to 100%${n > 1 ? ` (${n}×)` : ""}`,
  }),
  "ALLOC-AMOUNT": (n, t) => ({
    nl: `${t}: ${count(n, "bedrag is", "bedragen zijn")} niet sleutel × totaal`,
    en: `${t}: ${count(n, "amount is", "amounts are")} not key × total`,
  }),
  "ALLOC-SUM": (n, t) => ({
    nl: `${t}: in ${count(n, "jaar tellen", "jaren tellen")} de afgeronde bedragen niet op tot de totaalregel`,
    en: `${t}: in ${count(n, "year", "years")} the rounded amounts do not add up to the total row`,
  }),
  "ALLOC-LINK": (n, t) => ({
    nl: `${t}: in ${count(n, "jaar is", "jaren is")} het totaal niet het Tabel 4-totaal`,
    en: `${t}: in ${count(n, "year", "years")} the total is not the Tabel 4 total`,
  }),
  "BUDGET-LINK": (n, t) => ({
    nl: `${t}: in ${count(n, "jaar is", "jaren is")} het totaal niet het te verdelen bedrag van de begroting`,
    en: `${t}: in ${count(n, "year", "years")} the total is not the budget's amount to distribute`,
  }),
  "BUDGET-SHARE": (n, t) => ({
    nl: `${t}: ${count(n, "sleutel of percentage past", "sleutels of percentages passen")} niet bij de budgetten`,
    en: `${t}: ${count(n, "key or percentage does", "keys or percentages do")} not fit the budgets`,
  }),
  MUNICIPALITIES: (n, t) => ({
    nl: `${t}: ${count(n, "gemeente klopt", "gemeenten kloppen")} niet`,
    en: `${t}: ${count(n, "municipality is", "municipalities are")} wrong`,
  }),
  "KEY-RECOMPUTE": (n, t) => ({
    nl: `${t}: ${count(n, "sleutel wijkt", "sleutels wijken")} af van de sleutelgegevens`,
    en: `${t}: ${count(n, "key differs", "keys differ")} from the key components`,
  }),
  "KEYTABLE-SHARES": (n, t) => ({
    nl: `${t}: ${count(n, "kolom aandelen telt", "kolommen aandelen tellen")} niet op tot 100%`,
    en: `${t}: ${count(n, "column of shares does", "columns of shares do")} not add up to 100%`,
  }),
  "KEYTABLE-KEY": (n, t) => ({
    nl: `${t}: ${count(n, "sleutel is", "sleutels zijn")} niet Σ weging × aandeel`,
    en: `${t}: ${count(n, "key is", "keys are")} not Σ weight × share`,
  }),
  "KEYTABLE-AMOUNT": (n, t) => ({
    nl: `${t}: ${count(n, "bedrag is", "bedragen zijn")} niet weging × totaal × aandeel`,
    en: `${t}: ${count(n, "amount is", "amounts are")} not weight × total × share`,
  }),
  "KEYTABLE-ROW": (n, t) => ({
    nl: `${t}: ${count(n, "regel telt", "regels tellen")} niet op tot het totaal`,
    en: `${t}: ${count(n, "row does", "rows do")} not add up to its total`,
  }),
  "KEYTABLE-COLUMN": (n, t) => ({
    nl: `${t}: ${count(n, "kolom telt", "kolommen tellen")} niet op tot de totaalregel`,
    en: `${t}: ${count(n, "column does", "columns do")} not add up to the total row`,
  }),
  "KEYTABLE-TOTAL": (n, t) => ({
    nl: `${t}: het totaal is niet het te verdelen bedrag van het jaar`,
    en: `${t}: the total is not the year's amount to distribute`,
  }),
  "CHANGE-INCREASE": (n, t) => ({
    nl: `${t}: ${count(n, "toename is", "toenames zijn")} niet nieuw − oud`,
    en: `${t}: ${count(n, "increase is", "increases are")} not new − old`,
  }),
  "CHANGE-PERCENT": (n, t) => ({
    nl: `${t}: ${count(n, "percentage klopt", "percentages kloppen")} niet met de toename`,
    en: `${t}: ${count(n, "percentage does", "percentages do")} not match the increase`,
  }),
  "CHANGE-TOTAL": (n, t) => ({
    nl: `${t}: ${count(n, "kolom telt", "kolommen tellen")} niet op tot de totaalregel`,
    en: `${t}: ${count(n, "column does", "columns do")} not add up to the total row`,
  }),
  "FORMULA-RANGE": (n, t) => ({
    nl: `${t}: ${count(n, "formule telt", "formules tellen")} niet het juiste bereik op`,
    en: `${t}: ${count(n, "formula does", "formulas do")} not add up the right range`,
  }),
};

function kindGroup(kind: string, findings: Finding[]): CauseGroup {
  const { rule, table } = findings[0];
  const years = yearsText(findings);
  return {
    id: `kind|${kind}`,
    title: KIND_TITLE[rule](findings.length, findingPoolTable(findings[0])),
    summary: {
      nl: joined(subjects(findings, "nl"), years),
      en: joined(subjects(findings, "en"), years),
    },
    rule,
    table,
    severity: worst(findings),
    findings,
  };
}

/** What the user narrowed the findings to; an absent field does not narrow. */
export interface FindingFilter {
  severity?: Severity;
  table?: TableId;
  /** With `table`, in a merged plan: the pool whose table it is (both pools have a Tabel 6). */
  pool?: string;
  municipality?: string;
  year?: number;
  /** Words to find in the message, the cell, the line, the rule or the group's title. */
  search?: string;
}

/** A table the findings can be narrowed to: in a merged plan one pool's, as the plan names it. */
export interface TableChoice {
  table: TableId;
  pool?: string;
  /** `Tabel 6`; in a merged plan `beleid · Dekking kosten regio-samenwerking`. */
  label: string;
}

/**
 * The values each filter can take, from the findings there are; a merged plan's tables in the
 * order of `pools` (the plan's), else in the order the findings name the pools.
 */
export function filterChoices(
  findings: readonly Finding[],
  pools: readonly string[] = []
): {
  severities: Severity[];
  tables: TableChoice[];
  municipalities: string[];
  years: number[];
} {
  const distinct = <T>(values: (T | null)[]) =>
    [...new Set(values)].filter((v): v is T => v !== null);
  return {
    severities: distinct(findings.map((f) => f.severity)).sort(
      (a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b]
    ),
    tables: tableChoices(findings, pools),
    municipalities: distinct(findings.map((f) => f.municipality)).sort((a, b) =>
      a.localeCompare(b, "nl")
    ),
    years: distinct(findings.map((f) => f.year)).sort((a, b) => a - b),
  };
}

/** Each pool's tables in pool order, each pool's in table order. */
function tableChoices(findings: readonly Finding[], order: readonly string[]): TableChoice[] {
  const pools: (string | undefined)[] = [...order];
  const byKey = new Map<string, TableChoice>();
  for (const f of findings) {
    if (!pools.includes(f.pool)) pools.push(f.pool);
    const key = `${f.pool ?? ""}|${f.table}`;
    if (!byKey.has(key)) {
      byKey.set(key, {
        table: f.table,
        ...(f.pool === undefined ? {} : { pool: f.pool }),
        label: findingPoolTable(f),
      });
    }
  }
  return [...byKey.values()].sort(
    (a, b) =>
      pools.indexOf(a.pool) - pools.indexOf(b.pool) ||
      TABLE_ORDER.indexOf(a.table) - TABLE_ORDER.indexOf(b.table)
  );
}

function matches(f: Finding, group: CauseGroup, filter: FindingFilter, words: string[]): boolean {
  if (filter.severity && f.severity !== filter.severity) return false;
  if (filter.table && f.table !== filter.table) return false;
  if (filter.table && filter.pool !== f.pool) return false;
  if (filter.municipality && f.municipality !== filter.municipality) return false;
  if (filter.year !== undefined && f.year !== filter.year) return false;
  if (words.length === 0) return true;
  const text = [
    f.message.nl,
    f.message.en,
    f.rule,
    f.line ?? "",
    f.municipality ?? "",
    f.cell ? `${f.cell.sheet}!${f.cell.address}` : "",
    group.title.nl,
    group.title.en,
  ]
    .join(" ")
    .toLocaleLowerCase("nl");
  return words.every((w) => text.includes(w));
}

/**
 * The groups with only the findings that pass the filter; a group without any is left out.
 * A cause stays at the head of its group while any of its symptoms passes, so a symptom is
 * never shown without what explains it.
 */
export function filterGroups(groups: readonly CauseGroup[], filter: FindingFilter): CauseGroup[] {
  const words = (filter.search ?? "").toLocaleLowerCase("nl").split(/\s+/).filter(Boolean);
  return groups.flatMap((g) => {
    const kept = g.findings.filter((f) => matches(f, g, filter, words));
    if (kept.length === 0) return [];
    if (g.cause && !kept.includes(g.cause)) kept.unshift(g.cause);
    return [{ ...g, findings: kept }];
  });
}
