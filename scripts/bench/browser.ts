import { Browser, BrowserContextOptions, Page } from "playwright-core";
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
      // As Excel calls it: every declared parameter (null when left out), the invocation last.
      const args = new Array(contribution.length - 1).fill(null);
      args[0] = "Heerlen";
      args[1] = 2025;
      contribution(...args, {
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

/** When a page's scripts were requested and office.js had arrived, ms from navigation. */
export interface ScriptTimes {
  officeLoaded: number;
  runtimeRequested: number;
  /** The first of the pane's lazy chunks (pane.*.js) requested. */
  paneRequested: number;
}

interface Started {
  interactive: number;
  scripts?: ScriptTimes;
}

/** `run` on a page of a fresh context, in Dutch; a script error on the page fails it. */
async function inFreshPage<T>(
  browser: Browser,
  url: string,
  run: (page: Page) => Promise<T>,
  options: BrowserContextOptions = {}
): Promise<T> {
  const context = await browser.newContext({ locale: "nl-NL", ...options });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const result = await run(page);
    if (errors.length > 0) throw new Error(`${url}: ${errors.join("; ")}`);
    return result;
  } finally {
    await context.close();
  }
}

/** Milliseconds from navigation to the enabled file button, in a fresh context. */
function timeToInteractive(browser: Browser, url: string): Promise<Started> {
  return inFreshPage(browser, url, async (page) => {
    await page.addInitScript(watchInteractive);
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(
      () => (window as unknown as { interactiveAt?: number }).interactiveAt !== undefined,
      null,
      { timeout: 60_000, polling: 50 }
    );
    return page.evaluate(() => {
      const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      const find = (re: RegExp) => resources.find((r) => re.test(new URL(r.name).pathname));
      const office = find(/\/office\/office\.js$/);
      const runtime = find(/\/runtime\.js$/);
      const pane = find(/\/pane\.[0-9a-f]+\.js$/);
      return {
        interactive: (window as unknown as { interactiveAt: number }).interactiveAt,
        scripts:
          office && runtime && pane
            ? {
                officeLoaded: office.responseEnd,
                runtimeRequested: runtime.startTime,
                paneRequested: pane.startTime,
              }
            : undefined,
      };
    });
  });
}

export interface PaneStart {
  pane: Sample;
  /** Office.js and the smallest React + Fluent pane (scripts/bench/baseline.ts). */
  baseline: Sample;
  blank: Sample;
  /** Pane time / baseline time, per interleaved round. */
  ratio: Sample;
  /** Pane time / blank time, per interleaved round. */
  blankRatio: Sample;
  /** The pane's script timings, per run. */
  scripts: { [K in keyof ScriptTimes]: Sample };
}

/** `urls.pane`, `urls.baseline` and `urls.blank` started in turn, `runs` rounds. */
export async function paneStart(
  browser: Browser,
  urls: { pane: string; baseline: string; blank: string },
  runs: number
): Promise<PaneStart> {
  const order = [urls.pane, urls.baseline, urls.blank];
  const times = order.map(() => [] as number[]);
  const scripts: ScriptTimes[] = [];
  // One untimed load of each: the first start of a browser process is slower for all.
  for (const url of order) await timeToInteractive(browser, url);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < order.length; k++) {
      // The order rotates: none always runs right after another.
      const j = (k + i) % order.length;
      const started = await timeToInteractive(browser, order[j]);
      times[j].push(started.interactive);
      if (j === 0) {
        if (!started.scripts)
          throw new Error(`${urls.pane}: office.js, runtime.js or pane.*.js not loaded`);
        scripts.push(started.scripts);
      }
    }
  }
  const [pane, baseline, blank] = times;
  return {
    pane: sample(pane),
    baseline: sample(baseline),
    blank: sample(blank),
    ratio: sample(pane.map((p, i) => p / baseline[i])),
    blankRatio: sample(pane.map((p, i) => p / blank[i])),
    scripts: {
      officeLoaded: sample(scripts.map((t) => t.officeLoaded)),
      runtimeRequested: sample(scripts.map((t) => t.runtimeRequested)),
      paneRequested: sample(scripts.map((t) => t.paneRequested)),
    },
  };
}

export interface LongestBlock {
  /** Per run, the longest main-thread task (PerformanceObserver "longtask", ≥ 50 ms) or 0. */
  longest: Sample;
  /** Per run, milliseconds from the file picked to the findings tab shown. */
  read: Sample;
  /** Long tasks per run. */
  longTasks: Sample;
}

/**
 * The plain browser page (taskpane.html outside Office) reading `file`: the longest task that
 * blocks the page's main thread from the moment the file is picked until its findings show.
 * The browser reports every task of 50 ms or more; shorter ones it does not count as long.
 */
export async function longestBlock(
  browser: Browser,
  url: string,
  file: string,
  runs: number
): Promise<LongestBlock> {
  const longest: number[] = [];
  const read: number[] = [];
  const count: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await inFreshPage(
      browser,
      url,
      async (page) => {
        await page.goto(url);
        await page.getByRole("button", { name: "Excel-bestand kiezen…" }).waitFor();
        await page.evaluate(() => {
          const w = window as unknown as { longTasks: number[]; picked: number };
          w.longTasks = [];
          w.picked = performance.now();
          new PerformanceObserver((list) => {
            for (const e of list.getEntries())
              if (e.startTime >= w.picked) w.longTasks.push(e.duration);
          }).observe({ type: "longtask" });
        });
        await page.setInputFiles("input[type=file]", file);
        await page.getByRole("tab", { name: /Bevindingen/ }).waitFor({ timeout: 120_000 });
        const done = await page.evaluate(() => performance.now());
        // Let the last task end and the observer report it.
        await page.waitForTimeout(200);
        return page.evaluate((end) => {
          const w = window as unknown as { longTasks: number[]; picked: number };
          return { tasks: w.longTasks, read: end - w.picked };
        }, done);
      },
      { viewport: { width: 350, height: 900 } }
    );
    longest.push(Math.max(0, ...r.tasks));
    read.push(r.read);
    count.push(r.tasks.length);
  }
  return { longest: sample(longest), read: sample(read), longTasks: sample(count) };
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
