import { extname, resolve } from "node:path";
import { PlanInputError } from "../core/errors";
import { plan2024 } from "../core/plan2024";
import { mergedExample } from "../workbook/poolsExample";
import { writeTemplateWorkbook } from "../workbook/template";
import { parse } from "./args";
import { Command, EXIT_OK } from "./io";
import { writeNewFile } from "./writeNew";
import { usage } from "./usage";

const USAGE = usage("template");

/**
 * `up template`: writes the UP template workbook, with the 2024 plan unless --empty; --pools
 * writes a merged plan's template, both cost pools filled with the example merged plan.
 */
export const templateCommand: Command = async (args, io) => {
  const { values, positionals } = parse(
    args,
    { empty: { type: "boolean" }, pools: { type: "boolean" }, force: { type: "boolean" } },
    USAGE
  );
  if (positionals.length !== 1 || extname(positionals[0]).toLowerCase() !== ".xlsx") {
    throw new PlanInputError({
      nl: `Geef één uitvoerbestand dat eindigt op .xlsx.\nGebruik: ${USAGE}`,
      en: `Give one output file ending in .xlsx.\nUsage: ${USAGE}`,
    });
  }
  if (values.empty && values.pools) {
    throw new PlanInputError({
      nl: `Kies --empty of --pools, niet allebei.\nGebruik: ${USAGE}`,
      en: `Choose --empty or --pools, not both.\nUsage: ${USAGE}`,
    });
  }
  const plan = values.empty ? null : values.pools ? mergedExample() : plan2024();
  const workbook = writeTemplateWorkbook(plan);
  const data = new Uint8Array(await workbook.xlsx.writeBuffer());
  await writeNewFile(resolve(io.cwd, positionals[0]), positionals[0], data, !!values.force);
  const what = values.empty
    ? "Leeg UP-sjabloon"
    : values.pools
      ? "UP-sjabloon met twee kostenpools (verwerving en beleid, voorbeeld)"
      : "UP-sjabloon met het Uitvoeringsplan 2024";
  io.stdout(`${what} geschreven naar ${positionals[0]}\n`);
  return EXIT_OK;
};
