import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { PlanInputError } from "../core/errors";
import { plan2024 } from "../core/plan2024";
import { writeTemplateWorkbook } from "../workbook/template";
import { parse } from "./args";
import { Command, EXIT_OK } from "./io";

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
  const path = resolve(io.cwd, positionals[0]);
  if (existsSync(path) && !values.force) {
    throw new PlanInputError({
      nl: `${positionals[0]} bestaat al; UP overschrijft geen bestanden zonder --force`,
      en: `${positionals[0]} already exists; UP does not overwrite files without --force`,
    });
  }
  const workbook = writeTemplateWorkbook(values.empty ? null : plan2024());
  await writeFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
  io.stdout(
    `${values.empty ? "Leeg UP-sjabloon" : "UP-sjabloon met het Uitvoeringsplan 2024"} geschreven naar ${positionals[0]}\n`
  );
  return EXIT_OK;
};
