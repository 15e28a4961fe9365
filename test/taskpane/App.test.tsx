/** @jest-environment jsdom */
import * as React from "react";
import { ALLOC_SUM } from "../../src/core/rules/ALLOC-SUM";
import { plan2024 } from "../../src/core/plan2024";
import { PlanInputError } from "../../src/core/errors";
import { Plan } from "../../src/core/model";
import { App } from "../../src/taskpane/App";
import { ExcelActions, LoadedPlan, PaneHost, ReadOptions } from "../../src/taskpane/host";
import { ReadCancelled } from "../../src/taskpane/read/workerRead";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { renderPane } from "./render";

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
    readSelection: jest.fn(async () => ({ address: "Blad1!A1", values: [[""]] })),
    insertSheet: jest.fn(async () => "Afrekening"),
    ...overrides,
  };
}

function renderApp(host: PaneHost) {
  return renderPane(<App host={host} />, host.lang);
}

async function pick(name: string): Promise<File> {
  const user = userEvent.setup();
  const file = new File(["x"], name);
  await user.upload(screen.getByLabelText("Excel-bestand met het uitvoeringsplan"), file);
  return file;
}

describe("App in the browser", () => {
  it("reads a picked file, checks it and shows the findings", async () => {
    const openFile = jest.fn(async () => loaded(workbookPlan()));
    renderApp({ mode: "browser", lang: "nl", openFile, download: jest.fn() });
    expect(screen.getByText("Nog geen bestand gekozen.")).toBeInTheDocument();
    const file = await pick("plan.xlsx");
    expect(openFile).toHaveBeenCalledWith(file, expect.anything());
    expect(
      await screen.findByRole("tab", { name: "Bevindingen (31)" }, { timeout: 10_000 })
    ).toBeInTheDocument();
    expect(
      await screen.findByRole(
        "button",
        { name: /16 bedragen van 2023 volgen uit/ },
        { timeout: 10_000 }
      )
    ).toBeInTheDocument();
    expect(screen.getByTestId("file-name")).toHaveTextContent("Bestand: plan.xlsx");
  });

  it("clears the old file's findings when a new file cannot be read, and names the new file", async () => {
    const openFile = jest
      .fn()
      .mockResolvedValueOnce(loaded(workbookPlan(), { workbookName: "goed.xlsx" }))
      .mockRejectedValueOnce(
        new PlanInputError({ nl: "slecht.xlsx is beschadigd", en: "slecht.xlsx is damaged" })
      );
    renderApp({ mode: "browser", lang: "nl", openFile, download: jest.fn() });
    await pick("goed.xlsx");
    expect(
      await screen.findByRole("tab", { name: "Bevindingen (31)" }, { timeout: 10_000 })
    ).toBeInTheDocument();
    await pick("slecht.xlsx");
    expect(await screen.findByRole("alert")).toHaveTextContent("slecht.xlsx is beschadigd");
    expect(screen.queryByRole("tab")).not.toBeInTheDocument();
    expect(screen.queryByText(/bedragen van 2023/)).not.toBeInTheDocument();
    expect(screen.getByTestId("file-name")).toHaveTextContent("Bestand: slecht.xlsx");
  });

  it("says what went wrong in Dutch, without a word about a workbook the page never changes", async () => {
    const openFile = jest.fn(async () => {
      throw new Error("The requested file could not be read");
    });
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderApp({ mode: "browser", lang: "nl", openFile, download: jest.fn() });
    await pick("plan.xlsx");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(/^Niet geluktEr ging iets mis \(technische melding: /);
    expect(alert).not.toHaveTextContent("werkmap is niet gewijzigd");
  });

  it("stops a long reading at the user's request, and shows nothing of it", async () => {
    const openFile = jest.fn(
      (_: File, o?: ReadOptions) =>
        new Promise<LoadedPlan>((_ok, fail) =>
          o?.signal?.addEventListener("abort", () => fail(new ReadCancelled()))
        )
    );
    renderApp({ mode: "browser", lang: "nl", openFile, download: jest.fn() });
    await pick("groot.xlsx");
    await userEvent.setup().click(await screen.findByRole("button", { name: "Stoppen" }));
    expect(await screen.findByText("Het lezen van groot.xlsx is gestopt.")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.queryByRole("tab")).not.toBeInTheDocument();
  });

  it("says in words why a file could not be read, never a blank pane", async () => {
    const openFile = jest.fn(async () => {
      throw new PlanInputError({ nl: "plan.xlsx is beschadigd", en: "plan.xlsx is damaged" });
    });
    renderApp({ mode: "browser", lang: "nl", openFile, download: jest.fn() });
    await pick("plan.xlsx");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      /^Niet geluktplan.xlsx is beschadigd$/
    );
  });

  it("tells what it looked for when a workbook holds no plan", async () => {
    const openFile = jest.fn(async () =>
      loaded(undefined, { looked: ["Excel-tabellen UP_*", "de titels 'Tabel 1' … 'Tabel 6'"] })
    );
    renderApp({ mode: "browser", lang: "en", openFile, download: jest.fn() });
    await userEvent
      .setup()
      .upload(
        screen.getByLabelText("Excel file with the execution plan"),
        new File(["x"], "leeg.xlsx")
      );
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("No execution plan found in plan.xlsx");
    expect(alert).toHaveTextContent("Looked for: Excel-tabellen UP_*");
  });

  it("shows progress only when reading takes longer than 300 ms", async () => {
    let finish: (l: LoadedPlan) => void = () => undefined;
    const openFile = jest.fn(() => new Promise<LoadedPlan>((r) => (finish = r)));
    renderApp({ mode: "browser", lang: "nl", openFile, download: jest.fn() });
    await pick("groot.xlsx");
    expect(screen.queryByText(/groot.xlsx lezen: /)).not.toBeInTheDocument();
    expect(await screen.findByText(/groot.xlsx lezen: /)).toBeInTheDocument();
    await act(async () => finish(loaded(workbookPlan())));
    await waitFor(() => expect(screen.queryByText(/groot.xlsx lezen: /)).not.toBeInTheDocument());
  });
});

describe("App in Excel", () => {
  it("runs the check from the ribbon's request and selects a finding's cells on click", async () => {
    const user = userEvent.setup();
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
    await act(async () => ribbon());
    await user.click(await screen.findByRole("button", { name: /16 bedragen van 2023/ }));
    await user.click(screen.getAllByRole("button", { name: /2023 · Beek ·/ })[0]);
    // The amount and the key it was computed with.
    expect(excel.select).toHaveBeenCalledWith([
      { sheet: "Tabel 6", address: "C5" },
      { sheet: "Tabel 6", address: "B5" },
    ]);
  });

  it("names a row whose name cell is empty by its row and cell in the rounding fix's preview", async () => {
    const user = userEvent.setup();
    const plan = workbookPlan();
    // Empty the name of every row a rounding repair changes first.
    const first = new Set(ALLOC_SUM.run(plan).flatMap((f) => f.fix?.[0]?.municipality ?? []));
    for (const row of plan.contributions!.rows.filter((r) => first.has(r.municipality!))) {
      delete row.municipality;
      row.label = "";
    }
    renderApp({
      mode: "excel",
      lang: "nl",
      excel: excelActions(),
      loadWorkbook: async () => loaded(plan),
    });
    await user.click(screen.getByRole("button", { name: "Controleer plan" }));
    await user.click(
      await screen.findByRole(
        "button",
        { name: /de afgeronde bedragen niet op/ },
        { timeout: 10_000 }
      )
    );
    await user.click((await screen.findAllByRole("button", { name: "Afronding herstellen…" }))[0]);
    const dialog = await screen.findByRole("dialog", {}, { timeout: 10_000 });
    const rows = within(dialog)
      .getAllByRole("rowheader")
      .map((h) => h.textContent);
    expect(rows.some((r) => /^rij \d+ 20\d\d \('Tabel 6'![C-G]\d+\)$/.test(r ?? ""))).toBe(true);
    expect(rows.every((r) => !/^ /.test(r ?? ""))).toBe(true);
  });

  it("writes a rounding fix only after preview, and asks again before overwriting formulas", async () => {
    const user = userEvent.setup();
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
    await user.click(screen.getByRole("button", { name: "Controleer plan" }));
    await user.click(
      await screen.findByRole(
        "button",
        { name: /de afgeronde bedragen niet op/ },
        { timeout: 10_000 }
      )
    );
    await user.click((await screen.findAllByRole("button", { name: "Afronding herstellen…" }))[0]);
    expect(write).not.toHaveBeenCalled();
    const dialog = await screen.findByRole("dialog", {}, { timeout: 10_000 });
    expect(dialog).toHaveTextContent("Voorbeeld van de wijziging");
    await user.click(within(dialog).getByRole("button", { name: "Wijzigen" }));
    expect(write).toHaveBeenLastCalledWith(
      expect.any(Array),
      expect.objectContaining({ overwriteFormulas: false })
    );
    const second = await screen.findByRole("dialog");
    await waitFor(() => expect(second).toHaveTextContent("'Tabel 6'!D5"));
    await user.click(within(second).getByRole("button", { name: "Formules overschrijven" }));
    expect(write).toHaveBeenLastCalledWith(
      expect.any(Array),
      expect.objectContaining({ overwriteFormulas: true })
    );
    expect(await screen.findByText(/2 cellen gewijzigd/)).toBeInTheDocument();
  });
});
