/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { act } from "react";
import { createRoot, Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { plan2024 } from "../../../src/core/plan2024";
import { Plan } from "../../../src/core/model";
import { D } from "../../../src/core/money";
import { LangContext } from "../../../src/taskpane/i18n";
import { CompareView, CompareViewProps } from "../../../src/taskpane/compare/CompareView";
import { mergedExample } from "../../../src/workbook/poolsExample";

// @testing-library/dom (peer of @testing-library/react) is not installed: plain react-dom + act.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// Fluent's MessageBar observes its size; jsdom has no ResizeObserver.
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

let container: HTMLDivElement;
let root: Root;

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function show(props: CompareViewProps, lang: "nl" | "en" = "nl") {
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <LangContext.Provider value={lang}>
          <CompareView {...props} />
        </LangContext.Provider>
      </FluentProvider>
    )
  );
}

function bodyRows(): string[][] {
  const table = container.querySelector("table")!;
  return [...table.querySelectorAll("tbody tr")].map((r) =>
    [...r.querySelectorAll("td")].map((c) => c.textContent ?? "")
  );
}

function header(text: string): HTMLElement {
  const th = [...container.querySelectorAll("th")].find((h) => h.textContent === text);
  if (!th) throw new Error(`no column ${text}`);
  return th;
}

function click(el: Element) {
  act(() => (el as HTMLElement).click());
}

function button(name: RegExp): HTMLButtonElement {
  const b = [...container.querySelectorAll("button")].find((x) =>
    name.test(x.getAttribute("aria-label") ?? x.textContent ?? "")
  );
  if (!b) throw new Error(`no button ${name}`);
  return b;
}

function choose(label: string, value: string) {
  const l = [...container.querySelectorAll("label")].find((x) => x.textContent === label)!;
  const select = document.getElementById(l.htmlFor) as HTMLSelectElement;
  const setValue = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!;
  act(() => {
    setValue.call(select, value);
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

const text = () => container.textContent ?? "";

describe("CompareView", () => {
  test("2024 → 2025 of the embedded plan: one row per municipality and the total", () => {
    show({ oldPlan: plan2024() });
    const rows = bodyRows();
    expect(rows).toHaveLength(17);
    // Heerlen: 2.582.231 × 11,97% = 309.093,05 → € 309.093; 2.183.425 × 11,97% = 261.355,97 → € 261.356
    // (the 2025 figure is the one `up contribution Heerlen 2025` gives); same key: all total effect.
    expect(rows.find((r) => r[0] === "Heerlen")).toEqual([
      "Heerlen",
      "€\u00a0309.093",
      "€\u00a0261.356",
      "-€\u00a047.737",
      "-15,44%",
      "-€\u00a047.737",
      "€\u00a00",
    ]);
    expect(rows[16]).toEqual([
      "Totaal",
      "€\u00a02.582.231",
      "€\u00a02.183.425",
      "-€\u00a0398.806",
      "-15,44%",
      "-€\u00a0398.806",
      "€\u00a00",
    ]);
  });

  test("sorts by a column, largest first, and the other way round on a second click", () => {
    show({ oldPlan: plan2024() });
    click(header("Verschil"));
    // Every difference is a decrease in proportion to the key: the smallest keys (Vaals 2,56%,
    // Voerendaal 2,59%) decrease least, the largest (Sittard-Geleen 15,82%, Maastricht 16,43%) most.
    let names = bodyRows().map((r) => r[0]);
    expect(names.slice(0, 2)).toEqual(["Vaals", "Voerendaal"]);
    expect(names.slice(14)).toEqual(["Sittard-Geleen", "Maastricht", "Totaal"]);
    expect(header("Verschil").getAttribute("aria-sort")).toBe("descending");
    click(header("Verschil"));
    names = bodyRows().map((r) => r[0]);
    expect(names.slice(0, 2)).toEqual(["Maastricht", "Sittard-Geleen"]);
    expect(names.slice(14)).toEqual(["Voerendaal", "Vaals", "Totaal"]);
    expect(header("Verschil").getAttribute("aria-sort")).toBe("ascending");
  });

  test("stated amounts: the published Tabel 6 figures", () => {
    show({ oldPlan: plan2024() });
    choose("Bedragen", "stated");
    // Published: Beekdaelen 158.033 (2024) and 133.626 (2025).
    expect(
      bodyRows()
        .find((r) => r[0] === "Beekdaelen")!
        .slice(1, 4)
    ).toEqual(["€\u00a0158.033", "€\u00a0133.626", "-€\u00a024.407"]);
  });

  test("a paragraph per municipality, copied on request", async () => {
    const copied: string[] = [];
    show({ oldPlan: plan2024(), copyText: async (s) => void copied.push(s) });
    const section = container.querySelector("section")!;
    expect(section.querySelector("h3")!.textContent).toBe("Toelichting per gemeente");
    const paragraphs = [...section.querySelectorAll("p")].map((p) => p.textContent ?? "");
    expect(paragraphs).toHaveLength(16);
    // On screen "€ 77.075" never breaks after the euro sign; the copied text has plain spaces.
    expect(paragraphs[0]).toMatch(/^Beek betaalt in 2025 €\u00a077\.075;/);
    await act(async () => button(/^Kopieer toelichting Vaals$/).click());
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatch(/^Vaals betaalt in 2025 € 55\.896; dat is € 10\.209 minder/);
    await act(async () => button(/Kopieer alles/).click());
    expect(copied[1].split("\n\n")).toEqual(paragraphs.map((p) => p.replace(/\u00a0/g, " ")));
    expect(button(/Gekopieerd/)).toBeTruthy();
  });

  test("two plan versions: key effect shown and explained", () => {
    const draft: Plan = plan2024();
    draft.source = { kind: "workbook", name: "concept.xlsx", tables: {} };
    const rows = draft.contributions!.rows;
    rows.find((r) => r.municipality === "Vaals")!.key = { value: new D("0.0266") };
    rows.find((r) => r.municipality === "Voerendaal")!.key = { value: new D("0.0249") };
    show({ oldPlan: plan2024(), newPlan: draft, oldYear: 2025, newYear: 2025 });
    const vaals = bodyRows().find((r) => r[0] === "Vaals")!;
    expect(vaals[5]).toBe("€\u00a00"); // same total: no total effect
    // Key +0,10 point at € 2.183.425: about € 2.183 more, whole euros by largest remainder.
    expect(vaals[6]).toMatch(/^\+€\u00a02\.18[34]$/);
    expect(text()).toMatch(/De verdeelsleutel van Vaals stijgt van 2,56% naar 2,66%/);
  });

  test("a year the plan lacks: the reason, in English when asked", () => {
    show({ oldPlan: plan2024(), oldYear: 2024, newYear: 2031 }, "en");
    expect(container.querySelector("table")).toBeNull();
    expect(text()).toMatch(/Year 2031 is not in Tabel 4/);
  });
});

describe("a merged plan", () => {
  test("the total over the pools per municipality, and each pool in a table of its own", () => {
    const plan = mergedExample();
    show({ oldPlan: plan, oldYear: 2025, newYear: 2026 });
    const tables = [...container.querySelectorAll("table")].map((x) =>
      x.getAttribute("aria-label")
    );
    expect(tables).toEqual([
      "Bijdragen per gemeente over de kostenpools",
      "Bijdragen per gemeente, kostenpool verwerving",
      "Bijdragen per gemeente, kostenpool beleid",
    ]);
    const rowsOf = (i: number) =>
      [...container.querySelectorAll("table")[i].querySelectorAll("tbody tr")].map((r) =>
        [...r.querySelectorAll("td")].map((c) => (c.textContent ?? "").replace(/\u00a0/g, " "))
      );
    const heerlen = (i: number) => rowsOf(i).find((r) => r[0] === "Heerlen")!;
    // Heerlen over the pools: € 261.356 (verwerving) + € 61.337,43 / € 63.183,56 (beleid).
    expect(heerlen(0).slice(1, 4)).toEqual(["€ 322.693,43", "€ 324.539,56", "+€ 1.846,13"]);
    expect(heerlen(1).slice(1, 4)).toEqual(["€ 261.356", "€ 261.356", "€ 0"]);
    expect(heerlen(2).slice(1, 4)).toEqual(["€ 61.337,43", "€ 63.183,56", "+€ 1.846,13"]);
  });
});
