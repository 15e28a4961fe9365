/* eslint-disable no-undef */
/*
 * Run in a fresh Node process by the start-up benchmark: what the command line's first calls
 * cost before anything is warm, step by step as `up check plan.xlsx` takes them, from the
 * built command line (lib/). Prints one JSON object of CPU milliseconds (all threads).
 */
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const ROOT = join(__dirname, "..", "..");
const lib = (path) => require(join(ROOT, "lib", path));

function cpu() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function main() {
  const bytes = readFileSync(join(ROOT, "examples", "up-2024-published.xlsx"));
  const out = { beforeMain: cpu() };
  const step = async (name, fn) => {
    const t = cpu();
    const result = await fn();
    out[name] = cpu() - t;
    return result;
  };
  await step("requireCli", () => lib("cli/up.js"));
  const { checkPlan } = await step("requireCore", () => lib("core/check.js"));
  const { plan2024 } = lib("core/plan2024.js");
  const plan = await step("plan2024", () => plan2024());
  await step("checkFirst", () => checkPlan(plan));
  await step("checkSecond", () => checkPlan(plan));
  await step("requireExcelJS", () => lib("workbook/exceljs.js"));
  const { readPlanFromBuffer } = await step("requireReader", () => lib("workbook/read.js"));
  const read = await step("readFirst", () => readPlanFromBuffer(bytes, "up-2024-published.xlsx"));
  if (!read.plan) throw new Error("coldCalls: the published example gave no plan");
  await step("readSecond", () => readPlanFromBuffer(bytes, "up-2024-published.xlsx"));
  await step("checkReadFirst", () => checkPlan(read.plan));
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
