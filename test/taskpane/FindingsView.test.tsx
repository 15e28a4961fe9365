/** @jest-environment jsdom */
import * as React from "react";
import { checkPlan } from "../../src/core/check";
import { Finding } from "../../src/core/model";
import { plan2024 } from "../../src/core/plan2024";
import { findingKey } from "../../src/report/findings";
import { FindingsView } from "../../src/taskpane/FindingsView";
import { allByRole, byRole, byText, click, renderPane, type } from "./dom";

/** The published plan with cells, as if read from a workbook. */
function publishedResult() {
  const plan = plan2024();
  plan.contributions!.rows.forEach((r, i) => {
    for (const [y, f] of r.values)
      f.cell = { sheet: "Tabel 6", address: `${"CDEFG"[y - 2023]}${i + 5}` };
  });
  return checkPlan(plan);
}

describe("FindingsView", () => {
  it("groups findings by table and rule with their count, not one heading per cell", () => {
    const result = publishedResult();
    renderPane(<FindingsView result={result} accepted={new Map()} />);
    const headings = allByRole("heading").map((h) => h.textContent);
    const expected = new Set(result.findings.map((f) => `${f.table} · ${f.rule}`));
    expect(headings).toHaveLength(expected.size);
    expect(headings.filter((h) => h?.includes("Tabel 6 · ALLOC-AMOUNT (16)"))).toHaveLength(1);
    expect(byRole("status").textContent).toContain(`${result.findings.length} open bevindingen`);
  });

  it("shows year, municipality, cell, expected, actual and difference of a finding", () => {
    renderPane(<FindingsView result={publishedResult()} accepted={new Map()} />);
    const group = byRole("region", /ALLOC-AMOUNT/);
    const beek = allByRole("listitem", undefined, group)[0].textContent;
    // 3,53% × € 1.874.278 = € 66.162,01; stated € 71.784.
    expect(beek).toContain("2023 · Beek · 'Tabel 6'!C5");
    expect(beek).toContain("Verwacht€ 66.162");
    expect(beek).toContain("Staat er€ 71.784");
    expect(beek).toContain("Verschil€ 5.622");
  });

  it("selects a finding's cells on click; each finding is a button, so the keyboard reaches it", async () => {
    const onSelect = jest.fn();
    renderPane(
      <FindingsView result={publishedResult()} accepted={new Map()} onSelect={onSelect} />
    );
    const group = byRole("region", /ALLOC-AMOUNT/);
    const buttons = allByRole("button", /Beek/, group);
    expect(buttons.map((b) => b.tagName)).toEqual(["BUTTON", "BUTTON"]);
    expect(buttons.every((b) => b.tabIndex >= 0 && !b.hasAttribute("disabled"))).toBe(true);
    await click(buttons[0]);
    expect((onSelect.mock.calls[0][0] as Finding).cells).toEqual([
      { sheet: "Tabel 6", address: "C5" },
    ]);
    await click(buttons[1]);
    expect((onSelect.mock.calls[1][0] as Finding).municipality).toBe("Beekdaelen");
  });

  it("is not clickable outside Excel, where there are no cells to select", () => {
    renderPane(<FindingsView result={publishedResult()} accepted={new Map()} />);
    expect(allByRole("button")).toHaveLength(0);
  });

  it("accepts a finding only with a reason", async () => {
    const onAccept = jest.fn();
    const result = publishedResult();
    renderPane(<FindingsView result={result} accepted={new Map()} onAccept={onAccept} />);
    const group = byRole("region", /TOTALS-LINK/);
    await click(byRole("button", "Accepteren…", group));
    const save = byRole("button", "Opslaan in werkmap", group) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await type(byRole("textbox", undefined, group), "Tabel 2 begint pas in 2024");
    expect(save.disabled).toBe(false);
    await click(save);
    expect(onAccept).toHaveBeenCalledWith(
      result.findings.find((f) => f.rule === "TOTALS-LINK"),
      expect.objectContaining({ reason: "Tabel 2 begint pas in 2024" })
    );
  });

  it("shows accepted findings with their reason and leaves them out of the open count", () => {
    const result = publishedResult();
    const f = result.findings.find((x) => x.rule === "TOTALS-LINK")!;
    renderPane(
      <FindingsView
        result={result}
        accepted={new Map([[findingKey(f), { reason: "bekend", date: "2026-11-23" }]])}
      />
    );
    expect(byRole("status").textContent).toContain(
      `${result.findings.length - 1} open bevindingen`
    );
    expect(byText(/Geaccepteerd: bekend/)).toHaveLength(1);
  });

  it("offers the rounding fix where a finding carries one", async () => {
    const onFix = jest.fn();
    const result = publishedResult();
    renderPane(<FindingsView result={result} accepted={new Map()} onFix={onFix} />);
    const fixes = allByRole("button", "Afronding herstellen…");
    const withFix = result.findings.filter((f) => f.fix && f.fix.length > 0);
    expect(withFix.length).toBeGreaterThan(0);
    expect(fixes).toHaveLength(withFix.length);
    await click(fixes[0]);
    expect(onFix).toHaveBeenCalledWith(withFix[0]);
  });

  it("says clearly that a clean plan is consistent, in English when asked", () => {
    const result = publishedResult();
    renderPane(
      <FindingsView
        result={{ ...result, findings: [], summary: { error: 0, warning: 0, info: 0 } }}
        accepted={new Map()}
      />,
      "en"
    );
    const ran = result.rules.filter((r) => r.status !== "not-applicable").length;
    expect(byRole("status").textContent).toBe(
      `The plan is consistentAll ${ran} checks passed without findings.`
    );
  });
});
