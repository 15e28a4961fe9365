import * as React from "react";
import { lazy, startTransition, Suspense, useCallback, useEffect, useRef, useState } from "react";
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { checkPlan } from "../core/check";
import { CheckResult, Finding } from "../core/model";
import { formatCell } from "../core/address";
import { formatEuro } from "../core/dutchNumber";
import { fixName } from "../core/rules/ALLOC-SUM";
import type { CellWrite } from "../excel/write/backup";
import { Acceptance, findingKey } from "../report/findings";
import { KeyComparison } from "../report/keyComparison";
import type { buildReport } from "../report/report";
import { HiddenFileInput, XLSX_FILES } from "./HiddenFileInput";
import { LoadedPlan, PaneHost, ReadStage } from "./host";
import { LangContext } from "./i18n";
import type { PaneTab } from "./PaneTabs";
import { ReadCancelled } from "./read/workerRead";
import { SettlementTab } from "./settle/SettlementTab";
import type { SettlementShown } from "./settle/SettlementView";
import { useTask } from "./useTask";
import type { PendingWrite, PreviewRow } from "./WriteDialog";

// The views load after the first check, so the page that asks for a file comes up fast.
const ActionsView = lazy(() => import("./ActionsView").then((m) => ({ default: m.ActionsView })));
const CompareView = lazy(() =>
  import("./compare/CompareView").then((m) => ({ default: m.CompareView }))
);
const CompareFiles = lazy(() =>
  import("./compare/CompareFiles").then((m) => ({ default: m.CompareFiles }))
);
/** The view a check opens on; fetched while the file is read, so showing it waits for nothing. */
const loadFindingsView = () => import("./FindingsView");
const FindingsView = lazy(() => loadFindingsView().then((m) => ({ default: m.FindingsView })));
/** The tab bar (Fluent's tabs, overflow menu and their focus handling) comes with the first result too. */
const loadPaneTabs = () => import("./PaneTabs");
const PaneTabs = lazy(() => loadPaneTabs().then((m) => ({ default: m.PaneTabs })));
/** What showing a check needs, fetched while the plan is read. */
function preloadResultViews(): void {
  void loadFindingsView();
  void loadPaneTabs();
}
const KeyPanels = lazy(() => import("./KeyPanels").then((m) => ({ default: m.KeyPanels })));
const PlanView = lazy(() => import("./PlanView").then((m) => ({ default: m.PlanView })));
const BindingPanel = lazy(() =>
  import("./binding/BindingPanel").then((m) => ({ default: m.BindingPanel }))
);
const WriteDialog = lazy(() => import("./WriteDialog").then((m) => ({ default: m.WriteDialog })));

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    maxWidth: "960px",
    minWidth: 0,
    boxSizing: "border-box",
    overflowWrap: "anywhere",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  lead: { margin: 0, color: tokens.colorNeutralForeground2 },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  file: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  fileTerm: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  panel: { minWidth: 0 },
});

type TabId = "findings" | "plan" | "keys" | "compare" | "settle" | "report";

interface State {
  loaded: LoadedPlan;
  result: CheckResult | null;
  /** Counts checks, so views holding user input start afresh with a new plan. */
  run: number;
}

const STAGE: Record<ReadStage, { nl: string; en: string }> = {
  open: { nl: "openen", en: "opening" },
  unpack: { nl: "uitpakken", en: "unpacking" },
  recognise: { nl: "tabellen zoeken", en: "finding the tables" },
};

export function App({ host }: { host: PaneHost }) {
  const lang = host.lang;
  const t = useCallback((nl: string, en: string) => (lang === "nl" ? nl : en), [lang]);
  const styles = useStyles();
  const task = useTask(lang, host.mode);
  const run = task.run;
  const excel = host.mode === "excel" ? host : undefined;
  const [state, setState] = useState<State | null>(null);
  const [accepted, setAccepted] = useState<Map<string, Acceptance>>(new Map());
  const [tab, setTab] = useState<TabId>("findings");
  /** The check run whose key view was opened: it stays mounted (hidden) to keep its scenario. */
  const [keysRun, setKeysRun] = useState<number | null>(null);
  const [comparison, setComparison] = useState<KeyComparison | null>(null);
  const [settlement, setSettlement] = useState<SettlementShown | null>(null);
  const [pending, setPending] = useState<(PendingWrite & { writes: CellWrite[] }) | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The file picked in the browser; shown from the moment it is picked. */
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  /** Shows a new reading; `keepTab` after an action whose outcome the user is looking at. */
  const show = useCallback((loaded: LoadedPlan, keepTab = false) => {
    const result = loaded.plan ? (loaded.result ?? checkPlan(loaded.plan)) : null;
    // A transition: React renders the new findings in slices and the page keeps responding.
    startTransition(() => {
      setState((s) => ({ loaded, result, run: (s?.run ?? 0) + 1 }));
      setAccepted(new Map(loaded.accepted));
      setComparison(null);
      setSettlement(null);
      if (!keepTab) setTab("findings");
    });
  }, []);

  /** Nothing of an earlier reading stays on screen once it no longer holds. */
  const forget = useCallback(() => {
    setState(null);
    setAccepted(new Map());
    setComparison(null);
    setSettlement(null);
    setPending(null);
  }, []);

  const readFile = useCallback(
    async (picked: File, keepTab = false) => {
      if (host.mode !== "browser") return;
      const abort = new AbortController();
      setReading(abort);
      preloadResultViews();
      const label = (stage: ReadStage) =>
        t(
          `${picked.name} lezen: ${STAGE[stage].nl}…`,
          `Reading ${picked.name}: ${STAGE[stage].en}…`
        );
      const loaded = await run(label("open"), async (relabel) => {
        try {
          return await host.openFile(picked, {
            signal: abort.signal,
            onProgress: (stage) => relabel(label(stage)),
          });
        } catch (e) {
          if (e instanceof ReadCancelled) return null;
          throw e;
        }
      });
      setReading(null);
      if (loaded) show(loaded, keepTab);
      else {
        forget();
        if (loaded === null)
          setNotice(
            t(`Het lezen van ${picked.name} is gestopt.`, `Reading ${picked.name} was stopped.`)
          );
      }
    },
    [host, run, t, show, forget]
  );

  const check = useCallback(
    async (keepTab = false) => {
      setNotice(null);
      if (host.mode === "excel") {
        preloadResultViews();
        const loaded = await run(
          t("Plan lezen en controleren…", "Reading and checking the plan…"),
          () => host.loadWorkbook()
        );
        if (loaded) show(loaded, keepTab);
        else forget();
      } else if (file) {
        await readFile(file, keepTab);
      } else {
        fileInput.current?.click();
      }
    },
    [host, run, t, show, forget, file, readFile]
  );

  useEffect(
    () => (host.mode === "excel" ? host.onCheckRequest?.(() => void check()) : undefined),
    [host, check]
  );

  const pick = (picked: File | undefined) => {
    if (!picked || host.mode !== "browser") return;
    // A new file: the old one's findings, keys and report go at once.
    forget();
    setNotice(null);
    setFile(picked);
    void readFile(picked);
  };

  const select =
    excel &&
    ((f: Finding) =>
      void run(t("Cellen selecteren…", "Selecting cells…"), async () => {
        const partly = await excel.excel.select(f.cells);
        setNotice(partly ? partly[lang] : null);
      }));

  const accept =
    excel &&
    ((list: Finding[], a: Acceptance) =>
      void run(
        t(`${list.length} bevinding(en) accepteren…`, `Accepting ${list.length} finding(s)…`),
        async () => {
          for (const f of list) {
            await excel.excel.accept(findingKey(f), a);
            setAccepted((m) => new Map(m).set(findingKey(f), a));
          }
        }
      ));

  const unaccept =
    excel &&
    ((f: Finding) =>
      void run(t("Acceptatie intrekken…", "Withdrawing acceptance…"), async () => {
        await excel.excel.unaccept(findingKey(f));
        setAccepted((m) => {
          const next = new Map(m);
          next.delete(findingKey(f));
          return next;
        });
      }));

  const proposeWrites = (label: string, writes: CellWrite[], preview: PreviewRow[]) =>
    setPending({ label, writes, preview });

  const fixRounding = (f: Finding) => {
    const fix = (f.fix ?? []).flatMap((x) =>
      x.cell && !x.from.eq(x.to) ? [{ ...x, cell: x.cell }] : []
    );
    proposeWrites(
      t(`Afronding ${f.year ?? ""} hersteld`, `Rounding ${f.year ?? ""} fixed`),
      fix.map((x) => ({ cell: x.cell, value: x.to.toNumber(), kind: "euro" as const })),
      fix.map((x) => ({
        where: `${fixName(x)[lang]} ${x.year} (${formatCell(x.cell)})`,
        from: formatEuro(x.from),
        to: formatEuro(x.to),
      }))
    );
  };

  const confirmWrite = (overwriteFormulas: boolean) => {
    const p = pending;
    if (!p || !excel) return;
    // The dialog stays open until the write is done, or turns into the question about formulas.
    void run(t("Wijzigingen schrijven…", "Writing changes…"), async () => {
      const outcome = await excel.excel
        .write(p.writes, { overwriteFormulas, label: p.label })
        .catch((e: unknown) => {
          setPending(null);
          throw e;
        });
      if (outcome.status === "needs-confirmation") {
        setPending({ ...p, formulaCells: outcome.formulaCells });
        return;
      }
      setPending(null);
      setNotice(
        t(
          `${outcome.count} cellen gewijzigd. De vorige waarden staan in het verborgen blad UP_Backup.`,
          `${outcome.count} cells changed. The previous values are in the hidden sheet UP_Backup.`
        )
      );
      show(await excel.loadWorkbook());
    });
  };

  /** The last check's report, made by the builder the (lazily loaded) actions view brings. */
  const report = (build: typeof buildReport) =>
    state?.loaded.plan && state.result
      ? build(
          {
            plan: state.loaded.plan,
            result: state.result,
            accepted,
            formulaSource: state.loaded.formulaSource,
            workbook: state.loaded.workbookName,
            date: new Date(),
            keys: comparison ?? undefined,
            remarks: state.loaded.remarks,
            sections: settlement ? [settlement.section] : undefined,
          },
          lang
        )
      : null;

  const plan = state?.loaded.plan;
  // The key view (45 fields) is built when first opened, not with every check.
  if (state && tab === "keys" && keysRun !== state.run) setKeysRun(state.run);
  // A table the reader had to leave out is not checked: say so where the findings are.
  const unread = state?.loaded.remarks.filter((r) => r.severity === "error") ?? [];
  const inExcel = excel !== undefined;
  const shownName = file?.name ?? state?.loaded.workbookName;
  const open = state?.result?.findings.filter((f) => !accepted.has(findingKey(f))).length ?? 0;
  const tabs: (PaneTab & { id: TabId })[] = [
    { id: "findings", label: `${t("Bevindingen", "Findings")} (${open})` },
    { id: "plan", label: t("Plan", "Plan") },
    { id: "keys", label: t("Verdeelsleutel", "Key") },
    { id: "compare", label: t("Vergelijken", "Compare") },
    { id: "settle", label: t("Afrekening", "Settlement") },
    { id: "report", label: inExcel ? t("Acties", "Actions") : t("Verslag", "Report") },
  ];
  const tabName = tabs.find((x) => x.id === tab)?.label ?? "";

  return (
    <LangContext.Provider value={lang}>
      <div className={styles.root} aria-busy={task.running}>
        <header className={styles.header}>
          <h1 className={styles.title}>
            {t("Uitvoeringsplan controleren", "Check the execution plan")}
          </h1>
          <p className={styles.lead}>
            {inExcel
              ? t(
                  "Controleert of de tabellen van het plan in deze werkmap met elkaar kloppen.",
                  "Checks that the plan's tables in this workbook agree with each other."
                )
              : t(
                  "Kies een Excel-bestand met het uitvoeringsplan. Het bestand wordt alleen in deze pagina gelezen en verlaat uw computer niet.",
                  "Choose an Excel file with the execution plan. The file is read in this page only and never leaves your computer."
                )}
          </p>
        </header>
        <div className={styles.bar}>
          {!inExcel && (
            <>
              <HiddenFileInput
                ref={fileInput}
                id="up-file"
                accept={XLSX_FILES}
                label={t(
                  "Excel-bestand met het uitvoeringsplan",
                  "Excel file with the execution plan"
                )}
                onPick={pick}
              />
              <Button appearance="primary" onClick={() => fileInput.current?.click()}>
                {file
                  ? t("Ander bestand kiezen…", "Choose another file…")
                  : t("Excel-bestand kiezen…", "Choose Excel file…")}
              </Button>
            </>
          )}
          <Button
            appearance={inExcel ? "primary" : "secondary"}
            onClick={() => void check()}
            disabled={task.running || (!inExcel && !file)}
          >
            {t("Controleer plan", "Check plan")}
          </Button>
          {task.progress && <Spinner size="tiny" label={task.progress} aria-live="polite" />}
          {reading && task.progress && (
            <Button size="small" onClick={() => reading.abort()}>
              {t("Stoppen", "Stop")}
            </Button>
          )}
        </div>
        {shownName && (
          <p className={styles.file} data-testid="file-name">
            <span className={styles.fileTerm}>
              {inExcel ? t("Werkmap: ", "Workbook: ") : t("Bestand: ", "File: ")}
            </span>
            {shownName}
          </p>
        )}
        {task.error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{t("Niet gelukt", "Did not work")}</MessageBarTitle>
              {task.error}
            </MessageBarBody>
          </MessageBar>
        )}
        {notice && (
          <MessageBar intent={reading === null && !state ? "info" : "success"} role="status">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {!state && !task.running && !task.error && !notice && (
          <p>
            {inExcel
              ? t(
                  'Klik op "Controleer plan" om alle controles uit te voeren.',
                  'Click "Check plan" to run every check.'
                )
              : file
                ? t("Nog niet gelezen.", "Not read yet.")
                : t("Nog geen bestand gekozen.", "No file chosen yet.")}
          </p>
        )}
        {state && !plan && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>
                {t(
                  `Geen uitvoeringsplan gevonden in ${state.loaded.workbookName}`,
                  `No execution plan found in ${state.loaded.workbookName}`
                )}
              </MessageBarTitle>
              {[
                ...state.loaded.remarks.map((r) => r.message[lang]),
                ...(state.loaded.looked.length > 0
                  ? [t("Gezocht naar: ", "Looked for: ") + state.loaded.looked.join("; ")]
                  : []),
              ].join(" ")}
            </MessageBarBody>
          </MessageBar>
        )}
        {host.mode === "browser" && state && file && (
          <Suspense fallback={null}>
            <BindingPanel
              file={file}
              loaded={state.loaded}
              onBound={(bound) => {
                setFile(bound);
                void readFile(bound);
              }}
              onDownload={host.download}
            />
          </Suspense>
        )}
        {state && plan && state.result && (
          <>
            {unread.length > 0 && (
              <MessageBar intent="warning" role="alert">
                <MessageBarBody>
                  <MessageBarTitle>
                    {t("De controle is onvolledig", "The check is incomplete")}
                  </MessageBarTitle>
                  {t(
                    "Het plan kon niet volledig worden gelezen:",
                    "The plan could not be read completely:"
                  )}{" "}
                  {unread
                    .map((r) => `${r.cell ? `${formatCell(r.cell)}: ` : ""}${r.message[lang]}`)
                    .join(" ")}
                </MessageBarBody>
              </MessageBar>
            )}
            <Suspense fallback={null}>
              <PaneTabs tabs={tabs} selected={tab} onSelect={(id) => setTab(id as TabId)} />
            </Suspense>
            <Suspense fallback={<Spinner size="tiny" label={t("Laden…", "Loading…")} />}>
              <div role="tabpanel" aria-label={tabName} className={styles.panel}>
                {tab === "findings" && (
                  <FindingsView
                    result={state.result}
                    plan={plan}
                    accepted={accepted}
                    onSelect={select}
                    onAccept={accept}
                    onUnaccept={unaccept}
                    onFix={excel && fixRounding}
                  />
                )}
                {tab === "plan" && <PlanView loaded={state.loaded} />}
                {tab === "compare" &&
                  (host.mode === "browser" ? (
                    <CompareFiles plan={plan} fileName={state.loaded.workbookName} host={host} />
                  ) : (
                    <CompareView oldPlan={plan} />
                  ))}
                {keysRun === state.run && (
                  <div hidden={tab !== "keys"}>
                    <KeyPanels
                      key={state.run}
                      plan={plan}
                      onComparison={setComparison}
                      onApply={excel && proposeWrites}
                      run={task.run}
                      insertSheet={excel?.excel.insertSheet}
                    />
                  </div>
                )}
                <SettlementTab
                  shown={tab === "settle"}
                  key={state.run}
                  plan={plan}
                  run={task.run}
                  readSelection={excel?.excel.readSelection}
                  insertSheet={excel?.excel.insertSheet}
                  onSettlement={setSettlement}
                />
                {tab === "report" && (
                  <ActionsView
                    host={host}
                    task={task}
                    workbookName={state.loaded.workbookName}
                    report={report}
                    onChanged={() => void check(true)}
                  />
                )}
              </div>
            </Suspense>
          </>
        )}
        {inExcel && !state && (
          <Suspense fallback={null}>
            <ActionsView
              host={host}
              task={task}
              report={report}
              onChanged={() => void check(true)}
            />
          </Suspense>
        )}
        {pending && (
          <Suspense fallback={null}>
            <WriteDialog
              pending={pending}
              onConfirm={confirmWrite}
              onCancel={() => setPending(null)}
            />
          </Suspense>
        )}
      </div>
    </LangContext.Provider>
  );
}
