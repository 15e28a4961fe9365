import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { PlanInputError } from "../core/errors";
import { ReadResult } from "../reader";
import { readPlanFromBuffer, unsupportedByName } from "./read";

/** Reads a plan from an .xlsx file (Node only); a file UP cannot read is a PlanInputError. */
export async function readPlanFile(path: string): Promise<ReadResult> {
  const name = basename(path);
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) {
      // Numbers may save its documents as a folder (a package).
      const byName = unsupportedByName(name);
      if (byName) throw byName;
      throw new PlanInputError({
        nl: `${path} is een map, geen bestand: geef een .xlsx-bestand`,
        en: `${path} is a directory, not a file: give an .xlsx file`,
      });
    }
    size = s.size;
  } catch (e) {
    if (e instanceof PlanInputError) throw e;
    const code = (e as { code?: string }).code;
    throw new PlanInputError(
      code === "ENOENT"
        ? { nl: `Bestand niet gevonden: ${path}`, en: `File not found: ${path}` }
        : {
            nl: `Bestand ${path} kan niet worden gelezen (${code ?? String(e)})`,
            en: `File ${path} cannot be read (${code ?? String(e)})`,
          }
    );
  }
  if (size === 0) {
    throw new PlanInputError({ nl: `${name} is leeg (0 bytes)`, en: `${name} is empty (0 bytes)` });
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code ?? String(e);
    throw new PlanInputError({
      nl: `Bestand ${path} kan niet worden gelezen (${code})`,
      en: `File ${path} cannot be read (${code})`,
    });
  }
  return readPlanFromBuffer(bytes, name);
}
