import { constants, Stats } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { PlanInputError } from "../core/errors";
import { Message } from "../core/model";

/** What is at a path when it is not a regular file, in words; undefined for a regular file. */
export function fileKind(s: Stats): Message | undefined {
  if (s.isSymbolicLink())
    return { nl: "een symbolische koppeling (symlink)", en: "a symbolic link (symlink)" };
  if (s.isDirectory()) return { nl: "een map", en: "a directory" };
  if (s.isFIFO()) return { nl: "een FIFO (named pipe)", en: "a FIFO (named pipe)" };
  if (s.isSocket()) return { nl: "een socket", en: "a socket" };
  if (s.isCharacterDevice() || s.isBlockDevice()) return { nl: "een apparaat", en: "a device" };
  return undefined;
}

/**
 * The bytes of a regular file (Node only). Opened without blocking and checked on the open
 * descriptor, so a FIFO cannot hang the read and nothing changes between check and read; a
 * missing file, a directory, a pipe, a socket or a device is refused in words.
 */
export async function readLocalFile(
  path: string,
  shown: string,
  wanted: Message,
  /** The refusal of a directory that is a document of another program (a Numbers package). */
  folderDocument?: (name: string) => PlanInputError | undefined
): Promise<Uint8Array> {
  const unreadable = (code: string): PlanInputError =>
    new PlanInputError({
      nl: `Bestand ${shown} kan niet worden gelezen (${code})`,
      en: `File ${shown} cannot be read (${code})`,
    });
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as { code?: string }).code ?? String(e);
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new PlanInputError({
        nl: `Bestand niet gevonden: ${shown}`,
        en: `File not found: ${shown}`,
      });
    throw unreadable(code);
  }
  try {
    const s = await handle.stat();
    const byName = s.isDirectory() ? folderDocument?.(basename(path)) : undefined;
    if (byName) throw byName;
    const kind = fileKind(s);
    if (kind)
      throw new PlanInputError({
        nl: `${shown} is ${kind.nl}, geen bestand: geef ${wanted.nl}`,
        en: `${shown} is ${kind.en}, not a file: give ${wanted.en}`,
      });
    return await handle.readFile();
  } catch (e) {
    if (e instanceof PlanInputError) throw e;
    throw unreadable((e as { code?: string }).code ?? String(e));
  } finally {
    await handle.close();
  }
}
