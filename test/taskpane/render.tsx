import * as React from "react";
import { render, screen } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
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

/** Goes to a tab, through the "Meer" menu when the tabs do not all fit (in jsdom: after the first). */
export async function gotoTab(user: UserEvent, name: string | RegExp): Promise<void> {
  const tab = screen.queryByRole("tab", { name });
  if (tab) {
    await user.click(tab);
    return;
  }
  await user.click(screen.getByRole("button", { name: /^Meer tabbladen/ }));
  await user.click(await screen.findByRole("menuitem", { name }));
}
