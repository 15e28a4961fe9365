import * as React from "react";
import { useRef, useState } from "react";
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { PlanInputError } from "../../core/errors";
import { Plan } from "../../core/model";
import { HiddenFileInput, XLSX_FILES } from "../HiddenFileInput";
import { BrowserPaneHost } from "../host";
import { useT } from "../i18n";
import { ReadCancelled } from "../read/workerRead";
import { errorText } from "../useTask";
import { CompareView } from "./CompareView";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
  },
  text: { margin: 0 },
});

interface Other {
  name: string;
  plan: Plan;
}

/**
 * The browser page's "Vergelijken": the plan's own years, or this file against another version
 * of the plan (`up compare oud.xlsx nieuw.xlsx`), the other file read like the first.
 */
export function CompareFiles(props: { plan: Plan; fileName: string; host: BrowserPaneHost }) {
  const { plan, fileName, host } = props;
  const t = useT();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [other, setOther] = useState<Other | null>(null);
  const [otherIsOld, setOtherIsOld] = useState(true);
  const [reading, setReading] = useState<{ name: string; abort: AbortController } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const pick = async (file: File) => {
    const abort = new AbortController();
    setReading({ name: file.name, abort });
    setProblem(null);
    setOther(null);
    try {
      const loaded = await host.openFile(file, { signal: abort.signal });
      if (loaded.plan) setOther({ name: file.name, plan: loaded.plan });
      else
        setProblem(
          t(
            `Geen uitvoeringsplan gevonden in ${file.name}.`,
            `No execution plan found in ${file.name}.`
          )
        );
    } catch (e) {
      if (!(e instanceof ReadCancelled)) {
        if (!(e instanceof PlanInputError)) console.error(e);
        setProblem(errorText(e, host.lang, "browser"));
      }
    } finally {
      setReading(null);
    }
  };

  return (
    <div className={styles.root}>
      <p className={styles.text}>
        {other
          ? t(
              `${fileName} vergeleken met ${other.name}.`,
              `${fileName} compared with ${other.name}.`
            )
          : t(
              "De jaren van dit plan naast elkaar, of dit bestand naast een andere versie van het plan.",
              "This plan's years side by side, or this file beside another version of the plan."
            )}
      </p>
      <div className={styles.bar}>
        <HiddenFileInput
          ref={input}
          accept={XLSX_FILES}
          label={t("Ander bestand om mee te vergelijken", "Other file to compare with")}
          onPick={(file) => void pick(file)}
        />
        <Button onClick={() => input.current?.click()} disabled={reading !== null}>
          {other
            ? t("Ander vergelijkingsbestand…", "Other file to compare…")
            : t("Vergelijk met ander bestand…", "Compare with another file…")}
        </Button>
        {other && (
          <>
            <Field label={t(`${other.name} is`, `${other.name} is`)}>
              <Select
                value={otherIsOld ? "old" : "new"}
                onChange={(_, d) => setOtherIsOld(d.value === "old")}
              >
                <option value="old">{t("de oude versie", "the old version")}</option>
                <option value="new">{t("de nieuwe versie", "the new version")}</option>
              </Select>
            </Field>
            <Button appearance="subtle" onClick={() => setOther(null)}>
              {t("Alleen dit plan", "This plan only")}
            </Button>
          </>
        )}
        {reading && (
          <>
            <Spinner
              size="tiny"
              label={t(`${reading.name} lezen…`, `Reading ${reading.name}…`)}
              aria-live="polite"
            />
            <Button size="small" onClick={() => reading.abort.abort()}>
              {t("Stoppen", "Stop")}
            </Button>
          </>
        )}
      </div>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {other ? (
        <CompareView
          key={`${other.name}|${otherIsOld}`}
          oldPlan={otherIsOld ? other.plan : plan}
          newPlan={otherIsOld ? plan : other.plan}
        />
      ) : (
        <CompareView oldPlan={plan} />
      )}
    </div>
  );
}
