/** @jest-environment jsdom */
import * as React from "react";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { checkPlan } from "../../src/core/check";
import { Finding, Plan } from "../../src/core/model";
import { plan2024 } from "../../src/core/plan2024";
import { findingKey } from "../../src/report/findings";
import { FindingsView, FindingsViewProps } from "../../src/taskpane/FindingsView";
import { renderPane } from "./render";

/** The published plan with cells, as if read from a workbook. */
function published(): { plan: Plan; result: ReturnType<typeof checkPlan> } {
  const plan = plan2024();
  plan.contributions!.rows.forEach((r, i) => {
    for (const [y, f] of r.values)
      f.cell = { sheet: "Tabel 6", address: `${"CDEFG"[y - 2023]}${i + 5}` };
  });
  plan.contributions!.total.values.get(2023)!.cell = { sheet: "Tabel 6", address: "C21" };
  return { plan, result: checkPlan(plan) };
}

function view(props: Partial<FindingsViewProps> = {}, lang: "nl" | "en" = "nl") {
  const { plan, result } = published();
  renderPane(<FindingsView plan={plan} result={result} accepted={new Map()} {...props} />, lang);
  return result;
}

/** The accordion header of the group whose title matches. */
const header = (title: RegExp) => screen.getByRole("button", { name: title });

async function expand(title: RegExp) {
  await userEvent.setup().click(header(title));
  // The group: its header and, once expanded, its panel.
  return header(title).closest(".fui-AccordionItem") as HTMLElement;
}

describe("FindingsView", () => {
  it("shows one collapsed line per cause, the cause's title in Dutch and its rule as a tag", () => {
    view();
    const headers = screen.getAllByRole("button").filter((b) => b.hasAttribute("aria-expanded"));
    expect(headers.map((h) => h.getAttribute("aria-expanded"))).toEqual([
      "false",
      "false",
      "false",
      "false",
    ]);
    expect(headers[0]).toHaveTextContent(
      "Fout16 bedragen van 2023 volgen uit de verkeerde totaalregelALLOC-LINK"
    );
    expect(headers[0]).toHaveTextContent(
      "Tabel 6, totaal 2023 · staat er € 2.033.528, moet € 1.874.278 zijn"
    );
    // Collapsed: not one finding is listed yet.
    expect(screen.queryAllByRole("listitem")).toHaveLength(0);
    expect(screen.getByRole("status")).toHaveTextContent(
      "31 open bevindingen22 fouten, 9 waarschuwingen in 4 groepen"
    );
  });

  it("lists the cause first and the 16 amounts that follow from it under it", async () => {
    view();
    const panel = await expand(/16 bedragen van 2023/);
    const items = within(panel).getAllByRole("listitem");
    expect(items).toHaveLength(17);
    expect(items[0]).toHaveTextContent("2023 · totaal · 'Tabel 6'!C21");
    expect(panel).toHaveTextContent(/Oorzaak.*Gevolgen \(16\)/);
    // 3,53% × € 1.874.278 = € 66.162,01; stated € 71.784.
    expect(items[1]).toHaveTextContent("2023 · Beek · 'Tabel 6'!C5");
    expect(items[1]).toHaveTextContent("Verwacht€ 66.162");
    expect(items[1]).toHaveTextContent("Staat er€ 71.784");
    expect(items[1]).toHaveTextContent("Verschil+€ 5.622");
  });

  it("keeps € with its amount when a line wraps", async () => {
    view();
    const panel = await expand(/16 bedragen van 2023/);
    expect(panel.textContent).toContain("€\u00a066.162");
    expect(panel.textContent).not.toMatch(/€ \d/);
  });

  it("selects a finding's cells on click and with the keyboard", async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    view({ onSelect });
    const panel = await expand(/16 bedragen van 2023/);
    const buttons = within(panel).getAllByRole("button", { name: /Beek/ });
    await user.click(buttons[0]);
    expect((onSelect.mock.calls[0][0] as Finding).cells).toEqual([
      { sheet: "Tabel 6", address: "C5" },
    ]);
    buttons[1].focus();
    await user.keyboard("{Enter}");
    expect((onSelect.mock.calls[1][0] as Finding).municipality).toBe("Beekdaelen");
  });

  it("has no finding buttons outside Excel, where there are no cells to select", async () => {
    view();
    const panel = await expand(/16 bedragen van 2023/);
    // Only the group's own header.
    expect(within(panel).queryAllByRole("button")).toHaveLength(1);
  });

  it("accepts a whole group with one reason", async () => {
    const user = userEvent.setup();
    const onAccept = jest.fn();
    const result = view({ onAccept });
    const panel = await expand(/16 bedragen van 2023/);
    await user.click(within(panel).getByRole("button", { name: "Alle 17 accepteren…" }));
    const save = within(panel).getByRole("button", { name: "Opslaan in werkmap" });
    expect(save).toBeDisabled();
    await user.type(within(panel).getAllByRole("textbox")[0], "Vorig plan, al gefactureerd");
    await user.click(save);
    expect(onAccept).toHaveBeenCalledTimes(1);
    const [list, acceptance] = onAccept.mock.calls[0];
    expect(acceptance.reason).toBe("Vorig plan, al gefactureerd");
    expect((list as Finding[]).map((f) => f.rule).sort()).toEqual(
      result.findings
        .filter((f) => f.year === 2023 && ["ALLOC-LINK", "ALLOC-AMOUNT"].includes(f.rule))
        .map((f) => f.rule)
        .sort()
    );
  });

  it("accepts a single finding only with a reason", async () => {
    const user = userEvent.setup();
    const onAccept = jest.fn();
    const result = view({ onAccept });
    const panel = await expand(/Tabel 4: 1 bedrag sluit niet aan/);
    await user.click(within(panel).getByRole("button", { name: "Accepteren…" }));
    await user.type(within(panel).getByRole("textbox"), "Tabel 2 begint pas in 2024");
    await user.click(within(panel).getByRole("button", { name: "Opslaan in werkmap" }));
    expect(onAccept).toHaveBeenCalledWith(
      [result.findings.find((f) => f.rule === "TOTALS-LINK")],
      expect.objectContaining({ reason: "Tabel 2 begint pas in 2024" })
    );
  });

  it("shows accepted findings with their reason and leaves them out of the open count", async () => {
    const { plan, result } = published();
    const f = result.findings.find((x) => x.rule === "TOTALS-LINK")!;
    renderPane(
      <FindingsView
        plan={plan}
        result={result}
        accepted={new Map([[findingKey(f), { reason: "bekend", date: "2026-11-23" }]])}
      />
    );
    expect(screen.getByRole("status")).toHaveTextContent("30 open bevindingen");
    expect(header(/Tabel 4: 1 bedrag/)).toHaveTextContent("1 geaccepteerd");
    await expand(/Tabel 4: 1 bedrag/);
    expect(screen.getByText(/Geaccepteerd: bekend/)).toBeInTheDocument();
  });

  it("says 1 open bevinding, not 1 bevindingen", () => {
    const { plan, result } = published();
    const one = result.findings.filter((f) => f.rule === "TOTALS-LINK");
    renderPane(
      <FindingsView
        plan={plan}
        result={{ ...result, findings: one, summary: { error: 0, warning: 1, info: 0 } }}
        accepted={new Map()}
      />
    );
    expect(screen.getByRole("status")).toHaveTextContent(
      "1 open bevinding1 waarschuwing in 1 groep;"
    );
  });

  it("offers the rounding fix where a finding carries one", async () => {
    const user = userEvent.setup();
    const onFix = jest.fn();
    const result = view({ onFix });
    const panel = await expand(/in 5 jaren tellen de afgeronde bedragen/);
    const fixes = within(panel).getAllByRole("button", { name: "Afronding herstellen…" });
    const withFix = result.findings.filter((f) => f.fix && f.fix.length > 0);
    expect(fixes).toHaveLength(withFix.length);
    await user.click(fixes[0]);
    expect(onFix).toHaveBeenCalledWith(withFix[0]);
  });

  it("narrows the groups by municipality, year and search, and says how many are shown", async () => {
    const user = userEvent.setup();
    view();
    await user.selectOptions(screen.getByLabelText("Gemeente"), "Vaals");
    expect(
      screen.getAllByRole("button").filter((b) => b.hasAttribute("aria-expanded"))
    ).toHaveLength(1);
    expect(screen.getByText("2 bevindingen van 31 getoond.")).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Gemeente"), "");
    await user.selectOptions(screen.getByLabelText("Jaar"), "2024");
    await user.type(screen.getByLabelText("Zoeken"), "wmo");
    expect(screen.getByText("1 bevinding van 31 getoond.")).toBeInTheDocument();
  });

  it("says clearly that a clean plan is consistent, in English when asked", () => {
    const { plan, result } = published();
    renderPane(
      <FindingsView
        plan={plan}
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
