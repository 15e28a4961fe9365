import * as React from "react";
import { useContext, useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Copy16Regular } from "@fluentui/react-icons";
import { Message } from "../core/model";
import { nbsp } from "./format";
import { LangContext, useT } from "./i18n";

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  paragraph: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  text: { margin: 0, flexGrow: 1 },
});

export interface Explanation {
  municipality: string;
  text: Message;
}

/**
 * "Toelichting per gemeente": a sentence per municipality to send along, each with its copy
 * button, and one to copy them all. On screen "€ 4.074" never breaks after the euro sign; the
 * copied text keeps plain spaces.
 */
export function ExplanationList(props: {
  /** The heading's id, unique on the page. */
  id: string;
  explanations: readonly Explanation[];
  /** Writes to the clipboard (tests pass their own). */
  copyText?: (text: string) => Promise<void>;
}) {
  const { id, explanations } = props;
  const t = useT();
  const lang = useContext(LangContext);
  const styles = useStyles();
  const [copied, setCopied] = useState<string | null>(null);

  const copy = async (which: string, text: string) => {
    const write = props.copyText ?? ((x: string) => navigator.clipboard.writeText(x));
    try {
      await write(text);
      setCopied(which);
    } catch {
      setCopied(null);
    }
  };

  return (
    <section aria-labelledby={id}>
      <div className={styles.paragraph}>
        <h3 id={id} className={`${styles.heading} ${styles.text}`}>
          {t("Toelichting per gemeente", "Explanation per municipality")}
        </h3>
        <Button
          size="small"
          icon={<Copy16Regular />}
          onClick={() => void copy("*", explanations.map((e) => e.text[lang]).join("\n\n"))}
        >
          {copied === "*" ? t("Gekopieerd", "Copied") : t("Kopieer alles", "Copy all")}
        </Button>
      </div>
      {explanations.map((e) => (
        <div key={e.municipality} className={styles.paragraph}>
          <p className={styles.text} data-testid={`explanation-${e.municipality}`}>
            {nbsp(e.text[lang])}
          </p>
          <Button
            size="small"
            appearance="subtle"
            icon={<Copy16Regular />}
            aria-label={t(
              `Kopieer toelichting ${e.municipality}`,
              `Copy explanation ${e.municipality}`
            )}
            onClick={() => void copy(e.municipality, e.text[lang])}
          >
            {copied === e.municipality ? t("Gekopieerd", "Copied") : undefined}
          </Button>
        </div>
      ))}
    </section>
  );
}
