import * as React from "react";
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, Text, webLightTheme } from "@fluentui/react-components";

/*
 * The page the pane's start is compared with (scripts/bench/baseline.ts): the smallest task pane
 * of Office's React template — office.js, then on Office.onReady React 19 and Fluent UI v9
 * rendering one text and one button. It pays what every Fluent add-in pays (office.js, React,
 * Fluent's styles) and nothing of UP.
 */

function Baseline(): React.JSX.Element {
  return (
    <main>
      <Text as="p">Kies een werkmap om te controleren.</Text>
      <Button appearance="primary">Excel-bestand kiezen…</Button>
    </main>
  );
}

void Office.onReady(() => {
  createRoot(document.getElementById("root")!).render(
    <FluentProvider theme={webLightTheme}>
      <Baseline />
    </FluentProvider>
  );
});
