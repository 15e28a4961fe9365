/** @jest-environment jsdom */
import * as React from "react";
import { DEFAULT_WEIGHTS } from "../../src/core/distributionKey";
import { Figure, Plan } from "../../src/core/model";
import { D } from "../../src/core/money";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { plan2024 } from "../../src/core/plan2024";
import { KeyView } from "../../src/taskpane/KeyView";
import { readDutchNumber } from "../../src/core/dutchNumber";
import type { Report } from "../../src/report/report";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { roundedKeysPlan } from "../support/roundedKeysPlan";
import { renderPane } from "./render";
import { runner } from "./settle/runner";

const fig = (n: number): Figure => ({ value: new D(n) });

/** Every municipality counts 10 allocations and 10 claims; only Maastricht has young people. */
function planWithComponents(): Plan {
  const plan = plan2024();
  plan.contributions!.rows.forEach((r, i) => {
    r.key!.cell = { sheet: "Tabel 6", address: `B${i + 5}` };
    for (const [y, f] of r.values)
      f.cell = { sheet: "Tabel 6", address: `${"CDEFG"[y - 2023]}${i + 5}` };
  });
  plan.keyComponents = {
    components: ["jongeren", "toekenningen", "declaraties"],
    weights: new Map(DEFAULT_WEIGHTS),
    rows: MUNICIPALITIES.map((m) => ({
      municipality: m,
      label: m,
      values: new Map([
        ["jongeren", fig(m === "Maastricht" ? 1000 : 0)],
        ["toekenningen", fig(10)],
        ["declaraties", fig(10)],
      ]),
    })),
  };
  return plan;
}

const keyOf = (m: string) => screen.queryByTestId(`key-${m}`)?.textContent;

describe("KeyView", () => {
  it("recomputes the keys from the components with the weights 25/25/25/25", () => {
    renderPane(<KeyView plan={planWithComponents()} />);
    // Maastricht: 25/16 + 25 + 25/16 + 25/16 = 29,6875%; the others 3 × 25/16 = 4,6875%.
    expect(keyOf("Maastricht")).toBe("29,6875%");
    expect(keyOf("Beek")).toBe("4,6875%");
  });

  it("changes the keys when a weight changes, and refuses weights that do not total 100", async () => {
    const user = userEvent.setup();
    renderPane(<KeyView plan={planWithComponents()} />);
    await user.clear(screen.getByLabelText("Gelijk deel"));
    await user.type(screen.getByLabelText("Gelijk deel"), "40");
    expect(screen.getByRole("status")).toHaveTextContent("Totaal: 115% — moet 100% zijn");
    expect(screen.getByText("De wegingen tellen op tot 115%, niet tot 100%")).toBeInTheDocument();
    expect(keyOf("Beek")).toBeUndefined();
    await user.clear(screen.getByLabelText("Jongeren < 20"));
    await user.type(screen.getByLabelText("Jongeren < 20"), "10");
    // Beek: 40/16 + 0 + 25/16 + 25/16 = 5,625%; Maastricht: 2,5 + 10 + 1,5625 + 1,5625 = 15,625%.
    expect(screen.getByRole("status")).toHaveTextContent(/^Totaal: 100%$/);
    expect(keyOf("Beek")).toBe("5,6250%");
    expect(keyOf("Maastricht")).toBe("15,6250%");
  });

  it("shows the amounts of a chosen year now and recomputed", async () => {
    const user = userEvent.setup();
    renderPane(<KeyView plan={planWithComponents()} />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Jaar" }), "2025");
    const table = screen.getByRole("table", { name: "Bedragen 2025" });
    const beek = within(table).getByRole("row", { name: /^Beek / });
    // 4,6875% of € 2.183.425 = € 102.348,05 → € 102.348 (largest remainder leaves it down).
    expect(
      within(beek)
        .getAllByRole("cell")
        .map((c) => c.textContent)
    ).toEqual(["€\u00a077.075", "€\u00a0102.348", "+€\u00a025.273"]);
  });

  it("lets the user fill in components the plan lacks", async () => {
    const user = userEvent.setup();
    const plan = plan2024();
    renderPane(<KeyView plan={plan} />);
    expect(screen.getByText(/Vul de sleutelcomponenten/)).toBeInTheDocument();
    for (const m of MUNICIPALITIES) {
      for (const c of ["Jongeren < 20", "Toekenningen", "Declaraties"])
        await user.type(screen.getByLabelText(`${c} ${m}`), m === "Vaals" ? "30" : "10");
    }
    // Vaals: 25/16 + 3 × 25 × 30/180 = 1,5625 + 12,5 = 14,0625%.
    expect(keyOf("Vaals")).toBe("14,0625%");
    await user.clear(screen.getByLabelText("Declaraties Beek"));
    await user.type(screen.getByLabelText("Declaraties Beek"), "tien");
    expect(screen.getByText("Declaraties van Beek: 'tien' is geen aantal")).toBeInTheDocument();
  });

  it("offers the recomputed keys and amounts for writing, only the cells that change", async () => {
    const user = userEvent.setup();
    const onApply = jest.fn();
    renderPane(<KeyView plan={planWithComponents()} onApply={onApply} />);
    await user.click(screen.getByRole("button", { name: "Toepassen…" }));
    // 3,53% → 4,6875% is a third more: the pane asks first, in words.
    expect(onApply).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Toch doorgaan naar het voorbeeld" }));
    const [, writes, preview] = onApply.mock.calls[0];
    const beekKey = writes.find((w: { cell: { address: string } }) => w.cell.address === "B5");
    expect(beekKey.value).toBeCloseTo(0.046875, 12);
    expect(writes).toHaveLength(16 + 16 * 5);
    expect(preview[0]).toEqual({
      where: "Beek sleutel ('Tabel 6'!B5)",
      from: "3,53%",
      to: "4,6875%",
    });
  });

  it("refuses weights that are not numbers or negative, field by field", async () => {
    const user = userEvent.setup();
    renderPane(<KeyView plan={planWithComponents()} />);
    await user.clear(screen.getByLabelText("Gelijk deel"));
    await user.type(screen.getByLabelText("Gelijk deel"), "abc");
    await user.clear(screen.getByLabelText("Declaraties"));
    await user.type(screen.getByLabelText("Declaraties"), "-10");
    expect(screen.getByText("'abc' is geen getal")).toBeInTheDocument();
    expect(screen.getByText("Een weging kan niet negatief zijn")).toBeInTheDocument();
    expect(screen.getByLabelText("Gelijk deel")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Declaraties")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Toekenningen")).not.toHaveAttribute("aria-invalid", "true");
    // Nothing is computed from weights like these.
    expect(keyOf("Beek")).toBeUndefined();
  });

  it("names a weight change a scenario, with its weights, until it is undone", async () => {
    const user = userEvent.setup();
    renderPane(<KeyView plan={planWithComponents()} />);
    expect(screen.getByTestId("current-Beek")).toHaveTextContent("3,53%");
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
    await user.clear(screen.getByLabelText("Gelijk deel"));
    await user.type(screen.getByLabelText("Gelijk deel"), "40");
    await user.clear(screen.getByLabelText("Jongeren < 20"));
    await user.type(screen.getByLabelText("Jongeren < 20"), "10");
    expect(screen.getByRole("note")).toHaveTextContent(
      "Wegingen gelijk deel 40%, jongeren < 20 10%, toekenningen 25%, declaraties 25%, niet die van het plan"
    );
    expect(screen.getByRole("heading", { name: "Sleutels in dit scenario" })).toBeInTheDocument();
    // The current keys stay first and unchanged.
    expect(screen.getByTestId("current-Beek")).toHaveTextContent("3,53%");
    await user.click(screen.getByRole("button", { name: "Terug naar de wegingen van het plan" }));
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
    expect(keyOf("Beek")).toBe("4,6875%");
  });

  it("asks, with the consequence in words, before applying weights that flatten every key", async () => {
    const user = userEvent.setup();
    const onApply = jest.fn();
    renderPane(<KeyView plan={plan2024WithCells()} onApply={onApply} />);
    for (const [c, w] of [
      ["Gelijk deel", "100"],
      ["Jongeren < 20", "0"],
      ["Toekenningen", "0"],
      ["Declaraties", "0"],
    ]) {
      await user.clear(screen.getByLabelText(c, { exact: true }));
      await user.type(screen.getByLabelText(c, { exact: true }), w);
    }
    expect(keyOf("Heerlen")).toBe("6,2500%");
    await user.click(screen.getByRole("button", { name: "Scenario toepassen…" }));
    const question = screen.getByRole("alertdialog");
    expect(question).toHaveTextContent("Alle sleutels worden gelijk");
    expect(question).toHaveTextContent(
      "Alle 16 sleutels worden gelijk (6,2500%): elke gemeente betaalt hetzelfde"
    );
    // Maastricht moves most: 16,43% → 6,25%.
    expect(question).toHaveTextContent("Grootste wijzigingen: Maastricht 16,43% → 6,2500%");
    expect(question).toHaveTextContent("96 cellen van Tabel 6 worden overschreven.");
    expect(onApply).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Annuleren" }));
    expect(onApply).not.toHaveBeenCalled();
  });

  it("gives the report a key table only when asked, and then with its weights", async () => {
    const user = userEvent.setup();
    const onComparison = jest.fn();
    renderPane(<KeyView plan={planWithComponents()} onComparison={onComparison} />);
    expect(onComparison).toHaveBeenLastCalledWith(null);
    await user.clear(screen.getByLabelText("Gelijk deel"));
    await user.type(screen.getByLabelText("Gelijk deel"), "40");
    await user.clear(screen.getByLabelText("Jongeren < 20"));
    await user.type(screen.getByLabelText("Jongeren < 20"), "10");
    expect(onComparison).toHaveBeenLastCalledWith(null);
    await user.click(screen.getByRole("checkbox", { name: /Dit scenario in het verslag opnemen/ }));
    const table = onComparison.mock.calls.at(-1)[0];
    expect([...table.weights].map(([c, w]) => [c, w.toString()])).toEqual([
      ["gelijk", "40"],
      ["jongeren", "10"],
      ["toekenningen", "25"],
      ["declaraties", "25"],
    ]);
  });
});

/** The published plan with its Tabel 6 cells, and no key components. */
function plan2024WithCells(): Plan {
  const plan = plan2024();
  plan.contributions!.rows.forEach((r, i) => {
    r.key!.cell = { sheet: "Tabel 6", address: `B${i + 5}` };
    for (const [y, f] of r.values)
      f.cell = { sheet: "Tabel 6", address: `${"CDEFG"[y - 2023]}${i + 5}` };
  });
  return plan;
}

describe("KeyView: the key table in whole euros", () => {
  const euros = (el: HTMLElement) =>
    within(el)
      .getAllByRole("cell")
      .map((c) => readDutchNumber((c.textContent ?? "").replace(/\u00a0/g, " "))!.value.toNumber());
  const open = async (user: ReturnType<typeof userEvent.setup>) => {
    await user.selectOptions(screen.getByRole("combobox", { name: "Jaar" }), "2025");
    await user.click(
      screen.getByText("Sleuteltabel in hele euro's (herberekening verdeelsleutel)")
    );
    return screen.getByRole("table", { name: "Sleuteltabel in hele euro's" });
  };

  it("distributes the year's total: rows add up to the contributions, columns to the parts", async () => {
    const user = userEvent.setup();
    renderPane(<KeyView plan={planWithComponents()} />);
    const table = await open(user);
    expect(screen.getByText(/uit Tabel 4, 2025/)).toBeInTheDocument();
    const amounts = within(screen.getByRole("table", { name: "Bedragen 2025" }));
    for (const m of MUNICIPALITIES) {
      const row = euros(within(table).getByRole("row", { name: new RegExp(`^${m} `) }));
      // gelijk + jongeren + toekenningen + declaraties = the contribution, as "Bedragen" has it.
      expect(row[0] + row[1] + row[2] + row[3]).toBe(row[4]);
      const recomputed = euros(amounts.getByRole("row", { name: new RegExp(`^${m} `) }))[1];
      expect(row[4]).toBe(recomputed);
    }
    const total = euros(within(table).getByRole("row", { name: /^Totaal / }));
    // € 2.183.425 × 25% = 545.856,25 per component: parts of 545.856 or 545.857 adding up.
    expect(total[4]).toBe(2183425);
    expect(total.slice(0, 4).every((p) => p === 545856 || p === 545857)).toBe(true);
    expect(total[0] + total[1] + total[2] + total[3]).toBe(2183425);
    // No Excel, no insert.
    expect(screen.queryByRole("button", { name: "Als blad invoegen…" })).toBeNull();
  });

  it("takes a typed total, and refuses one that is not whole euros", async () => {
    const user = userEvent.setup();
    renderPane(<KeyView plan={planWithComponents()} />);
    const table = await open(user);
    const field = screen.getByRole("textbox", { name: /Te verdelen/ });
    expect(euros(within(table).getByRole("row", { name: /^Totaal / }))[4]).toBe(2183425);
    await user.type(field, "1.000.000");
    // "1.000." on the way is no amount: the table went and came back.
    const typed = screen.getByRole("table", { name: "Sleuteltabel in hele euro's" });
    expect(euros(within(typed).getByRole("row", { name: /^Totaal / }))[4]).toBe(1000000);
    // Maastricht 29,6875% of € 1.000.000 = € 296.875 exactly.
    expect(screen.getByTestId("keytable-Maastricht").textContent).toBe("€\u00a0296.875");
    await user.clear(field);
    await user.type(field, "12,5");
    expect(screen.getByText(/'12,5' is geen bedrag in hele euro's/)).toBeInTheDocument();
    expect(screen.queryByRole("table", { name: "Sleuteltabel in hele euro's" })).toBeNull();
  });

  const inExcel = async () => {
    const user = userEvent.setup();
    const insertSheet = jest.fn(async () => "Sleuteltabel 2025 (2)");
    const { run, errors } = runner();
    renderPane(<KeyView plan={planWithComponents()} run={run} insertSheet={insertSheet} />);
    await open(user);
    await user.click(screen.getByRole("button", { name: "Als blad invoegen…" }));
    const dialog = await screen.findByRole("dialog", {}, { timeout: 10_000 });
    return { user, insertSheet, errors, dialog };
  };

  it("in Excel: a preview of the new sheet first, and a cancel inserts nothing", async () => {
    const { user, insertSheet, dialog } = await inExcel();
    expect(dialog).toHaveTextContent('UP voegt een nieuw blad "Sleuteltabel 2025" toe');
    // Maastricht: shares 6,25% / 100% / 6,25% / 6,25%, key 29,6875%; 29,6875% × € 2.183.425 =
    // € 648.204,8 → € 648.205, of which young people 25% × € 2.183.425 rounded up: € 545.857.
    expect(within(dialog).getByRole("region", { name: "Inhoud van het blad" })).toHaveTextContent(
      /Maastricht6,2500%100,0000%6,2500%6,2500%29,6875%€ 34.116€ 545.857€ 34.116€ 34.116€ 648.205/
    );
    await user.click(within(dialog).getByRole("button", { name: "Annuleren" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull(), { timeout: 10_000 });
    expect(insertSheet).not.toHaveBeenCalled();
  });

  it("in Excel: the preview's yes inserts the sheet and says under which name", async () => {
    const { user, insertSheet, errors, dialog } = await inExcel();
    expect(insertSheet).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole("button", { name: "Blad invoegen" }));
    await waitFor(() => expect(insertSheet).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    const [report, label] = insertSheet.mock.calls[0] as unknown as [Report, string];
    expect(report.sheets.map((x) => x.name)).toEqual(["Sleuteltabel 2025"]);
    expect(label).toBe("Sleuteltabel 2025 ingevoegd");
    expect(
      await screen.findByText(/Blad "Sleuteltabel 2025 \(2\)" ingevoegd/, {}, { timeout: 10_000 })
    ).toBeInTheDocument();
    expect(errors).toEqual([]);
  });
});

test("KeyView says which key the amounts are computed with when Tabel 6 shows it rounded", () => {
  renderPane(<KeyView plan={roundedKeysPlan()} />);
  expect(
    screen.getByText(
      "De verdeelsleutels staan afgerond in Tabel 6; gerekend is met de preciezere sleutels die de bedragen van 2025–2028 geven (bijv. Beek: 5,0616% in plaats van 5,06%)"
    )
  ).toBeInTheDocument();
});
