/** @jest-environment jsdom */
import * as React from "react";
import ExcelJS from "exceljs";
import { DEFAULT_WEIGHTS } from "../../src/core/distributionKey";
import { Plan } from "../../src/core/model";
import { D } from "../../src/core/money";
import { App } from "../../src/taskpane/App";
import { LoadedPlan } from "../../src/taskpane/host";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { gotoTab, renderPane } from "../taskpane/render";
import { consistentPlan } from "../support/planBuilder";
import { texts } from "./reportFile";

/*
 * Issue 15: the downloaded report held whatever weights were last typed in the key view, as
 * a "Herberekend" column with the weights written nowhere. Typing weights is a what-if: the
 * report holds the plan's keys unless a scenario is asked for.
 */

function withComponents(): Plan {
  const plan = consistentPlan();
  plan.keyComponents = {
    components: ["jongeren", "toekenningen", "declaraties"],
    weights: new Map(DEFAULT_WEIGHTS),
    rows: plan.contributions!.rows.map((r, i) => ({
      municipality: r.municipality!,
      label: r.label,
      values: new Map([
        ["jongeren", { value: new D(100 * (i + 1)) }],
        ["toekenningen", { value: new D(10) }],
        ["declaraties", { value: new D(10) }],
      ]),
    })),
  };
  return plan;
}

it("the downloaded report holds the plan's keys, not the weights last typed in the key view", async () => {
  const user = userEvent.setup();
  const loaded: LoadedPlan = {
    plan: withComponents(),
    remarks: [],
    looked: [],
    formulaSource: "workbook",
    workbookName: "plan.xlsx",
    accepted: new Map(),
  };
  const download = jest.fn();
  renderPane(
    <App host={{ mode: "browser", lang: "nl", openFile: async () => loaded, download }} />
  );
  await user.upload(
    screen.getByLabelText("Excel-bestand met het uitvoeringsplan"),
    new File(["x"], "plan.xlsx")
  );
  await user.click(await screen.findByRole("tab", { name: "Verdeelsleutel" }));
  // The key view loads lazily: wait for it as App.test does (findBy's 1 s is not enough in CI).
  await user.clear(await screen.findByLabelText("Gelijk deel", {}, { timeout: 10_000 }));
  await user.type(screen.getByLabelText("Gelijk deel"), "40");
  await user.clear(screen.getByLabelText("Jongeren < 20"));
  await user.type(screen.getByLabelText("Jongeren < 20"), "10");
  expect(screen.getByRole("status")).toHaveTextContent(/^Totaal: 100%$/);
  await gotoTab(user, "Verslag");
  await user.click(
    await screen.findByRole("button", { name: "Controleverslag downloaden (.xlsx)" })
  );
  await waitFor(() => expect(download).toHaveBeenCalled());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(download.mock.calls[0][1] as ArrayBuffer);
  const all = wb.worksheets.flatMap(texts);
  expect(all.filter((t) => /herberekend/i.test(t))).toEqual([]);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Controleverslag", "Controlelog"]);
  // The plan's own key: from its components, which the report says it computes with.
  expect(all).toContainEqual(
    expect.stringMatching(
      /^Gerekend is met de sleutel uit de sleutelcomponenten, niet met de sleutels zoals Tabel 6 ze toont \(bijv\. .*\); dit verslag bevat geen scenario$/
    )
  );
});
