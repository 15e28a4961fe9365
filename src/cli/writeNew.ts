import { randomBytes } from "node:crypto";
import { constants, promises as fs } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Message } from "../core/model";
import { PlanInputError } from "../core/errors";
import { fileKind } from "../workbook/localFile";

/*
 * Writing a file the user names (`up template`): never through a symlink, never into a FIFO
 * or a device, and never half. The bytes go to a temp file beside the target, are flushed,
 * and only then take the target's name, so a full disk or a crash leaves the old file (or no
 * file) and never a broken one.
 */

function refuse(message: Message): never {
  throw new PlanInputError(message);
}

function failure(shown: string, e: unknown): Message {
  const code = (e as { code?: string }).code ?? String(e);
  const why: Message =
    code === "ENOSPC" || code === "EDQUOT"
      ? { nl: "de schijf is vol", en: "the disk is full" }
      : code === "EACCES" || code === "EPERM"
        ? { nl: "geen schrijfrechten", en: "no permission to write" }
        : code === "EROFS"
          ? { nl: "het bestandssysteem is alleen-lezen", en: "the file system is read-only" }
          : { nl: code, en: code };
  return {
    nl: `${shown} kon niet worden geschreven (${why.nl}); er is niets veranderd`,
    en: `${shown} could not be written (${why.en}); nothing was changed`,
  };
}

/**
 * Writes `data` to `path` (shown to the user as `shown`). An existing regular file is kept
 * unless `overwrite`; anything else at the path is refused, as is a missing directory.
 */
export async function writeNewFile(
  path: string,
  shown: string,
  data: Uint8Array,
  overwrite: boolean
): Promise<void> {
  const dir = dirname(path);
  const folder = await fs.stat(dir).catch((e: { code?: string }) =>
    e.code === "ENOENT" || e.code === "ENOTDIR"
      ? refuse({
          nl: `De map ${dirname(shown)} bestaat niet`,
          en: `The directory ${dirname(shown)} does not exist`,
        })
      : refuse(failure(shown, e))
  );
  if (!folder.isDirectory())
    refuse({ nl: `${dirname(shown)} is geen map`, en: `${dirname(shown)} is not a directory` });
  const existing = await fs
    .lstat(path)
    .catch((e: { code?: string }) => (e.code === "ENOENT" ? undefined : refuse(failure(shown, e))));
  if (existing) {
    const kind = fileKind(existing);
    if (kind)
      refuse({
        nl: `${shown} is ${kind.nl}, geen gewoon bestand: UP schrijft daar niet naartoe (ook niet met --force); kies een andere naam`,
        en: `${shown} is ${kind.en}, not a regular file: UP does not write there (not with --force either); choose another name`,
      });
    if (!overwrite)
      refuse({
        nl: `${shown} bestaat al; UP overschrijft geen bestanden zonder --force`,
        en: `${shown} already exists; UP does not overwrite files without --force`,
      });
  }
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    // O_EXCL: the temp name is new, and a link planted there is not followed.
    const handle = await fs.open(
      temp,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
      0o644
    );
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) await fs.rename(temp, path);
    else {
      // link() never replaces: a file that appeared meanwhile is kept. File systems without
      // hard links get the rename after one more look.
      const linked = await fs.link(temp, path).then(
        () => true,
        (e: { code?: string }) => {
          if (e.code === "EEXIST") throw e;
          return false;
        }
      );
      if (linked) await fs.unlink(temp);
      else if (
        await fs.lstat(path).then(
          () => true,
          () => false
        )
      )
        throw Object.assign(new Error(), { code: "EEXIST" });
      else await fs.rename(temp, path);
    }
  } catch (e) {
    await fs.unlink(temp).catch(() => undefined);
    if ((e as { code?: string }).code === "EEXIST" && !overwrite)
      refuse({
        nl: `${shown} bestaat al; UP overschrijft geen bestanden zonder --force`,
        en: `${shown} already exists; UP does not overwrite files without --force`,
      });
    refuse(failure(shown, e));
  }
}
