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

/*
 * jsdom has no layout: every offsetParent is null and the body measures 0 × 0, so tabster
 * (Fluent's focus manager) takes every element for hidden. An opened Dialog then finds no button
 * to focus, its modal is never activated, and 250 ms later tabster hides the dialog itself
 * (aria-hidden on its surface): a test that looks for it after that, as a slow run does, never
 * finds it. Here an element is laid out as in a pane of 350 × 800 px unless it is hidden, not
 * displayed, or in a closed <details>.
 */
if (typeof window !== "undefined") {
  const PANE = { x: 0, y: 0, top: 0, left: 0, width: 350, height: 800, right: 350, bottom: 800 };
  const shown = (el: HTMLElement) => {
    for (let e: HTMLElement | null = el; e; e = e.parentElement) {
      if (e.hidden || e.style.display === "none") return false;
      const details = e.parentElement;
      if (details instanceof HTMLDetailsElement && !details.open && e.tagName !== "SUMMARY")
        return false;
    }
    return window.getComputedStyle(el).display !== "none";
  };
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement) {
      const doc = this.ownerDocument;
      if (this === doc.body || !this.isConnected || !shown(this)) return null;
      return doc.body;
    },
  });
  const rect = HTMLBodyElement.prototype.getBoundingClientRect;
  HTMLBodyElement.prototype.getBoundingClientRect = function (this: HTMLBodyElement) {
    return this.isConnected ? ({ ...PANE, toJSON: () => PANE } as DOMRect) : rect.call(this);
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
