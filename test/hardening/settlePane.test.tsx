/** @jest-environment jsdom */
import * as React from "react";
import { TextDecoder, TextEncoder } from "node:util";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { plan2024 } from "../../src/core/plan2024";
import { SelectedRange, SettlementView } from "../../src/taskpane/settle/SettlementView";
import { renderPane } from "../taskpane/render";
import { runner } from "../taskpane/settle/runner";

/*
 * Bad input in the pane's Afrekening view: docs/BAD-INPUT.md, rows S16–S19. The view says what
 * is wrong in words and shows no settlement until the input is right.
 */

// jsdom has no TextDecoder; the browser reads a picked CSV with it.
if (typeof globalThis.TextDecoder === "undefined") Object.assign(globalThis, { TextDecoder });

function view(readSelection?: () => Promise<SelectedRange>) {
  const { run, errors } = runner();
  renderPane(<SettlementView plan={plan2024()} run={run} readSelection={readSelection} />, "nl");
  return { errors, user: userEvent.setup({ applyAccept: false }) };
}

/** jsdom's File lacks arrayBuffer(); the browser's has it. */
function file(text: string, name: string): File {
  const bytes = new TextEncoder().encode(text);
  const f = new File([bytes as BlobPart], name);
  Object.defineProperty(f, "arrayBuffer", {
    value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
  return f;
}

const actualField = () => screen.getByRole("textbox", { name: /Werkelijke kosten/ });
const noTable = () =>
  expect(screen.queryByRole("region", { name: /per gemeente$/ })).not.toBeInTheDocument();

test("S16 actual costs typed as a word", async () => {
  const { user } = view();
  await user.type(actualField(), "veel");
  expect(
    screen.getByText("'veel' is geen bedrag: typ de werkelijke kosten, bijv. 2.250.000")
  ).toBeInTheDocument();
  noTable();
});

test("S17 negative actual costs", async () => {
  const { user } = view();
  await user.type(actualField(), "-5");
  expect(screen.getByRole("alert")).toHaveTextContent(
    "De werkelijke kosten zijn -€ 5: geef een bedrag van € 0 of meer"
  );
  noTable();
});

test("S18 a components file lacking a municipality, or of another kind", async () => {
  const { user, errors } = view();
  await user.type(actualField(), "2250000");
  const input = screen.getByLabelText("Bestand met de definitieve componenten");
  const rows = MUNICIPALITIES.filter((m) => m !== "Vaals").map((m) => `${m};100;10;10`);
  await user.upload(
    input,
    file(["gemeente;jongeren;toekenningen;declaraties", ...rows].join("\n"), "definitief.csv")
  );
  await waitFor(() => expect(errors.length + screen.queryAllByRole("alert").length).toBe(1), {
    timeout: 15_000,
  });
  expect(errors).toEqual([]);
  expect(screen.getByRole("alert")).toHaveTextContent(
    "De definitieve sleutel mist Vaals: elke gemeente met een voorschot heeft een sleutel nodig (15 van de 16 gemeenten gegeven)"
  );
  noTable();
  await user.upload(input, file("x", "definitief.ods"));
  await waitFor(() => expect(errors).toHaveLength(1));
  expect(errors).toEqual(["definitief.ods: alleen .csv en .xlsx worden gelezen"]);
});

test("S19 'Uit geselecteerde cel' on a range, on text or on an empty cell", async () => {
  const selections: SelectedRange[] = [
    {
      address: "Blad1!A1:B2",
      values: [
        [1, 2],
        [3, 4],
      ],
    },
    { address: "Jaarrekening!A9", values: [["Lasten jeugd"]] },
    { address: "Jaarrekening!B9", values: [[""]] },
  ];
  const { user, errors } = view(async () => selections.shift()!);
  await user.type(actualField(), "1000");
  for (let i = 0; i < 3; i++) {
    await user.click(screen.getByRole("button", { name: "Uit geselecteerde cel" }));
  }
  expect(errors).toEqual([
    "Selecteer één cel met de werkelijke kosten; Blad1!A1:B2 is een bereik van 4 cellen",
    "Jaarrekening!A9 bevat 'Lasten jeugd', geen bedrag",
    "Selecteer één cel met de werkelijke kosten; Jaarrekening!B9 is leeg of geen getal",
  ]);
  // The field keeps what the user had typed.
  expect(actualField()).toHaveValue("1000");
});
