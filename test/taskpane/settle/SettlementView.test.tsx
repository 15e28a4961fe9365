/** @jest-environment jsdom */
import * as React from "react";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { D } from "../../../src/core/money";
import { MUNICIPALITIES } from "../../../src/core/municipalities";
import { plan2024 } from "../../../src/core/plan2024";
import { settle } from "../../../src/core/settle";
import type { Report } from "../../../src/report/report";
import { SettlementView, SettlementViewProps } from "../../../src/taskpane/settle/SettlementView";
import { renderPane } from "../render";
import { runner } from "./runner";

function view(props: Partial<SettlementViewProps> = {}) {
  const r = runner();
  const onSettlement = jest.fn();
  renderPane(
    <SettlementView plan={plan2024()} run={r.run} onSettlement={onSettlement} {...props} />,
    "nl"
  );
  return { ...r, onSettlement, user: userEvent.setup() };
}

const amount = (m: string) => screen.getByTestId(`settlement-${m}`).textContent;

describe("SettlementView", () => {
  it("settles the typed actual costs against the Tabel 6 advances with the provisional key", async () => {
    const { user, onSettlement } = view();
    expect(screen.getByText(/Vul de werkelijke kosten van 2024 in/)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: "Jaar" }), "2025");
    await user.type(screen.getByRole("textbox", { name: /Werkelijke kosten/ }), "2.250.000");
    const expected = settle(plan2024(), 2025, new D(2250000));
    for (const r of expected.rows) {
      expect(amount(r.municipality)).toBe(
        `${r.settlement.isPositive() && !r.settlement.isZero() ? "+" : ""}€ ${r.settlement.abs().toNumber().toLocaleString("nl-NL")}`
      );
    }
    expect(screen.getByText(/samen betalen de gemeenten € 66\.574 bij/)).toBeInTheDocument();
    expect(screen.getByTestId("explanation-Heerlen")).toHaveTextContent(
      "Heerlen betaalt € 7.969 bij, doordat de werkelijke kosten hoger waren."
    );
    const last = onSettlement.mock.calls[onSettlement.mock.calls.length - 1][0];
    expect(last.settlement.totals.final.toNumber()).toBe(2250000);
    expect(last.source.actual.nl).toBe("ingetypt");
  });

  it("reads the actual costs from the selected cell and the final components from the selected range", async () => {
    const ranges = [
      { address: "Jaarrekening!C9", values: [[2250000]] },
      {
        address: "'Definitief 2024'!A1:D17",
        values: [
          ["gemeente", "jongeren", "toekenningen", "declaraties"],
          ...MUNICIPALITIES.map((m) => [m, m === "Heerlen" ? 200 : 100, 10, 10]),
        ],
      },
    ];
    const readSelection = jest.fn(async () => ranges.shift()!);
    const { user, onSettlement } = view({ readSelection });
    await user.selectOptions(screen.getByRole("combobox", { name: "Jaar" }), "2025");
    await user.click(screen.getByRole("button", { name: "Uit geselecteerde cel" }));
    expect(await screen.findByDisplayValue("2.250.000")).toBeInTheDocument();
    expect(screen.getByText("uit cel Jaarrekening!C9")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Uit geselecteerd bereik" }));
    expect(
      await screen.findByText("componenten uit 'Definitief 2024'!A1:D17 (16 gemeenten)")
    ).toBeInTheDocument();
    // Heerlen has twice the young people: a key effect in its favour of the others.
    expect(screen.getByTestId("explanation-Heerlen")).toHaveTextContent(
      /doordat de definitieve sleutel (hoger|lager) is/
    );
    const last = onSettlement.mock.calls[onSettlement.mock.calls.length - 1][0];
    expect(last.settlement.finalKeySource).toBe("components");
    expect(last.source.actual.nl).toBe("uit cel Jaarrekening!C9");
    await user.click(screen.getByRole("button", { name: "Voorlopige sleutel" }));
    expect(screen.getByText(/Nog geen definitieve componenten/)).toBeInTheDocument();
  });

  it("shows the sheet in a preview first, and a cancel inserts nothing", async () => {
    const insertSheet = jest.fn(async () => "Afrekening 2025");
    const { user } = view({ insertSheet, readSelection: jest.fn() });
    await user.selectOptions(screen.getByRole("combobox", { name: "Jaar" }), "2025");
    await user.type(screen.getByRole("textbox", { name: /Werkelijke kosten/ }), "2250000");
    await user.click(screen.getByRole("button", { name: "Als blad invoegen…" }));
    const dialog = await screen.findByRole("dialog", {}, { timeout: 10_000 });
    expect(dialog).toHaveTextContent('UP voegt een nieuw blad "Afrekening 2025" toe');
    expect(within(dialog).getByRole("region", { name: "Inhoud van het blad" })).toHaveTextContent(
      "Heerlen€ 261.356€ 269.325+€ 7.969"
    );
    expect(insertSheet).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole("button", { name: "Annuleren" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull(), { timeout: 10_000 });
    expect(insertSheet).not.toHaveBeenCalled();
  });

  it("inserts the settlement as a sheet after the preview's yes", async () => {
    const insertSheet = jest.fn(async () => "Afrekening 2025");
    const { user } = view({ insertSheet, readSelection: jest.fn() });
    await user.selectOptions(screen.getByRole("combobox", { name: "Jaar" }), "2025");
    await user.type(screen.getByRole("textbox", { name: /Werkelijke kosten/ }), "2250000");
    await user.click(screen.getByRole("button", { name: "Als blad invoegen…" }));
    const dialog = await screen.findByRole("dialog", {}, { timeout: 10_000 });
    expect(insertSheet).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole("button", { name: "Blad invoegen" }));
    await waitFor(() => expect(insertSheet).toHaveBeenCalledTimes(1));
    const [report, label] = insertSheet.mock.calls[0] as unknown as [Report, string];
    expect(report.sheets.map((x) => x.name)).toEqual(["Afrekening 2025"]);
    expect(label).toBe("Afrekening 2025 ingevoegd");
    expect(await screen.findByText(/Blad "Afrekening 2025" ingevoegd/)).toBeInTheDocument();
  });

  it("has no insert button outside Excel", async () => {
    const { user } = view();
    await user.type(screen.getByRole("textbox", { name: /Werkelijke kosten/ }), "1");
    expect(screen.queryByRole("button", { name: "Als blad invoegen…" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Uit geselecteerde cel" })).toBeNull();
  });
});
