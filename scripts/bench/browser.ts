import { Browser } from "playwright-core";
import { sample, Sample } from "./stats";

/*
 * The production build in headless Chromium, served on 127.0.0.1 as a static server would
 * (test/support/browser.ts), with the two pages below beside it. Every run gets a fresh browser
 * context: no cache, no compiled code from the run before.
 */

/** The page against which the pane's start is compared: same server, nothing to run. */
const BLANK = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>leeg</title></head>
<body><main><p>Leeg / blank</p><button type="button">Excel-bestand kiezen…</button></main></body></html>`;

/**
 * Loads runtime.js as the shared runtime does, outside Office: office.js's globals are stood
 * in for (Office.onReady says "not in Excel", so the built-in plan answers; associate records
 * each function), then the page asks UP.CONTRIBUTION and notes when the answer arrives.
 */
const FIRST_ANSWER = `<!doctype html><html><head><meta charset="utf-8"><title>first answer</title>
<script>
  const functions = {};
  class CustomFunctionsError extends Error {
    constructor(code, message) { super(message); this.code = code; }
  }
  window.CustomFunctions = {
    associate(id, fn) { functions[id] = fn; },
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  window.Office = {
    HostType: { Excel: "Excel" },
    context: { displayLanguage: "nl-NL" },
    onReady(callback) {
      const info = { host: null, platform: null };
      callback(info);
      return Promise.resolve(info);
    },
  };
  window.firstAnswer = new Promise((resolve, reject) => {
    const start = performance.now();
    const script = document.createElement("script");
    script.src = "/runtime.js";
    script.onerror = () => reject(new Error("runtime.js did not load"));
    script.onload = () => {
      const loaded = performance.now() - start;
      const contribution = functions.CONTRIBUTION;
      if (!contribution) return reject(new Error("CONTRIBUTION was not associated"));
      contribution("Heerlen", 2025, null, {
        setResult(value) { resolve({ value, loaded, ms: performance.now() - start }); },
      });
    };
    document.head.appendChild(script);
  });
</script></head><body></body></html>`;

/** Notes the moment the pane (or the blank page) can be used: the file button enabled. */
function watchInteractive(): void {
  const w = window as unknown as { interactiveAt?: number };
  const ready = () => {
    if (w.interactiveAt !== undefined) return;
    const button = [...document.querySelectorAll("button")].find((b) =>
      /Excel-bestand kiezen|Choose Excel file/.test(b.textContent ?? "")
    );
    if (button && !button.disabled) w.interactiveAt = performance.now();
  };
  new MutationObserver(ready).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
  });
}

/** The measuring pages, served from memory beside the build's files. */
export const BENCH_PAGES: Record<string, string> = {
  "/bench/blank.html": BLANK,
  "/bench/first-answer.html": FIRST_ANSWER,
};

/** Milliseconds from navigation to the enabled file button, in a fresh context. */
async function timeToInteractive(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ locale: "nl-NL" });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript(watchInteractive);
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(
      () => (window as unknown as { interactiveAt?: number }).interactiveAt !== undefined,
      null,
      { timeout: 30_000, polling: 50 }
    );
    if (errors.length > 0) throw new Error(`${url}: ${errors.join("; ")}`);
    return await page.evaluate(
      () => (window as unknown as { interactiveAt: number }).interactiveAt
    );
  } finally {
    await context.close();
  }
}

export interface PaneStart {
  pane: Sample;
  blank: Sample;
  /** Pane time / blank time, per interleaved pair. */
  ratio: Sample;
}

export async function paneStart(browser: Browser, base: string, runs: number): Promise<PaneStart> {
  const pane: number[] = [];
  const blank: number[] = [];
  // One untimed load of each: the first start of a browser process is slower for both.
  await timeToInteractive(browser, `${base}/taskpane.html`);
  await timeToInteractive(browser, `${base}/bench/blank.html`);
  for (let i = 0; i < runs; i++) {
    pane.push(await timeToInteractive(browser, `${base}/taskpane.html`));
    blank.push(await timeToInteractive(browser, `${base}/bench/blank.html`));
  }
  return {
    pane: sample(pane),
    blank: sample(blank),
    ratio: sample(pane.map((p, i) => p / blank[i])),
  };
}

export interface FirstAnswer {
  time: Sample;
  /** Of which fetching, parsing and running runtime.js (the functions registered). */
  loaded: Sample;
  /** The answer itself, to compare with the engine's. */
  value: unknown;
}

export async function firstAnswer(
  browser: Browser,
  base: string,
  runs: number
): Promise<FirstAnswer> {
  const times: number[] = [];
  const loaded: number[] = [];
  let value: unknown;
  for (let i = 0; i <= runs; i++) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${base}/bench/first-answer.html`);
      const r = await page.evaluate(
        () =>
          (
            window as unknown as {
              firstAnswer: Promise<{ value: unknown; loaded: number; ms: number }>;
            }
          ).firstAnswer
      );
      value = r.value;
      // The first run starts the browser's own machinery; it is not counted.
      if (i > 0) {
        times.push(r.ms);
        loaded.push(r.loaded);
      }
    } finally {
      await context.close();
    }
  }
  return { time: sample(times), loaded: sample(loaded), value };
}
