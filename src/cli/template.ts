import { extname, resolve } from "node:path";
import { PlanInputError } from "../core/errors";
import { plan2024 } from "../core/plan2024";
import { writeTemplateWorkbook } from "../workbook/template";
import { parse } from "./args";
import { Command, EXIT_OK } from "./io";
import { writeNewFile } from "./writeNew";

const USAGE = "up template <uit.xlsx> [--empty] [--force]";

/** `up template`: writes the UP template workbook, with the 2024 plan unless --empty. */
export const templateCommand: Command = async (args, io) => {
  const { values, positionals } = parse(
    args,
    { empty: { type: "boolean" }, force: { type: "boolean" } },
    USAGE
  );
  if (positionals.length !== 1 || extname(positionals[0]).toLowerCase() !== ".xlsx") {
    throw new PlanInputError({
      nl: `Geef één uitvoerbestand dat eindigt op .xlsx.\nGebruik: ${USAGE}`,
      en: `Give one output file ending in .xlsx.\nUsage: ${USAGE}`,
    });
  }
  const workbook = writeTemplateWorkbook(values.empty ? null : plan2024());
  const data = new Uint8Array(await workbook.xlsx.writeBuffer());
  await writeNewFile(resolve(io.cwd, positionals[0]), positionals[0], data, !!values.force);
  io.stdout(
    `${values.empty ? "Leeg UP-sjabloon" : "UP-sjabloon met het Uitvoeringsplan 2024"} geschreven naar ${positionals[0]}\n`
  );
  return EXIT_OK;
};
