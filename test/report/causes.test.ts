import { checkPlan } from "../../src/core/check";
import { Plan } from "../../src/core/model";
import { plan2024 } from "../../src/core/plan2024";
import { filterChoices, filterGroups, groupByCause } from "../../src/report/causes";
import { consistentPlan, setFigure } from "../support/planBuilder";
import { mergedExample } from "../../src/workbook/poolsExample";

const groups = (plan: Plan) => groupByCause(checkPlan(plan), plan);
const byMunicipality = (plan: Plan, m: string) =>
  plan.contributions!.rows.find((r) => r.municipality === m)!;

/** consistentPlan, but Tabel 6 of 2025 allocates 1.000.000 instead of Tabel 4's 980.000. */
function wrongTotalRow(): Plan {
  const plan = consistentPlan();
  // key × 1.000.000: 12,35% / 40,10% / 33,33% / 14,22%.
  const amounts: Record<string, string> = {
    Beek: "123.500",
    Heerlen: "401.000",
    Maastricht: "333.300",
    Vaals: "142.200",
  };
  for (const [m, a] of Object.entries(amounts)) setFigure(byMunicipality(plan, m), 2025, a);
  setFigure(plan.contributions!.total, 2025, "1.000.000");
  return plan;
}

describe("groupByCause", () => {
  it("puts a wrong total row first, with the amounts that follow from it under it", () => {
    const [first, ...rest] = groups(wrongTotalRow());
    expect(first.title.nl).toBe("4 bedragen van 2025 volgen uit de verkeerde totaalregel");
    expect(first.title.en).toBe("4 amounts of 2025 follow from the wrong total row");
    expect(first.rule).toBe("ALLOC-LINK");
    expect(first.findings.map((f) => f.rule)).toEqual([
      "ALLOC-LINK",
      "ALLOC-AMOUNT",
      "ALLOC-AMOUNT",
      "ALLOC-AMOUNT",
      "ALLOC-AMOUNT",
    ]);
    expect(first.cause).toBe(first.findings[0]);
    expect(first.summary.nl).toBe(
      "Tabel 6, totaal 2025 · staat er € 1.000.000, moet € 980.000 zijn"
    );
    expect(rest).toEqual([]);
  });

  it("leaves an amount that is wrong for a reason of its own out of the cause's group", () => {
    const plan = wrongTotalRow();
    // Vaals is neither key × 980.000 (139.356) nor key × 1.000.000 (142.200).
    setFigure(byMunicipality(plan, "Vaals"), 2025, "150.000");
    const found = groups(plan);
    const cause = found.find((g) => g.cause)!;
    expect(cause.title.nl).toBe("3 bedragen van 2025 volgen uit de verkeerde totaalregel");
    expect(cause.findings.map((f) => f.municipality)).toEqual([
      null,
      "Beek",
      "Heerlen",
      "Maastricht",
    ]);
    const vaals = found.find((g) => !g.cause && g.rule === "ALLOC-AMOUNT")!;
    expect(vaals.title.nl).toBe("Tabel 6: 1 bedrag is niet sleutel × totaal");
    expect(vaals.findings.map((f) => f.municipality)).toEqual(["Vaals"]);
    // The sum now misses the total row too: a finding of its own kind.
    expect(found.map((g) => g.rule)).toContain("ALLOC-SUM");
  });

  it("traces a wrong Tabel 4 total through Tabel 6 back to Tabel 4", () => {
    const plan = consistentPlan();
    setFigure(plan.totals!.total, 2024, "800.000");
    const found = groups(plan);
    expect(found).toHaveLength(1);
    const [g] = found;
    expect(g.title.nl).toBe("Het Tabel 4-totaal van 2024 klopt niet; 5 bevindingen volgen eruit");
    expect(g.findings.map((f) => f.rule)).toEqual([
      "TOTALS-LINK",
      "ALLOC-LINK",
      "ALLOC-AMOUNT",
      "ALLOC-AMOUNT",
      "ALLOC-AMOUNT",
      "ALLOC-AMOUNT",
    ]);
  });

  it("turns the published plan's 31 findings into four groups, the cause first", () => {
    const found = groups(plan2024());
    expect(found.map((g) => [g.title.nl, g.findings.length])).toEqual([
      ["16 bedragen van 2023 volgen uit de verkeerde totaalregel", 17],
      ["Tabel 6: in 5 jaren tellen de afgeronde bedragen niet op tot de totaalregel", 5],
      ["Tabel 2: 8 aandelen wijken af van het percentage in het label", 8],
      ["Tabel 4: 1 bedrag sluit niet aan op Tabel 2 of 3", 1],
    ]);
    expect(found[2].summary.nl).toBe(
      "formatiekosten jeugd 70%, formatiekosten wmo 30% · 2024–2027"
    );
  });
});

describe("filterGroups", () => {
  const plan = plan2024();
  const all = groupByCause(checkPlan(plan), plan);

  it("keeps a symptom's cause at the head of its group", () => {
    const [only, ...rest] = filterGroups(all, { municipality: "Vaals" });
    expect(rest).toEqual([]);
    expect(only.findings.map((f) => [f.rule, f.municipality])).toEqual([
      ["ALLOC-LINK", null],
      ["ALLOC-AMOUNT", "Vaals"],
    ]);
  });

  it("narrows by year, severity and table together", () => {
    const found = filterGroups(all, { year: 2025, severity: "warning", table: "Tabel 2" });
    expect(found.map((g) => g.findings.map((f) => f.line))).toEqual([
      ["formatiekosten jeugd 70%", "formatiekosten wmo 30%"],
    ]);
  });

  it("finds words anywhere in a finding, in any order", () => {
    const found = filterGroups(all, { search: "74,34% 2024" });
    expect(found.flatMap((g) => g.findings.map((f) => `${f.line} ${f.year}`))).toEqual([
      "formatiekosten jeugd 70% 2024",
    ]);
    expect(filterGroups(all, { search: "VAALS" })[0].findings).toHaveLength(2);
    expect(filterGroups(all, { search: "bestaat niet" })).toEqual([]);
  });

  it("offers the filter values the findings have", () => {
    const choices = filterChoices(checkPlan(plan).findings);
    expect(choices.severities).toEqual(["error", "warning"]);
    expect(choices.tables).toEqual([
      { table: "Tabel 2", label: "Tabel 2" },
      { table: "Tabel 4", label: "Tabel 4" },
      { table: "Tabel 6", label: "Tabel 6" },
    ]);
    expect(choices.years).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(choices.municipalities).toHaveLength(16);
  });
});

describe("filtering the findings of a merged plan by table", () => {
  /** Both pools' contributions tables with one amount off: two Tabel 6 that are not the same table. */
  function planWithBothPoolsOff(): Plan {
    const plan = mergedExample();
    for (const { plan: p } of plan.pools!) {
      const beek = p.contributions!.rows.find((r) => r.municipality === "Beek")!;
      const year = p.contributions!.years[0];
      const f = beek.values.get(year)!;
      beek.values.set(year, { ...f, value: f.value.plus(7) });
    }
    return plan;
  }
  const findingsInBothPools = () => checkPlan(planWithBothPoolsOff()).findings;

  it("offers each pool's table on its own, named as the plan names it", () => {
    const tables = filterChoices(findingsInBothPools()).tables;
    expect(tables.map((t) => t.label)).toEqual(
      expect.arrayContaining(["verwerving · Tabel 6", "beleid · Dekking kosten regio-samenwerking"])
    );
    expect(new Set(tables.map((t) => `${t.pool}|${t.table}`)).size).toBe(tables.length);
  });

  it("names each group's table with its pool, as the filter does", () => {
    const plan = planWithBothPoolsOff();
    const titles = groupByCause(checkPlan(plan), plan).map((g) => g.title.nl);
    expect(titles.some((t) => t.startsWith("verwerving · Tabel 6: "))).toBe(true);
    expect(titles.some((t) => t.startsWith("beleid · Dekking kosten regio-samenwerking"))).toBe(
      true
    );
    expect(titles.filter((t) => /^Tabel 6/.test(t))).toEqual([]);
  });

  it("lists the pools in the plan's order when it is given", () => {
    const labels = (pools: string[]) =>
      filterChoices(findingsInBothPools(), pools).tables.map((t) => t.label);
    expect(labels(["verwerving", "beleid"])).toEqual([
      "verwerving · Tabel 6",
      "beleid · Dekking kosten regio-samenwerking",
    ]);
    expect(labels(["beleid", "verwerving"])).toEqual([
      "beleid · Dekking kosten regio-samenwerking",
      "verwerving · Tabel 6",
    ]);
  });

  it("one pool's Tabel 6 narrows to that pool's findings only", () => {
    const plan = planWithBothPoolsOff();
    const groups = groupByCause(checkPlan(plan), plan);
    for (const pool of ["beleid", "verwerving"]) {
      const shown = filterGroups(groups, { table: "Tabel 6", pool }).flatMap((g) => g.findings);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((f) => f.pool === pool && f.table === "Tabel 6")).toBe(true);
    }
    const all = filterGroups(groups, {}).flatMap((g) => g.findings);
    expect(all.some((f) => f.pool === "beleid")).toBe(true);
    expect(all.some((f) => f.pool === "verwerving")).toBe(true);
  });
});
