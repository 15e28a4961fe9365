import { basename } from "node:path";
import { PlanInputError } from "../core/errors";
import { ReadResult } from "../reader";
import { readLocalFile } from "./localFile";
import { nativeInflate } from "./nativeInflate";
import { readPlanFromBuffer, unsupportedByName } from "./read";

/** Reads a plan from an .xlsx file (Node only); a file UP cannot read is a PlanInputError. */
export async function readPlanFile(path: string, shown = path): Promise<ReadResult> {
  // Numbers may save its documents as a folder (a package).
  const bytes = await readLocalFile(
    path,
    shown,
    { nl: "een .xlsx-bestand", en: "an .xlsx file" },
    unsupportedByName
  );
  const name = basename(path);
  if (bytes.length === 0) {
    throw new PlanInputError({ nl: `${name} is leeg (0 bytes)`, en: `${name} is empty (0 bytes)` });
  }
  return readPlanFromBuffer(bytes, name, nativeInflate);
}
