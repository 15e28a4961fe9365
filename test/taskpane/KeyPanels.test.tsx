/** @jest-environment jsdom */
import * as React from "react";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { formatEuro, formatPercent } from "../../src/core/dutchNumber";
import { CostPool, Plan } from "../../src/core/model";
import { sum } from "../../src/core/money";
import { plan2024 } from "../../src/core/plan2024";
import { KeyPanels } from "../../src/taskpane/KeyPanels";
import { PoolPanels } from "../../src/taskpane/PoolPanels";
import { PooledSettlement } from "../../src/taskpane/settle/PooledSettlement";
import { mergedExample } from "../../src/workbook/poolsExample";
import { renderPane } from "./render";
import { runner } from "./settle/runner";

const pool = (plan: Plan, name: string): CostPool => plan.pools!.find((p) => p.name === name)!;
const panel = (name: string) => document.querySelector(`[data-pool="${name}"]`) as HTMLElement;
const shown = (s: string | null) => (s ?? "").replace(/\u00a0/g, " ");

describe("the key tab of a merged plan", () => {
  test("offers each cost pool; the SLA pool gets the key view with its own keys", () => {
    const plan = mergedExample();
    renderPane(<KeyPanels plan={plan} />);
    const choice = screen.getByRole("combobox", { name: "Kostenpool" });
    expect(
      within(choice)
        .getAllByRole("option")
        .map((o) => o.textContent)
    ).toEqual([
      `verwerving · ${pool(plan, "verwerving").title}`,
      "beleid · Dekking kosten regio-samenwerking",
    ]);
    const purchasing = panel("verwerving");
    expect(purchasing).toBeVisible();
    expect(panel("beleid")).not.toBeVisible();
    expect(within(purchasing).queryByText(/heeft geen sleutels/)).toBeNull();
    const heerlen = pool(plan, "verwerving").plan.contributions!.rows.find(
      (r) => r.municipality === "Heerlen"
    )!;
    expect(within(purchasing).getByTestId("current-Heerlen").textContent).toBe(
      formatPercent(heerlen.key!.value, 4).replace(/0{1,2}%$/, "%")
    );
    expect(within(purchasing).getByLabelText("Gelijk deel")).toBeInTheDocument();
  });

  test("the budget-share pool shows budgets, stated keys and budget shares, and no weights", async () => {
    const user = userEvent.setup();
    const plan = mergedExample();
    renderPane(<KeyPanels plan={plan} />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Kostenpool" }), "beleid");
    const policy = panel("beleid");
    expect(policy).toBeVisible();
    expect(panel("verwerving")).not.toBeVisible();
    expect(within(policy).queryByLabelText("Gelijk deel")).toBeNull();
    expect(policy).toHaveTextContent(/Kostenpool beleid verdeelt naar het aandeel/);
    const rows = pool(plan, "beleid").plan.contributions!.rows.filter((r) => r.municipality);
    const total = sum(rows.map((r) => r.budget!.value));
    const table = within(policy).getByRole("table", {
      name: "Sleutels en budgetten (Dekking kosten regio-samenwerking)",
    });
    expect(within(table).getAllByRole("row")).toHaveLength(rows.length + 1);
    for (const r of rows) {
      const m = r.municipality!;
      const share = r.budget!.value.div(total);
      expect(within(table).getByTestId(`share-${m}`).textContent).toBe(formatPercent(share, 4));
      const cells = within(within(table).getByRole("rowheader", { name: m }).closest("tr")!)
        .getAllByRole("cell")
        .map((c) => shown(c.textContent));
      expect(cells[0]).toBe(shown(formatEuro(r.budget!.value)));
    }
  });

  test("what is typed in one pool's view is still there after looking at the other", async () => {
    const user = userEvent.setup();
    renderPane(<KeyPanels plan={mergedExample()} />);
    const weight = within(panel("verwerving")).getByLabelText("Gelijk deel");
    await user.clear(weight);
    await user.type(weight, "40");
    const choice = screen.getByRole("combobox", { name: "Kostenpool" });
    await user.selectOptions(choice, "beleid");
    await user.selectOptions(choice, "verwerving");
    expect(within(panel("verwerving")).getByLabelText("Gelijk deel")).toHaveValue("40");
  });

  test("a plan of one pool gets its key view and no choice of pool", () => {
    renderPane(<KeyPanels plan={plan2024()} />);
    expect(screen.queryByRole("combobox", { name: "Kostenpool" })).toBeNull();
    expect(screen.getByLabelText("Gelijk deel")).toBeInTheDocument();
  });
});

describe("PoolPanels' report", () => {
  /** A pool's panel that puts something in the report, or takes it out, on a click. */
  function Reporting({ name, report }: { name: string; report?: (v: string | null) => void }) {
    return (
      <>
        <button onClick={() => report?.(name)}>{`in ${name}`}</button>
        <button onClick={() => report?.(null)}>{`uit ${name}`}</button>
      </>
    );
  }

  function twoSlaPools(): Plan {
    const a = mergedExample();
    const sla = pool(a, "verwerving");
    return { ...a, pools: [sla, { ...sla, name: "tweede", title: "Tweede pool" }] };
  }

  test("a panel taking nothing out does not clear what another panel put in", async () => {
    const user = userEvent.setup();
    const onReport = jest.fn();
    renderPane(
      <PoolPanels<string> plan={twoSlaPools()} onReport={onReport}>
        {(p, report) => <Reporting name={p.name} report={report} />}
      </PoolPanels>
    );
    await user.click(screen.getByRole("button", { name: "in verwerving" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Kostenpool" }), "tweede");
    await user.click(screen.getByRole("button", { name: "uit tweede" }));
    expect(onReport.mock.calls).toEqual([["verwerving"]]);
    await user.click(screen.getByRole("button", { name: "in tweede" }));
    await user.click(screen.getByRole("button", { name: "uit tweede" }));
    expect(onReport.mock.calls).toEqual([["verwerving"], ["tweede"], [null]]);
  });
});

describe("the settlement tab of a merged plan", () => {
  test("settles the chosen pool against its own advances, a cent pool to the cent", async () => {
    const user = userEvent.setup();
    const plan = mergedExample();
    const onSettlement = jest.fn();
    renderPane(<PooledSettlement plan={plan} run={runner().run} onSettlement={onSettlement} />);
    expect(screen.queryByText(/heeft geen Tabel 6/)).toBeNull();
    await user.selectOptions(screen.getByRole("combobox", { name: "Kostenpool" }), "beleid");
    const policy = panel("beleid");
    expect(policy).toHaveTextContent(
      "De bedragen in Dekking kosten regio-samenwerking waren voorschotten."
    );
    expect(panel("verwerving")).toHaveTextContent("De bedragen in Tabel 6 waren voorschotten.");
    const year = pool(plan, "beleid").plan.contributions!.years[0];
    await user.selectOptions(within(policy).getByRole("combobox", { name: "Jaar" }), String(year));
    await user.type(
      within(policy).getByRole("textbox", { name: /Werkelijke kosten/ }),
      "1.000.000"
    );
    const last = onSettlement.mock.calls[onSettlement.mock.calls.length - 1][0];
    expect(last.settlement.plan.title).toBe(pool(plan, "beleid").plan.title);
    expect(last.settlement.totals.final.toNumber()).toBe(1000000);
    // Distributed to the cent: some final contribution has cents.
    expect(
      last.settlement.rows.some(
        (r: { final: { decimalPlaces(): number } }) => r.final.decimalPlaces() > 0
      )
    ).toBe(true);
  });
});
