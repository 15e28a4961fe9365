import * as React from "react";
import { act } from "react";
import { createRoot, Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Lang, LangContext } from "../../src/taskpane/i18n";

/*
 * Rendering and querying by role and accessible name, as the user (and a screen reader)
 * meets the pane. A small stand-in for @testing-library/dom, which is not installed here.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no layout; Fluent's MessageBar watches its size to reflow.
if (!("ResizeObserver" in window)) {
  (window as unknown as Record<string, unknown>).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

const mounted: { root: Root; container: HTMLElement }[] = [];

afterEach(() => {
  for (const m of mounted.splice(0)) {
    act(() => m.root.unmount());
    m.container.remove();
  }
});

export function renderPane(ui: React.ReactElement, lang: Lang = "nl"): HTMLElement {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <LangContext.Provider value={lang}>{ui}</LangContext.Provider>
      </FluentProvider>
    )
  );
  mounted.push({ root, container });
  return container;
}

const SELECTORS: Record<string, string> = {
  button: "button, [role=button]",
  heading: "h1, h2, h3, h4, h5, h6, [role=heading]",
  region: "section[aria-label], section[aria-labelledby], [role=region]",
  status: "[role=status]",
  alert: "[role=alert]",
  listitem: "li",
  textbox: "textarea, input:not([type]), input[type=text], input[type=search]",
  tab: "[role=tab]",
  table: "table",
  combobox: "select",
  dialog: "[role=dialog], [role=alertdialog]",
};

export function accessibleName(el: Element): string {
  const label = el.getAttribute("aria-label");
  if (label) return label;
  const by = el.getAttribute("aria-labelledby");
  if (by)
    return by
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
  if (el.id) {
    const forLabel = document.querySelector(`label[for="${el.id}"]`);
    if (forLabel) return forLabel.textContent ?? "";
  }
  return (el.textContent ?? "").trim();
}

export function allByRole(
  role: keyof typeof SELECTORS,
  name?: string | RegExp,
  within: ParentNode = document.body
): HTMLElement[] {
  return [...within.querySelectorAll<HTMLElement>(SELECTORS[role])].filter((el) => {
    if (el.closest("[hidden]")) return false;
    if (name === undefined) return true;
    const n = accessibleName(el);
    return typeof name === "string" ? n === name : name.test(n);
  });
}

export function byRole(
  role: keyof typeof SELECTORS,
  name?: string | RegExp,
  within?: ParentNode
): HTMLElement {
  const all = allByRole(role, name, within);
  if (all.length !== 1)
    throw new Error(`Expected one ${role} named ${String(name)}, found ${all.length}`);
  return all[0];
}

export function byText(text: string | RegExp, within: ParentNode = document.body): HTMLElement[] {
  return [...within.querySelectorAll<HTMLElement>("*")].filter((el) => {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
    const t = el.textContent ?? "";
    return own && (typeof text === "string" ? t.includes(text) : text.test(t));
  });
}

/** Lets pending promises (and React's updates from them) settle. */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
  await settle();
}

/** Types into an input or textarea the way React sees typing: a value change and an input event. */
export async function type(el: HTMLElement, text: string): Promise<void> {
  const proto =
    el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, "value")!.set!;
  await act(async () => {
    setter.call(el, text);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

export async function choose(select: HTMLElement, value: string): Promise<void> {
  await act(async () => {
    (select as HTMLSelectElement).value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}
