import * as React from "react";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Lang, LangContext } from "../../src/taskpane/i18n";

// jsdom has no layout; Fluent's MessageBar watches its size to reflow.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as Record<string, unknown>).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

/** Renders a pane component as the pane does: Fluent theme and the pane's language. */
export function renderPane(ui: React.ReactElement, lang: Lang = "nl") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={lang}>{ui}</LangContext.Provider>
    </FluentProvider>
  );
}
