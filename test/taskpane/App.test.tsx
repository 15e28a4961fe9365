/** @jest-environment jsdom */
import * as React from "react";
import { plan2024 } from "../../src/core/plan2024";
import { PlanInputError } from "../../src/core/errors";
import { Plan } from "../../src/core/model";
import { App } from "../../src/taskpane/App";
import { ExcelActions, LoadedPlan, PaneHost } from "../../src/taskpane/host";
import { allByRole, byRole, byText, click, renderPane, settle } from "./dom";

function loaded(plan: Plan | undefined, extra: Partial<LoadedPlan> = {}): LoadedPlan {
  return {
    plan,
    remarks: [],
    looked: [],
    formulaSource: plan ? "workbook" : "embedded",
    workbookName: "plan.xlsx",
    accepted: new Map(),
    ...extra,
  };
}

/** The published plan as read from a workbook: Tabel 6 amounts in C5:G20. */
function workbookPlan(): Plan {
  const plan = plan2024();
  plan.source = {
    kind: "workbook",
    name: "plan.xlsx",
    layout: "published",
    tables: { "Tabel 6": "'Tabel 6'!A4:G21" },
  };
  plan.contributions!.rows.forEach((r, i) => {
    r.key!.cell = { sheet: "Tabel 6", address: `B${i + 5}` };
    for (const [y, f] of r.values)
      f.cell = { sheet: "Tabel 6", address: `${"CDEFG"[y - 2023]}${i + 5}` };
  });
  return plan;
}

function excelActions(overrides: Partial<ExcelActions> = {}): ExcelActions {
  return {
    select: jest.fn(async () => undefined),
    write: jest.fn(async () => ({ status: "written" as const, batch: "b", count: 1 })),
    lastBackup: jest.fn(async () => null),
    restore: jest.fn(async () => null),
    accept: jest.fn(async () => undefined),
    unaccept: jest.fn(async () => undefined),
    writeReport: jest.fn(async () => "Controleverslag"),
    valuesCopy: jest.fn(async () => ({ replaced: 0, withoutResult: [] })),
    insertTemplate: jest.fn(async () => undefined),
    ...overrides,
  };
}

function renderApp(host: PaneHost) {
  return renderPane(<App host={host} />, host.lang);
}

describe("App in the browser", () => {
  it("reads a picked file, checks it and shows the findings", async () => {
    const openFile = jest.fn(async () => loaded(workbookPlan()));
    renderApp({ mode: "browser", lang: "nl", openFile, download: jest.fn() });
    expect(byText("Nog geen bestand gekozen.")).toHaveLength(1);
    const input = document.querySelector<HTMLInputElement>("input[type=file]")!;
    const file = new File(["x"], "plan.xlsx");
    Object.defineProperty(input, "files", { value: [file] });
    await React.act(async () => {
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await settle();
    expect(openFile).toHaveBeenCalledWith(file);
    expect(byRole("tab", /^Bevindingen \(31\)$/)).toBeTruthy();
    expect(allByRole("heading").some((h) => h.textContent?.includes("ALLOC-AMOUNT (16)"))).toBe(
      true
    );
  });

  it("says in words why a file could not be read, never a blank pane", async () => {
    const openFile = jest.fn(async () => {
      throw new PlanInputError({ nl: "plan.xlsx is beschadigd", en: "plan.xlsx is damaged" });
    });
    renderApp({ mode: "browser", lang: "nl", openFile });
    const input = document.querySelector<HTMLInputElement>("input[type=file]")!;
    Object.defineProperty(input, "files", { value: [new File(["x"], "plan.xlsx")] });
    await React.act(async () => {
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await settle();
    expect(byRole("alert").textContent).toBe("Niet geluktplan.xlsx is beschadigd");
  });

  it("tells what it looked for when a workbook holds no plan", async () => {
    const openFile = jest.fn(async () =>
      loaded(undefined, { looked: ["Excel-tabellen UP_*", "de titels 'Tabel 1' … 'Tabel 6'"] })
    );
    renderApp({ mode: "browser", lang: "en", openFile });
    const input = document.querySelector<HTMLInputElement>("input[type=file]")!;
    Object.defineProperty(input, "files", { value: [new File(["x"], "leeg.xlsx")] });
    await React.act(async () => {
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await settle();
    expect(byRole("alert").textContent).toContain("No execution plan found in plan.xlsx");
    expect(byRole("alert").textContent).toContain("Looked for: Excel-tabellen UP_*");
  });

  it("shows progress when reading takes longer than 300 ms", async () => {
    let finish: (l: LoadedPlan) => void = () => undefined;
    const openFile = jest.fn(() => new Promise<LoadedPlan>((r) => (finish = r)));
    renderApp({ mode: "browser", lang: "nl", openFile });
    const input = document.querySelector<HTMLInputElement>("input[type=file]")!;
    Object.defineProperty(input, "files", { value: [new File(["x"], "groot.xlsx")] });
    await React.act(async () => {
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(byText(/groot.xlsx lezen en controleren/)).toHaveLength(0);
    await settle(350);
    expect(byText(/groot.xlsx lezen en controleren/).length).toBeGreaterThan(0);
    await React.act(async () => finish(loaded(workbookPlan())));
    await settle();
    expect(byText(/groot.xlsx lezen en controleren/)).toHaveLength(0);
  });
});

describe("App in Excel", () => {
  it("runs the check from the ribbon's request and selects a finding's cell on click", async () => {
    let ribbon: () => void = () => undefined;
    const excel = excelActions();
    renderApp({
      mode: "excel",
      lang: "nl",
      excel,
      loadWorkbook: async () => loaded(workbookPlan()),
      onCheckRequest: (run) => {
        ribbon = run;
        return () => undefined;
      },
    });
    await React.act(async () => ribbon());
    await settle();
    const group = byRole("region", /ALLOC-AMOUNT/);
    await click(allByRole("button", /2023 · Beek ·/, group)[0]);
    // The amount and the key it was computed with.
    expect(excel.select).toHaveBeenCalledWith([
      { sheet: "Tabel 6", address: "C5" },
      { sheet: "Tabel 6", address: "B5" },
    ]);
  });

  it("writes a rounding fix only after preview, and asks again before overwriting formulas", async () => {
    const write = jest
      .fn()
      .mockResolvedValueOnce({
        status: "needs-confirmation",
        formulaCells: [{ sheet: "Tabel 6", address: "D5" }],
      })
      .mockResolvedValueOnce({ status: "written", batch: "b", count: 2 });
    const excel = excelActions({ write });
    renderApp({
      mode: "excel",
      lang: "nl",
      excel,
      loadWorkbook: async () => loaded(workbookPlan()),
    });
    await click(byRole("button", "Controleer plan"));
    await click(allByRole("button", "Afronding herstellen…")[0]);
    expect(write).not.toHaveBeenCalled();
    const dialog = byRole("dialog");
    expect(dialog.textContent).toContain("Voorbeeld van de wijziging");
    await click(byRole("button", "Wijzigen", dialog));
    expect(write).toHaveBeenLastCalledWith(
      expect.any(Array),
      expect.objectContaining({ overwriteFormulas: false })
    );
    const second = byRole("dialog");
    expect(second.textContent).toContain("'Tabel 6'!D5");
    await click(byRole("button", "Formules overschrijven", second));
    expect(write).toHaveBeenLastCalledWith(
      expect.any(Array),
      expect.objectContaining({ overwriteFormulas: true })
    );
    expect(byText(/2 cellen gewijzigd/).length).toBeGreaterThan(0);
  });
});
