/**
 * @jest-environment jsdom
 */
import { MockWorkbook, publishedSheet } from "./mockWorkbook";

const mountPane = jest.fn();
jest.mock("../../src/taskpane/mount", () => ({
  mountPane: (root: HTMLElement) => mountPane(root),
}));

type Ready = (info: { host: string | null }) => void;

/** Loads the runtime entry afresh with an Office that reports `host`. */
function loadRuntime(host: string | null, run?: MockWorkbook["run"]) {
  let ready: Ready | undefined;
  const associate = jest.fn();
  Object.assign(globalThis, {
    Office: {
      HostType: { Excel: "Excel" },
      onReady: (cb: Ready) => {
        ready = cb;
      },
      actions: { associate },
      addin: { showAsTaskpane: jest.fn() },
    },
    Excel: { run },
    CustomFunctions: { Error, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } },
  });
  let modules!: {
    feed: typeof import("../../src/functions/planFeed");
    bridge: typeof import("../../src/runtime/bridge");
  };
  jest.isolateModules(() => {
    require("../../src/runtime/runtime");
    modules = {
      feed: require("../../src/functions/planFeed"),
      bridge: require("../../src/runtime/bridge"),
    };
  });
  return { ready: ready!, associate, ...modules };
}

const flush = () => new Promise((r) => setTimeout(r, 10));

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  mountPane.mockReset();
});

test("in Excel: the functions wait for the workbook, which is read; commands and pane follow", async () => {
  const wb = new MockWorkbook("Plan.xlsx", [publishedSheet()]);
  const { ready, associate, feed, bridge } = loadRuntime("Excel", wb.run);
  // Before Office is ready the functions already answer from the workbook's source: nothing yet.
  expect(feed.planFeed()).not.toBe(feed.embeddedFeed);
  expect(feed.planFeed().current()).toBeUndefined();
  ready({ host: "Excel" });
  await flush();
  const source = bridge.sharedPlanSource()!;
  expect(feed.planFeed()).toBe(source);
  expect(source.state()?.origin).toBe("workbook");
  expect(associate).toHaveBeenCalledWith("checkPlan", expect.any(Function));
  expect(mountPane).toHaveBeenCalledWith(document.getElementById("root"));
});

test("in a plain browser: the built-in plan answers and the pane mounts", async () => {
  const { ready, associate, feed, bridge } = loadRuntime(null);
  ready({ host: null });
  await flush();
  expect(feed.planFeed()).toBe(feed.embeddedFeed);
  expect(bridge.sharedPlanSource()).toBeUndefined();
  expect(associate).not.toHaveBeenCalled();
  expect(mountPane).toHaveBeenCalledTimes(1);
});

test("a pane that fails to load says so in the page", async () => {
  mountPane.mockImplementation(() => {
    throw new Error("chunk failed");
  });
  const { ready } = loadRuntime(null);
  ready({ host: null });
  await flush();
  expect(document.getElementById("root")?.textContent).toBe(
    "Het UP-paneel kon niet laden / The UP pane could not load: chunk failed"
  );
});
