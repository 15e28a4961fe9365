import Decimal from "decimal.js";
import { address } from "../core/address";
import {
  componentName,
  ComponentRow,
  EQUAL_SHARE,
  KEY_HEADERS,
  SLA_COMPONENTS,
} from "../core/distributionKey";
import { readDutchNumber } from "../core/dutchNumber";
import { PlanInputError } from "../core/errors";
import { CellRef, Message } from "../core/model";
import {
  MUNICIPALITIES,
  resolveMunicipality,
  unknownMunicipalityMessage,
} from "../core/municipalities";
import { decimalValue, plainDecimal } from "../core/value";

/** A cell that holds neither a number nor a text (an error value, a date), and what it holds, in words. */
export class NotAValue {
  constructor(readonly shown: Message) {}
}

/** A cell's value as a message shows it: text quoted (control characters escaped by the printer). */
function shownValue(v: unknown): Message {
  if (v instanceof NotAValue) return v.shown;
  if (isBlank(v)) return { nl: "leeg", en: "empty" };
  return { nl: `'${String(v)}'`, en: `'${String(v)}'` };
}

/** Where the block of values starts in a sheet, so errors can name the cell. */
export interface TableOrigin {
  sheet: string;
  row: number;
  column: number;
}

export interface ComponentTable {
  /** Component names in column order (canonical: jongeren, toekenningen, declaraties, or as written). */
  components: string[];
  rows: ComponentRow[];
  /** Participating municipalities the table does not list. */
  missing: string[];
}

const NAME_HEADERS = new Set([
  "gemeente",
  "gemeenten",
  "municipality",
  "municipalities",
  "naam",
  "name",
]);

/**
 * Reads a table of key components: first column the municipality, then one column per
 * component, with or without a header row (`gemeente`, `jongeren`, `toekenningen`,
 * `declaraties`; English `municipality`, `youth`, `allocations`, `claims`). Without a header
 * row, three columns are taken as the SLA's components in their usual order.
 */
export function readComponentTable(
  values: readonly (readonly unknown[])[],
  origin?: TableOrigin
): ComponentTable {
  const at = (r: number, c: number): CellRef | undefined =>
    origin
      ? { sheet: origin.sheet, address: address(origin.row + r, origin.column + c) }
      : undefined;
  const where = (r: number, c: number): { nl: string; en: string } => {
    const cell = at(r, c);
    // The origin may be a CSV file rather than a sheet: named as it is, not quoted.
    const a = cell ? `${cell.sheet}!${cell.address}` : `rij ${r + 1}, kolom ${c + 1}`;
    const e = cell ? `${cell.sheet}!${cell.address}` : `row ${r + 1}, column ${c + 1}`;
    return { nl: a, en: e };
  };
  const rows = values;
  const top = rows.findIndex((r) => r.some((v) => !isBlank(v)));
  if (top < 0 || rows[top].length < 2) {
    throw new PlanInputError({
      nl: "De componententabel is leeg: verwacht een kolom gemeente en minstens één kolom met aantallen",
      en: "The component table is empty: expected a municipality column and at least one column of counts",
    });
  }
  const width = Math.max(...rows.map((r) => r.length));
  const first = rows[top];
  const firstIsMunicipality = resolveMunicipality(String(first[0] ?? "")).ok;
  const hasHeader =
    !firstIsMunicipality &&
    (NAME_HEADERS.has(
      String(first[0] ?? "")
        .trim()
        .toLowerCase()
    ) ||
      first.slice(1).some((v) => typeof v === "string" && readDutchNumber(v) === undefined));
  let components: string[];
  if (hasHeader) {
    components = [];
    for (let c = 1; c < width; c++) {
      const h = first[c];
      if (isBlank(h)) continue;
      if (h instanceof NotAValue) {
        const w = where(top, c);
        throw new PlanInputError(
          {
            nl: `Het kopje van kolom ${c + 1} is ${h.shown.nl}, geen naam van een component (${w.nl})`,
            en: `The header of column ${c + 1} is ${h.shown.en}, not the name of a component (${w.en})`,
          },
          { cell: at(top, c) }
        );
      }
      const name = componentName(String(h));
      if (name === EQUAL_SHARE) continue;
      if (components.includes(name)) {
        const w = where(top, c);
        throw new PlanInputError(
          {
            nl: `Kolom '${String(h)}' staat twee keer in de tabel (${w.nl})`,
            en: `Column '${String(h)}' appears twice (${w.en})`,
          },
          { cell: at(top, c) }
        );
      }
      components[c - 1] = name;
    }
  } else if (width - 1 === SLA_COMPONENTS.length) {
    components = [...SLA_COMPONENTS];
  } else {
    components = Array.from({ length: width - 1 }, (_, i) => `kolom ${i + 2}`);
  }
  const dataStart = hasHeader ? top + 1 : top;
  const seen = new Map<string, number>();
  const result: ComponentRow[] = [];
  for (let r = dataStart; r < rows.length; r++) {
    const row = rows[r];
    if (!row.some((v) => !isBlank(v))) continue;
    const w = where(r, 0);
    if (row[0] instanceof NotAValue) {
      const shown = row[0].shown;
      throw new PlanInputError(
        {
          nl: `De gemeentenaam is ${shown.nl}, geen naam (${w.nl})`,
          en: `The municipality name is ${shown.en}, not a name (${w.en})`,
        },
        { cell: at(r, 0) }
      );
    }
    const label = String(row[0] ?? "").trim();
    if (label === "") {
      throw new PlanInputError(
        {
          nl: `Rij zonder gemeentenaam (${w.nl})`,
          en: `Row without a municipality name (${w.en})`,
        },
        { cell: at(r, 0) }
      );
    }
    const resolved = resolveMunicipality(label);
    if (!resolved.ok) {
      const m = unknownMunicipalityMessage(resolved);
      throw new PlanInputError(
        { nl: `${m.nl} (${w.nl})`, en: `${m.en} (${w.en})` },
        { cell: at(r, 0) }
      );
    }
    if (seen.has(resolved.name)) {
      throw new PlanInputError(
        {
          nl: `${resolved.name} staat twee keer in de tabel (${w.nl})`,
          en: `${resolved.name} appears twice in the table (${w.en})`,
        },
        { cell: at(r, 0) }
      );
    }
    seen.set(resolved.name, r);
    const vals = new Map<string, Decimal>();
    components.forEach((component, i) => {
      if (component === undefined) return;
      const c = i + 1;
      vals.set(component, componentNumber(row[c], resolved.name, component, where(r, c), at(r, c)));
    });
    result.push({ municipality: resolved.name, values: vals });
  }
  return {
    components: components.filter((c) => c !== undefined),
    rows: result,
    missing: MUNICIPALITIES.filter((m) => !seen.has(m)),
  };
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function componentNumber(
  v: unknown,
  municipality: string,
  component: string,
  w: { nl: string; en: string },
  cell?: CellRef
): Decimal {
  // A key column holds the keys themselves, as percentages (3,53%) or fractions.
  const value = KEY_HEADERS.has(component) ? decimalValue(v)?.value : plainDecimal(v);
  if (value === undefined) {
    const shown = shownValue(v);
    throw new PlanInputError(
      {
        nl: `${component} van ${municipality} is ${shown.nl}: verwacht een getal (${w.nl})`,
        en: `${component} of ${municipality} is ${shown.en}: expected a number (${w.en})`,
      },
      { cell }
    );
  }
  if (value.isNegative()) {
    throw new PlanInputError(
      {
        nl: `${component} van ${municipality} is negatief (${value.toString().replace(".", ",")}): aantallen zijn ≥ 0 (${w.nl})`,
        en: `${component} of ${municipality} is negative (${value.toString()}): counts are ≥ 0 (${w.en})`,
      },
      { cell }
    );
  }
  return value;
}
