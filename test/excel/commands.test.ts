import { checkPlanCommand, registerCommands } from "../../src/commands/commands";
import { onCheckRequest, requestCheck } from "../../src/runtime/bridge";

type OfficeStub = {
  addin: { showAsTaskpane: jest.Mock };
  actions: { associate: jest.Mock };
};

function installOffice(show: () => Promise<void>): OfficeStub {
  const office = {
    addin: { showAsTaskpane: jest.fn(show) },
    actions: { associate: jest.fn() },
  };
  (globalThis as unknown as { Office: unknown }).Office = office;
  return office;
}

const event = () =>
  ({ completed: jest.fn() }) as unknown as Office.AddinCommands.Event & {
    completed: jest.Mock;
  };

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

test("the ribbon's checkPlan is associated under the manifest's FunctionName", () => {
  const office = installOffice(async () => undefined);
  registerCommands();
  expect(office.actions.associate).toHaveBeenCalledWith("checkPlan", checkPlanCommand);
});

test("Controleer plan opens the pane and runs the pane's check, then completes", async () => {
  const office = installOffice(async () => undefined);
  const runs: string[] = [];
  const stop = onCheckRequest(() => runs.push("check"));
  const e = event();
  await checkPlanCommand(e);
  expect(office.addin.showAsTaskpane).toHaveBeenCalledTimes(1);
  expect(runs).toEqual(["check"]);
  expect(e.completed).toHaveBeenCalledTimes(1);
  stop();
});

test("before the pane has mounted, the request waits for it and runs once", async () => {
  installOffice(async () => undefined);
  const e = event();
  await checkPlanCommand(e);
  const runs: string[] = [];
  const stop = onCheckRequest(() => runs.push("check"));
  expect(runs).toEqual(["check"]);
  stop();
  // Delivered once: a pane mounting again later does not check again by itself.
  const again: string[] = [];
  onCheckRequest(() => again.push("check"))();
  expect(again).toEqual([]);
});

test("when the pane cannot be shown the event still completes and the check waits", async () => {
  installOffice(async () => {
    throw new Error("ShowTaskpane not supported");
  });
  const e = event();
  await expect(checkPlanCommand(e)).resolves.toBeUndefined();
  expect(e.completed).toHaveBeenCalledTimes(1);
  const runs: string[] = [];
  onCheckRequest(() => runs.push("check"))();
  expect(runs).toEqual(["check"]);
});

test("an unsubscribed pane no longer receives requests", () => {
  const runs: string[] = [];
  const stop = onCheckRequest(() => runs.push("old"));
  stop();
  requestCheck();
  expect(runs).toEqual([]);
  const later: string[] = [];
  onCheckRequest(() => later.push("new"))();
  expect(later).toEqual(["new"]);
});
