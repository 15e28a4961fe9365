/** @jest-environment jsdom */
import * as React from "react";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { checkPlan } from "../../src/core/check";
import { Finding } from "../../src/core/model";
import { plan2024 } from "../../src/core/plan2024";
import { findingKey } from "../../src/report/findings";
import { FindingsView } from "../../src/taskpane/FindingsView";
import { renderPane } from "./render";

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
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    const expected = new Set(result.findings.map((f) => `${f.table} · ${f.rule}`));
    expect(headings).toHaveLength(expected.size);
    expect(headings.filter((h) => h?.includes("Tabel 6 · ALLOC-AMOUNT (16)"))).toHaveLength(1);
    expect(screen.getByRole("status")).toHaveTextContent(
      `${result.findings.length} open bevindingen`
    );
  });

  it("shows year, municipality, cell, expected, actual and difference of a finding", () => {
    renderPane(<FindingsView result={publishedResult()} accepted={new Map()} />);
    const group = screen.getByRole("region", { name: /ALLOC-AMOUNT/ });
    const beek = within(group).getAllByRole("listitem")[0];
    // 3,53% × € 1.874.278 = € 66.162,01; stated € 71.784.
    expect(beek).toHaveTextContent("2023 · Beek · 'Tabel 6'!C5");
    expect(beek).toHaveTextContent("Verwacht€ 66.162");
    expect(beek).toHaveTextContent("Staat er€ 71.784");
    expect(beek).toHaveTextContent("Verschil€ 5.622");
  });

  it("selects a finding's cells on click and with the keyboard", async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    renderPane(
      <FindingsView result={publishedResult()} accepted={new Map()} onSelect={onSelect} />
    );
    const group = screen.getByRole("region", { name: /ALLOC-AMOUNT/ });
    const buttons = within(group).getAllByRole("button", { name: /Beek/ });
    await user.click(buttons[0]);
    expect((onSelect.mock.calls[0][0] as Finding).cells).toEqual([
      { sheet: "Tabel 6", address: "C5" },
    ]);
    await user.tab();
    expect(buttons[1]).toHaveFocus();
    await user.keyboard("{Enter}");
    expect((onSelect.mock.calls[1][0] as Finding).municipality).toBe("Beekdaelen");
    await user.tab();
    await user.keyboard(" ");
    expect((onSelect.mock.calls[2][0] as Finding).municipality).toBe("Brunssum");
  });

  it("is not clickable outside Excel, where there are no cells to select", () => {
    renderPane(<FindingsView result={publishedResult()} accepted={new Map()} />);
    expect(screen.queryAllByRole("button")).toHaveLength(0);
  });

  it("accepts a finding only with a reason", async () => {
    const user = userEvent.setup();
    const onAccept = jest.fn();
    const result = publishedResult();
    renderPane(<FindingsView result={result} accepted={new Map()} onAccept={onAccept} />);
    const group = screen.getByRole("region", { name: /TOTALS-LINK/ });
    await user.click(within(group).getByRole("button", { name: "Accepteren…" }));
    const save = within(group).getByRole("button", { name: "Opslaan in werkmap" });
    expect(save).toBeDisabled();
    await user.type(within(group).getByRole("textbox"), "Tabel 2 begint pas in 2024");
    expect(save).toBeEnabled();
    await user.click(save);
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
    expect(screen.getByRole("status")).toHaveTextContent(
      `${result.findings.length - 1} open bevindingen`
    );
    expect(screen.getByText(/Geaccepteerd: bekend/)).toBeInTheDocument();
  });

  it("offers the rounding fix where a finding carries one", async () => {
    const user = userEvent.setup();
    const onFix = jest.fn();
    const result = publishedResult();
    renderPane(<FindingsView result={result} accepted={new Map()} onFix={onFix} />);
    const fixes = screen.getAllByRole("button", { name: "Afronding herstellen…" });
    const withFix = result.findings.filter((f) => f.fix && f.fix.length > 0);
    expect(withFix.length).toBeGreaterThan(0);
    expect(fixes).toHaveLength(withFix.length);
    await user.click(fixes[0]);
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
    expect(screen.getByRole("status")).toHaveTextContent(
      `The plan is consistentAll ${ran} checks passed without findings.`
    );
  });
});
