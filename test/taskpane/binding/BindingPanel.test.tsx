/** @jest-environment jsdom */
import * as React from "react";
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import "@testing-library/jest-dom";
import { plan2024 } from "../../../src/core/plan2024";
import { TableBinding } from "../../../src/reader/binding";
import { BindingPanel, missingTables } from "../../../src/taskpane/binding/BindingPanel";
import { bindFile, inspectFile } from "../../../src/taskpane/binding/browserBinding";
import { LoadedPlan } from "../../../src/taskpane/host";
import { LangContext } from "../../../src/taskpane/i18n";
import { renderPane } from "../render";

// ExcelJS in the page is tested through the e2e test; here the form and what it hands over.
jest.mock("../../../src/taskpane/binding/browserBinding", () => ({
  inspectFile: jest.fn(),
  bindFile: jest.fn(),
}));

const inspect = inspectFile as jest.MockedFunction<typeof inspectFile>;
const bind = bindFile as jest.MockedFunction<typeof bindFile>;

/** The 2024 plan read from a workbook in which Tabel 6 was not found. */
function withoutTabel6(): LoadedPlan {
  const plan = plan2024();
  delete plan.contributions;
  plan.source = {
    kind: "workbook",
    name: "plan.xlsx",
    layout: "published",
    tables: {
      "Tabel 1": "Blad1!A5:H28",
      "Tabel 2": "Blad1!A30:F35",
      "Tabel 3": "Blad1!A37:H49",
      "Tabel 4": "Blad1!A51:H56",
    },
  };
  return {
    plan,
    remarks: [],
    looked: [],
    formulaSource: "workbook",
    workbookName: "plan.xlsx",
    accepted: new Map(),
  };
}

const file = new File(["x"], "plan.xlsx");

beforeEach(() => {
  inspect.mockReset();
  bind.mockReset();
});

test("missingTables: the plan tables the reading has no range for", () => {
  expect(missingTables(withoutTabel6())).toEqual(["Tabel 6"]);
});

test("binds the range the user points out, with the workbook's earlier bindings kept", async () => {
  const earlier: TableBinding = {
    table: "Tabel 2",
    sheet: "Blad1",
    range: "A32:F35",
    labelColumn: "A",
    years: [{ column: "C", year: 2024 }],
  };
  inspect.mockResolvedValue({ sheets: ["Blad1", "Blad2"], bindings: [earlier] });
  const bound = new File(["y"], "plan.xlsx");
  bind.mockResolvedValue(bound);
  const onBound = jest.fn();
  renderPane(
    <BindingPanel file={file} loaded={withoutTabel6()} onBound={onBound} onDownload={jest.fn()} />
  );
  const user = userEvent.setup();
  await screen.findByRole("region", { name: "Tabel met de hand koppelen" });
  expect(screen.getByText(/Niet gevonden of niet leesbaar: Tabel 6/)).toBeInTheDocument();
  expect(screen.getByText(/Tabel 2: Blad1!A32:F35/)).toBeInTheDocument();
  await user.selectOptions(screen.getByLabelText("Werkblad"), "Blad2");
  await user.type(screen.getByLabelText("Bereik"), "b3:i20");
  await user.type(screen.getByLabelText("Rij met de jaren"), "3");
  await user.click(screen.getByRole("button", { name: "Koppelen en opnieuw controleren" }));
  expect(bind).toHaveBeenCalledWith(file, [
    earlier,
    { table: "Tabel 6", sheet: "Blad2", range: "B3:I20", labelColumn: "A", headerRow: 3 },
  ]);
  expect(onBound).toHaveBeenCalledWith(bound);
});

test("a range that is not one is refused with the reason, and nothing is saved", async () => {
  inspect.mockResolvedValue({ sheets: ["Blad1"], bindings: [] });
  renderPane(
    <BindingPanel file={file} loaded={withoutTabel6()} onBound={jest.fn()} onDownload={jest.fn()} />
  );
  const user = userEvent.setup();
  await screen.findByRole("region", { name: "Tabel met de hand koppelen" });
  await user.type(screen.getByLabelText("Bereik"), "Tabel 6");
  await user.type(screen.getByLabelText("Rij met de jaren"), "3");
  await user.click(screen.getByRole("button", { name: "Koppelen en opnieuw controleren" }));
  expect(screen.getByRole("alert")).toHaveTextContent("werkblad en bereik (zoals A5:H20)");
  expect(bind).not.toHaveBeenCalled();
  expect(screen.getByRole("button", { name: "Werkmap met koppeling downloaden" })).toBeDisabled();
});

test("shows nothing when every table was read and nothing is bound", async () => {
  inspect.mockResolvedValue({ sheets: ["Blad1"], bindings: [] });
  const loaded = withoutTabel6();
  loaded.plan = plan2024();
  loaded.plan.source.tables = withoutTabel6().plan!.source.tables;
  loaded.plan.source.tables["Tabel 6"] = "Blad1!A58:H77";
  const { container } = renderPane(
    <BindingPanel file={file} loaded={loaded} onBound={jest.fn()} onDownload={jest.fn()} />
  );
  // Let the panel's look at the file settle inside act, as React expects of state updates.
  await act(() => new Promise((r) => setTimeout(r, 0)));
  expect(inspect).toHaveBeenCalled();
  expect(container.querySelector("#up-binding")).toBeNull();
});

test("after binding, the next reading's bindings show: the panel follows each reading, not its first", async () => {
  const first = { ...withoutTabel6(), binding: { sheets: ["Blad1", "Blad2"], bindings: [] } };
  bind.mockResolvedValue(new File(["y"], "plan.xlsx"));
  const panel = (loaded: LoadedPlan) => (
    <BindingPanel file={file} loaded={loaded} onBound={jest.fn()} onDownload={jest.fn()} />
  );
  const { rerender } = renderPane(panel(first));
  const user = userEvent.setup();
  await screen.findByRole("region", { name: "Tabel met de hand koppelen" });
  await user.type(screen.getByLabelText("Bereik"), "A60:H77");
  await user.type(screen.getByLabelText("Rij met de jaren"), "60");
  await user.click(screen.getByRole("button", { name: "Koppelen en opnieuw controleren" }));
  // The reading says which sheets there are; without a choice the binding is on the first.
  expect(bind).toHaveBeenCalledWith(file, [
    { table: "Tabel 6", sheet: "Blad1", range: "A60:H77", labelColumn: "A", headerRow: 60 },
  ]);
  expect(inspect).not.toHaveBeenCalled();

  const tabel6: TableBinding = {
    table: "Tabel 6",
    sheet: "Blad1",
    range: "A60:H77",
    labelColumn: "A",
    headerRow: 60,
  };
  const reread = withoutTabel6();
  reread.plan = plan2024();
  reread.plan.source.tables = {
    ...withoutTabel6().plan!.source.tables,
    "Tabel 6": "Blad1!A60:H77",
  };
  rerender(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value="nl">
        {panel({ ...reread, binding: { sheets: ["Blad1", "Blad2"], bindings: [tabel6] } })}
      </LangContext.Provider>
    </FluentProvider>
  );
  expect(screen.getByRole("region", { name: "Tabel met de hand koppelen" })).toHaveTextContent(
    "Tabel 6: Blad1!A60:H77 (labels in kolom A, jaren uit rij 60)"
  );
  expect(screen.getByRole("button", { name: "Werkmap met koppeling downloaden" })).toBeEnabled();
});
