import * as React from "react";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
} from "@fluentui/react-components";
import { TableSimple16Regular } from "@fluentui/react-icons";
import Decimal from "decimal.js";
import { parseReference } from "../../core/address";
import { formatDecimal, readDutchNumber } from "../../core/dutchNumber";
import { PlanInputError } from "../../core/errors";
import { formatAmount, formatSignedAmount } from "../../core/explainChange";
import { explainSettlement } from "../../core/explainSettlement";
import { Message, Plan } from "../../core/model";
import { tableName } from "../../core/rules/rule";
import { FinalKeySource, finalKeyOf, poolUnit, settle, Settlement } from "../../core/settle";
import { ComponentTable, readComponentTable, TableOrigin } from "../../reader/componentTable";
import type { Report, ReportSection } from "../../report/report";
import {
  SettlementSource,
  settlementReport,
  settlementSection,
  settlementSummary,
} from "../../report/settlementReport";
import { useTableStyles } from "../ChangeTable";
import { ExplanationList } from "../ExplanationList";
import { HiddenFileInput, XLSX_FILES } from "../HiddenFileInput";
import { Lang, LangContext } from "../i18n";
import { useSheetInsert } from "./useSheetInsert";

export interface SelectedRange {
  /** Sheet!A1:D17 */
  address: string;
  values: unknown[][];
}

/** A settlement on screen: what it is, where its figures came from, its sheet in the report. */
export interface SettlementShown {
  settlement: Settlement;
  source: SettlementSource;
  section: ReportSection;
}

export interface SettlementViewProps {
  plan: Plan;
  /** Runs a step with the pane's progress and error display (useTask's run). */
  run<T>(label: string, work: () => Promise<T>): Promise<T | undefined>;
  /** Excel: the selected range, to read the actual costs or the final components from. */
  readSelection?(): Promise<SelectedRange>;
  /** Excel: inserts the settlement as a new sheet (kept for restore); returns the sheet's name. */
  insertSheet?(report: Report, label: string): Promise<string>;
  /** The settlement the user sees, with its report section; null while there is none. */
  onSettlement?(s: SettlementShown | null): void;
  /** Writes text to the clipboard; navigator.clipboard when absent. */
  copyText?(text: string): Promise<void>;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  inputs: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(140px, 1fr))",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
  },
  // Grid items shrink with the pane instead of keeping the input's natural 200 px.
  field: { minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  summary: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  // The table keeps its columns; at 350 px it scrolls sideways with the names standing still.
  scroll: {
    overflowX: "auto",
    maxWidth: "100%",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  nowrap: { whiteSpace: "nowrap" },
  // The names stand still while the figures scroll; a long name wraps.
  sticky: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: "6.5em",
    maxWidth: "8.5em",
  },
  total: { fontWeight: tokens.fontWeightSemibold },
  pays: { color: tokens.colorPaletteRedForeground3 },
  refund: { color: tokens.colorPaletteGreenForeground3 },
});

interface Loaded {
  table: ComponentTable;
  /** Where the components came from: a file's name or a range's address. */
  from: string;
}

/** The plan's years that have advances (Tabel 6); the plan's own year first when it has one. */
function yearsOf(plan: Plan): number[] {
  return [...(plan.contributions?.years ?? [])].sort((a, b) => a - b);
}

function defaultYear(plan: Plan): number | undefined {
  const years = yearsOf(plan);
  const own = Number(/\b(20\d\d)\b/.exec(plan.title)?.[1]);
  return years.includes(own) ? own : years[0];
}

/** Sheet and top-left cell of an address such as "'Definitief 2024'!B2:E18". */
function originOf(address: string): TableOrigin | undefined {
  const ref = parseReference(address);
  return ref?.sheet === undefined
    ? undefined
    : { sheet: ref.sheet, row: ref.top, column: ref.left };
}

/** Where the final key came from, for the view, the sheet and the report. */
function finalKeyText(loaded: Loaded | null, source: FinalKeySource | undefined): Message {
  if (!loaded) {
    return {
      nl: "geen: de voorlopige sleutel van het plan (geen sleuteleffect)",
      en: "none: the plan's provisional key (no key effect)",
    };
  }
  return source === "table"
    ? { nl: `sleutels uit ${loaded.from}`, en: `keys from ${loaded.from}` }
    : { nl: `componenten uit ${loaded.from}`, en: `components from ${loaded.from}` };
}

/** A number typed the Dutch way, or the reason it is not one. */
function actualOf(text: string): { value: Decimal } | { problem: Message } | null {
  if (text.trim() === "") return null;
  const n = readDutchNumber(text);
  if (!n || n.percent) {
    return {
      problem: {
        nl: `'${text}' is geen bedrag: typ de werkelijke kosten, bijv. 2.250.000`,
        en: `'${text}' is not an amount: type the actual costs, e.g. 2,250,000`,
      },
    };
  }
  return { value: n.value };
}

/**
 * "Afrekening": the settlement after the annual accounts. The user gives the year, the actual
 * costs (typed, or read from the selected cell in Excel) and, when known, the final key (a
 * file or the selected range); the view shows per municipality what it pays or gets back, the
 * cost and key effect, a sentence per municipality, and inserts it as a sheet in Excel.
 */
export function SettlementView(props: SettlementViewProps) {
  const { plan, run, readSelection, insertSheet, onSettlement } = props;
  const lang = React.useContext(LangContext);
  const t = (nl: string, en: string) => (lang === "nl" ? nl : en);
  const styles = useStyles();
  const table = useTableStyles();
  const [year, setYear] = useState(() => defaultYear(plan));
  const [actualText, setActualText] = useState("");
  const [actualCell, setActualCell] = useState<string | null>(null);
  const [components, setComponents] = useState<Loaded | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const actual = actualOf(actualText);
  const outcome = useMemo((): { ok: Settlement } | { error: Message } | null => {
    const read = actualOf(actualText);
    if (year === undefined || !read || "problem" in read) return null;
    try {
      const finalKey = components ? finalKeyOf(components.table, undefined, plan) : undefined;
      return { ok: settle(plan, year, read.value, finalKey, { unit: poolUnit(plan) }) };
    } catch (e) {
      if (e instanceof PlanInputError) return { error: { nl: e.nl, en: e.en } };
      throw e;
    }
  }, [plan, year, actualText, components]);

  const s = outcome && "ok" in outcome ? outcome.ok : null;
  const source = useMemo(
    (): SettlementSource => ({
      actual: actualCell
        ? { nl: `uit cel ${actualCell}`, en: `from cell ${actualCell}` }
        : { nl: "ingetypt", en: "typed" },
      finalKey: finalKeyText(components, s?.finalKeySource),
    }),
    [actualCell, components, s]
  );
  useEffect(
    () =>
      onSettlement?.(s ? { settlement: s, source, section: settlementSection(s, source) } : null),
    [s, source, onSettlement]
  );

  const fromSelection = (read: () => Promise<SelectedRange>, what: "actual" | "components") =>
    void run(t("Selectie lezen…", "Reading the selection…"), async () => {
      const sel = await read();
      if (what === "actual") {
        const flat = sel.values.flat();
        const v = flat[0];
        if (flat.length !== 1 || (typeof v !== "number" && typeof v !== "string") || v === "") {
          throw new PlanInputError({
            nl: `Selecteer één cel met de werkelijke kosten; ${sel.address} ${flat.length === 1 ? "is leeg of geen getal" : `is een bereik van ${flat.length} cellen`}`,
            en: `Select one cell with the actual costs; ${sel.address} ${flat.length === 1 ? "is empty or not a number" : `is a range of ${flat.length} cells`}`,
          });
        }
        const text = typeof v === "number" ? formatDecimal(new Decimal(v), 2) : v;
        const read = actualOf(text);
        if (!read || "problem" in read) {
          throw new PlanInputError({
            nl: `${sel.address} bevat '${v}', geen bedrag`,
            en: `${sel.address} holds '${v}', not an amount`,
          });
        }
        setActualText(text);
        setActualCell(sel.address);
      } else {
        const tableRead = readComponentTable(sel.values, originOf(sel.address));
        setComponents({ table: tableRead, from: sel.address });
      }
    });

  const pickFile = (file: File) => {
    void run(t(`${file.name} lezen…`, `Reading ${file.name}…`), async () => {
      const { componentsFromFile } = await import("../../workbook/componentsFile");
      setComponents({
        table: await componentsFromFile(await file.arrayBuffer(), file.name),
        from: file.name,
      });
    });
  };

  const sheet = useSheetInsert(
    insertSheet,
    run,
    s ? t(`Afrekening ${s.year} ingevoegd`, `Settlement ${s.year} inserted`) : ""
  );

  const years = yearsOf(plan);
  // A budget-share pool's advances stand in a table of its own title, not in Tabel 6.
  const contributions = tableName(plan, "Tabel 6");
  if (years.length === 0) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          {t(
            "Het plan heeft geen Tabel 6 met voorschotten per gemeente: er valt niets af te rekenen.",
            "The plan has no Tabel 6 with advances per municipality: there is nothing to settle."
          )}
        </MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <section
      aria-label={t("Afrekening na de jaarrekening", "Settlement after the annual accounts")}
      className={styles.root}
    >
      <p className={styles.hint}>
        {t(
          `De bedragen in ${contributions.nl} waren voorschotten. Na de jaarrekening worden de werkelijke kosten verdeeld met de definitieve sleutel; elke gemeente betaalt het verschil bij of krijgt het terug.`,
          `The ${contributions.en} amounts were advances. After the annual accounts the actual costs are distributed with the final key; each municipality pays the difference or gets it back.`
        )}
      </p>
      <div className={styles.inputs}>
        <Field label={t("Jaar", "Year")} className={styles.field}>
          <Select value={String(year)} onChange={(_, d) => setYear(Number(d.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          className={styles.field}
          label={t("Werkelijke kosten (€)", "Actual costs (€)")}
          validationState={actual && "problem" in actual ? "error" : "none"}
          validationMessage={actual && "problem" in actual ? actual.problem[lang] : undefined}
          hint={actualCell ? t(`uit cel ${actualCell}`, `from cell ${actualCell}`) : undefined}
        >
          <Input
            className={styles.input}
            inputMode="decimal"
            value={actualText}
            placeholder={t("uit de jaarrekening", "from the annual accounts")}
            onChange={(_, d) => {
              setActualText(d.value);
              setActualCell(null);
            }}
          />
        </Field>
      </div>
      {readSelection && (
        <div className={styles.row}>
          <Button
            size="small"
            icon={<TableSimple16Regular />}
            onClick={() => fromSelection(readSelection, "actual")}
          >
            {t("Uit geselecteerde cel", "From the selected cell")}
          </Button>
        </div>
      )}

      <div>
        <p className={styles.summary}>{t("Definitieve sleutel", "Final key")}</p>
        <p className={styles.hint}>
          {components
            ? t(
                `${source.finalKey.nl} (${components.table.rows.length} gemeenten)`,
                `${source.finalKey.en} (${components.table.rows.length} municipalities)`
              )
            : t(
                "Nog geen definitieve componenten: de voorlopige sleutel van het plan geldt, dus er is geen sleuteleffect.",
                "No final components yet: the plan's provisional key applies, so there is no key effect."
              )}
        </p>
      </div>
      <div className={styles.row}>
        <HiddenFileInput
          ref={fileInput}
          accept={`.csv,text/csv,${XLSX_FILES}`}
          label={t("Bestand met de definitieve componenten", "File with the final components")}
          onPick={pickFile}
        />
        <Button size="small" onClick={() => fileInput.current?.click()}>
          {t("Componenten uit bestand…", "Components from file…")}
        </Button>
        {readSelection && (
          <Button
            size="small"
            icon={<TableSimple16Regular />}
            onClick={() => fromSelection(readSelection, "components")}
          >
            {t("Uit geselecteerd bereik", "From the selected range")}
          </Button>
        )}
        {components && (
          <Button size="small" appearance="subtle" onClick={() => setComponents(null)}>
            {t("Voorlopige sleutel", "Provisional key")}
          </Button>
        )}
      </div>

      {!actual && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t(
              `Vul de werkelijke kosten van ${year} in om de afrekening te zien.`,
              `Fill in the actual costs of ${year} to see the settlement.`
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && "error" in outcome && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{outcome.error[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {s && (
        <SettlementResult
          s={s}
          lang={lang}
          styles={styles}
          table={table}
          copyText={props.copyText}
        />
      )}
      {s && insertSheet && (
        <div className={styles.row}>
          <Button
            appearance="primary"
            onClick={() => sheet.propose(settlementReport(s, source, lang, new Date()))}
          >
            {t("Als blad invoegen…", "Insert as sheet…")}
          </Button>
        </div>
      )}
      {sheet.notice}
      {sheet.dialog}
    </section>
  );
}

function SettlementResult(props: {
  s: Settlement;
  lang: Lang;
  styles: ReturnType<typeof useStyles>;
  table: ReturnType<typeof useTableStyles>;
  copyText?(text: string): Promise<void>;
}) {
  const { s, lang, styles, table, copyText } = props;
  const t = (nl: string, en: string) => (lang === "nl" ? nl : en);
  const tone = (d: Decimal) =>
    d.isZero() ? undefined : d.isPositive() ? styles.pays : styles.refund;
  // The settlement first: at 350 px it is the figure in view beside the name.
  const columns = [
    t("Afrekening", "Settlement"),
    t("Voorschot", "Advance"),
    t("Definitief", "Final"),
    t("Kosten", "Cost"),
    t("Sleutel", "Key"),
  ];
  const cells = (r: Settlement["totals"]) => [
    { text: formatSignedAmount(r.settlement, lang), className: tone(r.settlement) },
    { text: formatAmount(r.advance, lang) },
    { text: formatAmount(r.final, lang) },
    { text: formatSignedAmount(r.costEffect, lang) },
    { text: formatSignedAmount(r.keyEffect, lang) },
  ];
  return (
    <>
      <p className={styles.summary} role="status">
        {settlementSummary(s)[lang]}
      </p>
      <div
        className={styles.scroll}
        role="region"
        aria-label={t(`Afrekening ${s.year} per gemeente`, `Settlement ${s.year} per municipality`)}
        tabIndex={0}
      >
        <table className={table.table}>
          <thead>
            <tr>
              <th className={`${table.thLeft} ${styles.sticky}`} scope="col">
                {t("Gemeente", "Municipality")}
              </th>
              {columns.map((c) => (
                <th key={c} className={`${table.th} ${styles.nowrap}`} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r) => (
              <tr key={r.municipality}>
                <th className={`${table.tdLeft} ${styles.sticky}`} scope="row">
                  {r.municipality}
                </th>
                {cells(r).map((c, i) => (
                  <td
                    key={i}
                    className={`${table.td} ${styles.nowrap} ${c.className ?? ""}`}
                    data-testid={i === 0 ? `settlement-${r.municipality}` : undefined}
                  >
                    {c.text}
                  </td>
                ))}
              </tr>
            ))}
            <tr className={styles.total}>
              <th className={`${table.tdLeft} ${styles.sticky}`} scope="row">
                {t("Totaal", "Total")}
              </th>
              {cells(s.totals).map((c, i) => (
                <td key={i} className={`${table.td} ${styles.nowrap}`}>
                  {c.text}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p className={styles.hint}>
        {t(
          "Afrekening = definitief − voorschot; + betaalt bij, − krijgt terug. Kosten: door de werkelijke kosten (met de voorlopige sleutel); sleutel: door de definitieve sleutel.",
          "Settlement = final − advance; + pays, − gets back. Cost: from the actual costs (with the provisional key); key: from the final key."
        )}
      </p>
      {s.notes.map((n, i) => (
        <MessageBar key={i} intent="warning">
          <MessageBarBody>{n[lang]}</MessageBarBody>
        </MessageBar>
      ))}
      <ExplanationList
        id="up-settle-explanations"
        explanations={explainSettlement(s)}
        copyText={copyText}
      />
    </>
  );
}
