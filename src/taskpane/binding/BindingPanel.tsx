import * as React from "react";
import { useEffect, useState } from "react";
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
import { quoteSheetName } from "../../core/address";
import { TableId } from "../../core/model";
import { tableKind } from "../../core/tableKinds";
import { BINDABLE, parseBinding, TableBinding, withBinding } from "../../reader/binding";
import { LoadedPlan } from "../host";
import { useT } from "../i18n";
import { bindFile, FileBindings, inspectFile } from "./browserBinding";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  text: { margin: 0 },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))",
    alignItems: "start",
    gap: tokens.spacingHorizontalS,
    "& > *": { minWidth: 0 },
    // Fluent's Input and Select keep a minimum width of their own.
    "& .fui-Input, & .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& select, & input": { minWidth: 0 },
  },
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * Plan tables the reading left out: not recognised, or read with errors. A kind that plans of
 * some years lack (the budget) is no gap; it can still be bound when the panel shows.
 */
export function missingTables(loaded: LoadedPlan): TableId[] {
  return BINDABLE.filter((id) => !tableKind(id).optional && !loaded.plan?.source.tables[id]);
}

function describe(b: TableBinding, t: (nl: string, en: string) => string): string {
  const years = b.years
    ? b.years.map((y) => `${y.column}=${y.year}`).join(", ")
    : t(`jaren uit rij ${b.headerRow}`, `years from row ${b.headerRow}`);
  return `${b.table}: ${quoteSheetName(b.sheet)}!${b.range} (${t("labels in kolom", "labels in column")} ${b.labelColumn}, ${years})`;
}

export interface BindingPanelProps {
  file: File;
  loaded: LoadedPlan;
  /** The workbook with the new binding saved in it; the pane checks it again. */
  onBound(file: File): void;
  onDownload(name: string, data: Uint8Array): void;
}

/**
 * "Dit is Tabel 6": the user points out the range of a table the reader missed, with its label
 * column and its year header row (or which column is which year). The binding is saved in the
 * workbook, so the command line and the add-in read the table the same way.
 */
export function BindingPanel({ file, loaded, onBound, onDownload }: BindingPanelProps) {
  const t = useT();
  const styles = useStyles();
  const missing = missingTables(loaded);
  const [inspected, setInspected] = useState<FileBindings | null>(null);
  // Each reading says what the workbook holds, the bindings just saved included.
  const info = loaded.binding ?? inspected;
  const [table, setTable] = useState<TableId>(missing[0] ?? "Tabel 6");
  /** Empty: the workbook's first sheet. */
  const [chosenSheet, setSheet] = useState("");
  const [range, setRange] = useState("");
  const [labelColumn, setLabelColumn] = useState("A");
  const [headerRow, setHeaderRow] = useState("");
  const [years, setYears] = useState("");
  const [extra, setExtra] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // The browser page's reading already says what the workbook holds.
    if (loaded.binding) return;
    let live = true;
    inspectFile(file).then(
      (i) => {
        if (!live) return;
        setInspected(i);
      },
      (e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e))
    );
    return () => {
      live = false;
    };
  }, [file, loaded.binding]);

  if (!info || (missing.length === 0 && info.bindings.length === 0)) return null;
  const sheet = chosenSheet || info.sheets[0] || "";

  const bind = async () => {
    const parsed = parseBinding([table, sheet, range, labelColumn, headerRow, years, extra]);
    if ("nl" in parsed) {
      setProblem(t(parsed.nl, parsed.en));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      onBound(await bindFile(file, withBinding(info.bindings, parsed)));
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const download = async () => onDownload(file.name, new Uint8Array(await file.arrayBuffer()));

  return (
    <section id="up-binding" className={styles.root} aria-labelledby="up-binding-heading">
      <h2 id="up-binding-heading" className={styles.heading}>
        {t("Tabel met de hand koppelen", "Bind a table by hand")}
      </h2>
      {missing.length > 0 && (
        <p className={styles.text}>
          {t(
            `Niet gevonden of niet leesbaar: ${missing.join(", ")}. Wijs het bereik van de tabel aan, met de kolom van de labels en de rij met de jaren (of welke kolom welk jaar is).`,
            `Not found or not readable: ${missing.join(", ")}. Point out the table's range, with the column of its labels and the row with its years (or which column is which year).`
          )}
        </p>
      )}
      {info.bindings.length > 0 && (
        <>
          <p className={styles.text}>
            {t("Met de hand gekoppeld in deze werkmap:", "Bound by hand in this workbook:")}
          </p>
          <ul className={styles.list}>
            {info.bindings.map((b) => (
              <li key={b.table}>{describe(b, t)}</li>
            ))}
          </ul>
        </>
      )}
      <div className={styles.grid}>
        <Field label={t("Dit is", "This is")}>
          <Select value={table} onChange={(_, d) => setTable(d.value as TableId)}>
            {BINDABLE.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("Werkblad", "Sheet")}>
          <Select value={sheet} onChange={(_, d) => setSheet(d.value)}>
            {info.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("Bereik", "Range")} hint={t("bijv. A60:H77", "e.g. A60:H77")}>
          <Input value={range} onChange={(_, d) => setRange(d.value)} />
        </Field>
        <Field label={t("Kolom met labels", "Label column")}>
          <Input value={labelColumn} onChange={(_, d) => setLabelColumn(d.value)} />
        </Field>
        <Field label={t("Rij met de jaren", "Row with the years")} hint={t("bijv. 60", "e.g. 60")}>
          <Input value={headerRow} onChange={(_, d) => setHeaderRow(d.value)} />
        </Field>
        <Field
          label={t("Of: kolommen en jaren", "Or: columns and years")}
          hint={t("bijv. D=2023;E=2024", "e.g. D=2023;E=2024")}
        >
          <Input value={years} onChange={(_, d) => setYears(d.value)} />
        </Field>
        <Field
          label={t("Kolom met sleutel/aandeel/schaal", "Key/share/scale column")}
          hint={t("leeg: vanzelf", "empty: found by itself")}
        >
          <Input value={extra} onChange={(_, d) => setExtra(d.value)} />
        </Field>
      </div>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.bar}>
        <Button appearance="primary" disabled={busy} onClick={() => void bind()}>
          {t("Koppelen en opnieuw controleren", "Bind and check again")}
        </Button>
        <Button disabled={info.bindings.length === 0} onClick={() => void download()}>
          {t("Werkmap met koppeling downloaden", "Download workbook with binding")}
        </Button>
      </div>
    </section>
  );
}
