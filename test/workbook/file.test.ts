import JSZip from "jszip";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PlanInputError } from "../../src/core/errors";
import { readPlanFile } from "../../src/workbook/file";
import { readPlanFromBuffer } from "../../src/workbook/read";

const EXAMPLE = join(__dirname, "..", "..", "examples", "up-2024-template.xlsx");

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "up-file-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(path: string): Promise<PlanInputError> {
  try {
    await readPlanFile(path);
  } catch (e) {
    if (e instanceof PlanInputError) return e;
    throw e;
  }
  throw new Error(`${path} was read`);
}

async function file(name: string, data: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, data);
  return path;
}

/**
 * A minimal OLE compound file with the streams Office writes for a password-protected
 * .xlsx (EncryptionInfo, EncryptedPackage): header, one FAT sector, one directory sector.
 */
function encryptedWorkbook(): Uint8Array {
  const b = Buffer.alloc(512 * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x3e, 24);
  b.writeUInt16LE(3, 26);
  b.writeUInt16LE(0xfffe, 28);
  b.writeUInt16LE(9, 30);
  b.writeUInt16LE(6, 32);
  b.writeUInt32LE(1, 44); // FAT sectors
  b.writeUInt32LE(1, 48); // first directory sector
  b.writeUInt32LE(4096, 56);
  b.writeUInt32LE(0xfffffffe, 60);
  b.writeUInt32LE(0xfffffffe, 68);
  b.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) b.writeUInt32LE(0xffffffff, 76 + 4 * i);
  const fat = 512;
  b.writeUInt32LE(0xfffffffd, fat);
  b.writeUInt32LE(0xfffffffe, fat + 4);
  for (let i = 2; i < 128; i++) b.writeUInt32LE(0xffffffff, fat + 4 * i);
  const entry = (i: number, name: string, type: number) => {
    const o = 1024 + 128 * i;
    b.write(name, o, "utf16le");
    b.writeUInt16LE((name.length + 1) * 2, o + 64);
    b.writeUInt8(type, o + 66);
    b.writeUInt32LE(0xffffffff, o + 68);
    b.writeUInt32LE(0xffffffff, o + 72);
    b.writeUInt32LE(0xffffffff, o + 76);
  };
  entry(0, "Root Entry", 5);
  entry(1, "EncryptionInfo", 2);
  entry(2, "EncryptedPackage", 2);
  return new Uint8Array(b);
}

test("a missing file", async () => {
  const e = await refusal(join(dir, "bestaat-niet.xlsx"));
  expect(e.nl).toContain("Bestand niet gevonden");
  expect(e.en).toContain("File not found");
});

test("a directory", async () => {
  const path = join(dir, "map.xlsx");
  await mkdir(path);
  const e = await refusal(path);
  expect(e.nl).toContain("is een map, geen bestand");
  expect(e.en).toContain("is a directory");
});

test("an empty file", async () => {
  const e = await refusal(await file("leeg.xlsx", new Uint8Array(0)));
  expect(e.nl).toBe("leeg.xlsx is leeg (0 bytes)");
  expect(e.en).toBe("leeg.xlsx is empty (0 bytes)");
});

test.each([
  ["plan.xls", "een Excel 97-2003-werkmap (.xls)", "Excel 97-2003 workbook (.xls)"],
  ["plan.xlsb", "een binaire Excel-werkmap (.xlsb)", "Excel binary workbook (.xlsb)"],
  ["plan.ods", "een OpenDocument-rekenblad (.ods)", "OpenDocument spreadsheet (.ods)"],
  ["plan.numbers", "een Numbers-bestand (.numbers)", "Numbers file (.numbers)"],
  ["plan.csv", "een CSV-bestand (.csv)", "CSV file (.csv)"],
])("%s is named as an unsupported format", async (name, nl, en) => {
  const e = await refusal(await file(name, "Gemeente;Bedrag\nBeek;77075\n"));
  expect(e.nl).toContain(`${name} is ${nl}`);
  expect(e.nl).toContain("Opslaan als");
  expect(e.en).toContain(en);
});

test("an old .xls saved under an .xlsx name is recognised by its content", async () => {
  const ole = encryptedWorkbook();
  ole.fill(0, 1024); // no EncryptionInfo: a plain compound file, as .xls is
  const e = await refusal(await file("oud.xlsx", ole));
  expect(e.nl).toContain("Excel 97-2003");
});

test("a text file named .xlsx", async () => {
  const e = await refusal(await file("tekst.xlsx", "dit is geen werkmap"));
  expect(e.nl).toContain("geen .xlsx-bestand");
  expect(e.en).toContain("not a zip archive");
});

test("a password-protected workbook", async () => {
  const e = await refusal(await file("beveiligd.xlsx", encryptedWorkbook()));
  expect(e.nl).toContain("met een wachtwoord beveiligd");
  expect(e.en).toContain("password-protected");
});

test("a zip that is no workbook", async () => {
  const zip = new JSZip();
  zip.file("word/document.xml", "<w:document/>");
  const e = await refusal(
    await file("brief.xlsx", await zip.generateAsync({ type: "uint8array" }))
  );
  expect(e.nl).toContain("geen Excel-werkmap");
});

test("an .xlsb renamed to .xlsx is recognised by its content", async () => {
  const zip = new JSZip();
  zip.file("xl/workbook.bin", new Uint8Array([1, 2, 3]));
  const e = await refusal(
    await file("binair.xlsx", await zip.generateAsync({ type: "uint8array" }))
  );
  expect(e.nl).toContain(".xlsb");
});

test("a damaged (truncated) workbook", async () => {
  const bytes = await readFile(EXAMPLE);
  const e = await refusal(
    await file("kapot.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2)))
  );
  expect(e.nl).toContain("is beschadigd");
  expect(e.en).toContain("is damaged");
});

test("the same file reads from its bytes and from its path", async () => {
  const bytes = await readFile(EXAMPLE);
  const fromBytes = await readPlanFromBuffer(bytes, "up-2024-template.xlsx");
  const fromPath = await readPlanFile(EXAMPLE);
  expect(fromBytes.plan?.source).toEqual(fromPath.plan?.source);
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const fromArrayBuffer = await readPlanFromBuffer(ab, "up-2024-template.xlsx");
  expect(fromArrayBuffer.plan?.source).toEqual(fromPath.plan?.source);
});

test("a workbook with damaged contents", async () => {
  const bytes = new Uint8Array(await readFile(EXAMPLE));
  bytes.fill(0x55, 200, bytes.length - 2000);
  const e = await refusal(await file("beschadigd.xlsx", bytes));
  expect(e.nl).toContain("is beschadigd");
});

test("a Numbers document saved as a folder", async () => {
  const path = join(dir, "begroting.numbers");
  await mkdir(path);
  const e = await refusal(path);
  expect(e.nl).toContain("een Numbers-bestand (.numbers)");
});
