/** @jest-environment jsdom */
import * as React from "react";
import { screen, within } from "@testing-library/react";
import "@testing-library/jest-dom";
import { roundedKeysPlan } from "../support/roundedKeysPlan";
import { formatEuro } from "../../src/core/dutchNumber";
import { plan2024 } from "../../src/core/plan2024";
import { poolContribution } from "../../src/core/query";
import { LoadedPlan } from "../../src/taskpane/host";
import { PlanView } from "../../src/taskpane/PlanView";
import { mergedExample } from "../../src/workbook/poolsExample";
import { renderPane } from "./render";

function loaded(plan = mergedExample()): LoadedPlan {
  return {
    plan,
    remarks: [],
    looked: [],
    formulaSource: "workbook",
    workbookName: "samengevoegd.xlsx",
    accepted: new Map(),
  };
}

/** The text of a cell as the pane writes it: "€" kept with its amount by a no-break space. */
const shown = (text: string | null) => (text ?? "").replace(/\u00a0/g, " ");

describe("the plan view of a merged plan", () => {
  test("names each cost pool with its method and unit, and its tables", () => {
    renderPane(<PlanView loaded={loaded()} />);
    expect(
      screen.getByRole("heading", { name: "Kostenpool beleid · Dekking kosten regio-samenwerking" })
    ).toBeTruthy();
    expect(screen.getByText("verdeeld naar budgetaandeel, in centen")).toBeTruthy();
    expect(screen.getByText("verdeeld met de SLA-sleutel, in hele euro's")).toBeTruthy();
  });

  test("lists each pool's tables by the names the plan gives them: the policy pool's own title, no kind said twice", () => {
    renderPane(<PlanView loaded={loaded()} />);
    const policy = screen.getByRole("heading", { name: /^Kostenpool beleid/ }).nextElementSibling!
      .nextElementSibling as HTMLElement;
    const items = within(policy)
      .getAllByRole("listitem")
      .map((li) => shown(li.textContent).replace(/:.*/, ""));
    expect(items).toEqual(["Dekking kosten regio-samenwerking", "Begroting"]);
    const purchasing = screen.getByRole("heading", { name: /^Kostenpool verwerving/ })
      .nextElementSibling!.nextElementSibling as HTMLElement;
    const names = within(purchasing)
      .getAllByRole("listitem")
      .map((li) => shown(li.textContent).replace(/:.*/, ""));
    expect(names).toContain("Tabel 6 Uitvoeringskosten per gemeente");
    expect(names).toContain("Herberekening verdeelsleutel");
  });

  test("per municipality the total over the pools per year, as =UP.BIJDRAGE without a pool", () => {
    const plan = mergedExample();
    renderPane(<PlanView loaded={loaded(plan)} />);
    const table = screen.getByRole("table", { name: "Bijdrage per gemeente over de kostenpools" });
    const header = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(header).toEqual(["Gemeente", "2025", "2026", "2027"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(17);
    plan.municipalities.forEach((m, i) => {
      expect(within(rows[i]).getByRole("rowheader").textContent).toBe(m);
      const cells = within(rows[i])
        .getAllByRole("cell")
        .map((c) => shown(c.textContent));
      expect(cells).toEqual(
        [2025, 2026, 2027].map((y) =>
          formatEuro(poolContribution(plan, m, y), true).replace(/\u00a0/g, " ")
        )
      );
    });
    // Heerlen 2025: € 261.356 purchasing + € 61.337,43 policy.
    expect(shown(within(rows[5]).getAllByRole("cell")[0].textContent)).toBe("€ 322.693,43");
    expect(shown(within(rows[16]).getAllByRole("cell")[0].textContent)).toBe("€ 2.596.025,00");
  });

  test("a plan of one pool shows its tables as before, and no pools", () => {
    renderPane(<PlanView loaded={loaded(plan2024())} />);
    expect(screen.getByRole("heading", { name: "Tabellen" })).toBeTruthy();
    expect(screen.queryByRole("table", { name: /over de kostenpools/ })).toBeNull();
    expect(screen.queryByText(/Kostenpool/)).toBeNull();
  });
});

describe("the plan view's key note", () => {
  test("the plan view says when the key computed with is more precise than Tabel 6 shows", () => {
    renderPane(<PlanView loaded={loaded(roundedKeysPlan())} />);
    expect(screen.getByTestId("plan-key-note")).toHaveTextContent(
      "De verdeelsleutels staan afgerond in Tabel 6; gerekend is met de preciezere sleutels die de bedragen van 2025–2028 geven (bijv. Beek: 5,0616% in plaats van 5,06%)"
    );
  });

  test("in English, and nothing for keys used as shown", () => {
    renderPane(<PlanView loaded={loaded(roundedKeysPlan({ keyCells: "full" }))} />, "en");
    expect(screen.getByTestId("plan-key-note")).toHaveTextContent(
      "Computed with the full value of the key cells, not with the keys as Tabel 6 shows them (e.g. Beek: 5,0616% instead of 5,06%)"
    );
  });

  test("no key note for the 2024 plan, whose keys are used as shown", () => {
    renderPane(<PlanView loaded={loaded(plan2024())} />);
    expect(screen.queryByTestId("plan-key-note")).toBeNull();
    expect(screen.queryByText("Verdeelsleutel")).toBeNull();
  });
});
