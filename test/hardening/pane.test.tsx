/** @jest-environment jsdom */
import * as React from "react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TextEncoder } from "node:util";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { App } from "../../src/taskpane/App";
import { browserHost } from "../../src/taskpane/browserHost";
import { renderPane } from "../taskpane/render";
import { bytesOf, CORPUS, example } from "./support";

/*
 * Bad files picked in the plain browser page: docs/BAD-INPUT.md, rows P01–P05. The page reads
 * them with its own reader (ExcelJS in the page) and says in words what is wrong.
 */

/** jsdom's File lacks arrayBuffer(); the browser's has it. */
function file(data: Uint8Array | string, name: string): File {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const f = new File([bytes as BlobPart], name);
  Object.defineProperty(f, "arrayBuffer", {
    value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
  return f;
}

async function pick(f: File): Promise<HTMLElement> {
  renderPane(<App host={browserHost("nl")} />, "nl");
  await userEvent
    .setup({ applyAccept: false })
    .upload(screen.getByLabelText("Excel-bestand met het uitvoeringsplan"), f);
  return screen.findByRole("alert", {}, { timeout: 10_000 });
}

test("P01 a 0-byte file", async () => {
  const alert = await pick(file("", "leeg.xlsx"));
  expect(alert).toHaveTextContent("leeg.xlsx is leeg (0 bytes)");
  // The page stays usable: the file picker is still there.
  expect(screen.getByLabelText("Excel-bestand met het uitvoeringsplan")).toBeEnabled();
});

test("P02 an .xls picked", async () => {
  const alert = await pick(file(readFileSync(join(CORPUS, "AutoFilter.xls")), "oud.xls"));
  expect(alert).toHaveTextContent("oud.xls is een Excel 97-2003-werkmap (.xls)");
  expect(alert).toHaveTextContent("Opslaan als");
});

test("P03 a text file called .xlsx", async () => {
  const alert = await pick(file("gemeente;bedrag", "plan.xlsx"));
  expect(alert).toHaveTextContent("plan.xlsx is geen .xlsx-bestand (het is geen zip-archief)");
});

test("P04 a workbook without a plan", async () => {
  const alert = await pick(file(readFileSync(join(CORPUS, "write.xlsx")), "write.xlsx"));
  expect(alert).toHaveTextContent("Geen uitvoeringsplan gevonden");
  expect(alert).toHaveTextContent("UP_Bijdragen");
});

test("P05 a plan with #REF! in Tabel 6: the pane says the check is incomplete, and why", async () => {
  const wb = await example("published");
  wb.getWorksheet("Uitvoeringsplan")!.getCell("F72").value = { error: "#REF!" };
  renderPane(<App host={browserHost("nl")} />, "nl");
  await userEvent
    .setup({ applyAccept: false })
    .upload(
      screen.getByLabelText("Excel-bestand met het uitvoeringsplan"),
      file(await bytesOf(wb), "plan.xlsx")
    );
  const alert = await screen.findByRole("alert", {}, { timeout: 10_000 });
  expect(alert).toHaveTextContent("De controle is onvolledig");
  expect(alert).toHaveTextContent("Uitvoeringsplan!F72: Tabel 6: F72: foutwaarde #REF!");
  expect(alert).toHaveTextContent("Tabel 6 (uitvoeringskosten per gemeente) is weggelaten");
  // The tables that were read are still checked.
  expect(screen.getByRole("tab", { name: /Bevindingen \(9\)/ })).toBeInTheDocument();
});
