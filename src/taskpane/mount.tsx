import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { browserHost } from "./browserHost";
import { excelHost } from "./excelHost";
import { detectLang } from "./i18n";

/**
 * Called by the shared runtime's page after Office.onReady. Inside Excel the pane works on
 * the open workbook; outside Office (host null) it is the plain browser page.
 */
export function mountPane(root: HTMLElement): void {
  const office = typeof Office === "undefined" ? undefined : Office;
  const inExcel = office?.context?.host === office?.HostType?.Excel && !!office?.context?.host;
  const lang = detectLang(
    inExcel ? office?.context?.displayLanguage : globalThis.navigator?.language
  );
  document.documentElement.lang = lang;
  const host = inExcel ? excelHost(lang) : browserHost(lang);
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}
