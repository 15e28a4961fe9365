import { checkPlan } from "../../src/core/check";
import { plan2024 } from "../../src/core/plan2024";
import { preciseKeyNotes } from "../../src/report/keyNote";
import { buildReport } from "../../src/report/report";
import { roundedKeysPlan } from "../support/roundedKeysPlan";

/*
 * roundedKeysPlan: Tabel 6 shows 5,06% for Beek, the amounts were computed with 5,0616%
 * (132.361 = 5,0616% × 2.615.006 rounded; 5,06% would give 132.319).
 */

test("keys implied by the amounts: said in words, with an example", () => {
  expect(preciseKeyNotes(roundedKeysPlan()).map((m) => m.nl)).toEqual([
    "De verdeelsleutels staan afgerond in Tabel 6; gerekend is met de preciezere sleutels die de bedragen van 2025–2028 geven (bijv. Beek: 5,0616% in plaats van 5,06%)",
  ]);
});

test("key cells holding more digits than they show: the full value, said in words", () => {
  expect(preciseKeyNotes(roundedKeysPlan({ keyCells: "full" })).map((m) => m.nl)).toEqual([
    "Gerekend is met de volle waarde van de sleutelcellen, niet met de sleutels zoals Tabel 6 ze toont (bijv. Beek: 5,0616% in plaats van 5,06%)",
  ]);
});

test("keys as shown: nothing to say", () => {
  expect(preciseKeyNotes(plan2024())).toEqual([]);
});

test("the report's 'Verdeelsleutel' fact says which key the check used", () => {
  const fact = (plan: ReturnType<typeof plan2024>, lang: "nl" | "en") => {
    const sheet = buildReport(
      {
        plan,
        result: checkPlan(plan),
        accepted: new Map(),
        workbook: "plan.xlsx",
        formulaSource: "workbook",
        date: new Date("2026-12-02T02:00:00Z"),
      },
      lang
    ).sheets[0];
    const row = sheet.rows.find(
      (r) => r.cells[0]?.value === (lang === "nl" ? "Verdeelsleutel" : "Distribution key")
    );
    return row?.cells
      .map((c) => c.value)
      .find((v, i) => i > 0 && typeof v === "string" && v !== "");
  };
  expect(fact(roundedKeysPlan({ keyCells: "full" }), "nl")).toBe(
    "Gerekend is met de volle waarde van de sleutelcellen, niet met de sleutels zoals Tabel 6 ze toont (bijv. Beek: 5,0616% in plaats van 5,06%); dit verslag bevat geen scenario"
  );
  expect(fact(roundedKeysPlan(), "en")).toBe(
    "The distribution keys are shown rounded in Tabel 6; computed with the more precise keys the amounts of 2025–2028 imply (e.g. Beek: 5,0616% instead of 5,06%); this report holds no scenario"
  );
  expect(fact(plan2024(), "nl")).toBe(
    "de sleutels zoals het plan ze noemt (Tabel 6); dit verslag bevat geen scenario"
  );
});
