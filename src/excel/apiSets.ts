import { PlanInputError } from "../core/errors";
import { Message } from "../core/model";
import { supports } from "./supports";

export { supports };

/*
 * Which Excel has what UP calls. Every Office.js member the shipped code uses is listed in
 * OFFICE_API with its requirement set, as Microsoft's typings (@types/office-js) annotate it;
 * test/excel/apiSets.test.ts fails when the code uses a member this map does not list, or when
 * the typings give it another set. The manifest asks for MINIMUM only, so a call of any set above
 * it is guarded here (supports / requireSet) and degrades as FEATURES say. Where each set exists
 * is Microsoft's requirement-set tables (learn.microsoft.com/javascript/api/requirement-sets:
 * excel/excel-api-requirement-sets, common/shared-runtime-requirement-sets,
 * excel/custom-functions-requirement-sets, common/office-add-in-requirement-sets).
 */

/** Where a requirement set exists: the first version of each kind of Excel that has it. */
export interface Availability {
  /** Excel op het web. */
  web: boolean;
  /** Microsoft 365 on Windows: "2501 (Build 18429.20040)"; null: not there. */
  windows: string | null;
  /** The first perpetual (one-time purchase, LTSC) Excel for Windows that has it. */
  perpetual: 2016 | 2019 | 2021 | 2024 | null;
  /** Microsoft 365 on Mac: "16.93". */
  mac: string | null;
  /** Excel on iPad. */
  ipad: string | null;
}

export const AVAILABILITY = {
  "SharedRuntime 1.1": {
    web: true,
    windows: "2002 (Build 12527.20092)",
    perpetual: 2021,
    mac: "16.35",
    ipad: null,
  },
  "CustomFunctionsRuntime 1.1": {
    web: true,
    windows: "1903 (Build 11425.20156)",
    perpetual: 2021,
    mac: "16.34",
    ipad: null,
  },
  "CustomFunctionsRuntime 1.2": {
    web: true,
    windows: "1909 (Build 11929.20934)",
    perpetual: 2021,
    mac: "16.34",
    ipad: null,
  },
  "CustomFunctionsRuntime 1.3": {
    web: true,
    windows: "2008 (Build 13127.20296)",
    perpetual: 2021,
    mac: "16.40",
    ipad: null,
  },
  "CustomFunctionsRuntime 1.4": {
    web: true,
    windows: "2208 (Build 15601.20148)",
    perpetual: null,
    mac: "16.64",
    ipad: null,
  },
  "AddinCommands 1.1": {
    web: true,
    windows: "1705 (Build 8121.1000)",
    perpetual: 2021,
    mac: "15.34",
    ipad: null,
  },
  "ExcelApi 1.1": {
    web: true,
    windows: "1509 (Build 4266.1001)",
    perpetual: 2016,
    mac: "15.20",
    ipad: "15.0",
  },
  "ExcelApi 1.2": {
    web: true,
    windows: "1601 (Build 6741.2088)",
    perpetual: 2019,
    mac: "15.22",
    ipad: "15.0",
  },
  "ExcelApi 1.4": {
    web: true,
    windows: "1701 (Build 7870.2024)",
    perpetual: 2019,
    mac: "15.36",
    ipad: "15.0",
  },
  "ExcelApi 1.7": {
    web: true,
    windows: "1801 (Build 9001.2171)",
    perpetual: 2019,
    mac: "16.9",
    ipad: "16.0",
  },
  "ExcelApi 1.8": {
    web: true,
    windows: "1808 (Build 10730.20102)",
    perpetual: 2021,
    mac: "16.17",
    ipad: "16.0",
  },
  "ExcelApi 1.9": {
    web: true,
    windows: "1903 (Build 11425.20204)",
    perpetual: 2021,
    mac: "16.24",
    ipad: "16.0",
  },
  "ExcelApi 1.10": {
    web: true,
    windows: "1907 (Build 11929.20306)",
    perpetual: 2021,
    mac: "16.30",
    ipad: "16.0",
  },
  "ExcelApi 1.11": {
    web: true,
    windows: "2002 (Build 12527.20470)",
    perpetual: 2021,
    mac: "16.33",
    ipad: "16.35",
  },
  "ExcelApi 1.13": {
    web: true,
    windows: "2102 (Build 13801.20738)",
    perpetual: 2021,
    mac: "16.50",
    ipad: "16.50",
  },
  "ExcelApi 1.17": {
    web: true,
    windows: "2302 (Build 16130.20332)",
    perpetual: 2024,
    mac: "16.70",
    ipad: "16.70",
  },
  "ExcelApi 1.18": {
    web: true,
    windows: "2501 (Build 18429.20040)",
    perpetual: null,
    mac: "16.93",
    ipad: "16.93",
  },
  /*
   * getFileAsync(Compressed). The requirement-set page lists Excel on the web; the typings' table
   * of file types says Excel on the web gives Pdf only. Where it fails, the copy is built from the
   * workbook's values instead (src/excel/write/workbookFile.ts).
   */
  CompressedFile: {
    web: true,
    windows: "1509 (Build 4266.1001)",
    perpetual: 2016,
    mac: "15.20",
    ipad: null,
  },
  File: {
    web: true,
    windows: "1509 (Build 4266.1001)",
    perpetual: 2016,
    mac: "15.20",
    ipad: "15.0",
  },
} as const satisfies Record<string, Availability>;

export type ApiSet = keyof typeof AVAILABILITY;

/** What the manifest's <Requirements> asks for: without these Excel does not load UP at all. */
export const MANIFEST_REQUIREMENTS: readonly ApiSet[] = ["SharedRuntime 1.1", "ExcelApi 1.7"];

/**
 * Sets that every Excel meeting the manifest's requirements has (AVAILABILITY shows it, the test
 * checks it): the functions' runtime with CustomFunctions.Error, the ribbon's commands, reading the file.
 */
export const IMPLIED: readonly ApiSet[] = [
  "CustomFunctionsRuntime 1.2",
  "AddinCommands 1.1",
  "File",
];

/** What UP may call without a guard. Excel's sets are cumulative: ExcelApi 1.7 includes 1.1–1.6. */
export const MINIMUM: readonly ApiSet[] = [...MANIFEST_REQUIREMENTS, ...IMPLIED];

function versionOf(set: string): { name: string; version: number[] } {
  const [name, version = "1.1"] = set.split(" ");
  return { name, version: version.split(".").map(Number) };
}

/** Whether having `set` means having `needed` too (same name, same or higher version). */
export function covers(set: string, needed: string): boolean {
  const a = versionOf(set);
  const b = versionOf(needed);
  if (a.name !== b.name) return false;
  for (let i = 0; i < Math.max(a.version.length, b.version.length); i++) {
    const d = (a.version[i] ?? 0) - (b.version[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** Whether UP may call a member of `set` without asking Excel first. */
export function isBaseline(set: string): boolean {
  return MINIMUM.some((m) => covers(m, set));
}

/**
 * Every Office.js member the shipped code uses and the set it needs; null: part of the
 * office.js library itself (load, sync, onReady, …), no requirement set.
 */
export const OFFICE_API: Readonly<Record<string, ApiSet | null>> = {
  "CustomFunctions.CancelableInvocation.onCanceled": "CustomFunctionsRuntime 1.1",
  "CustomFunctions.Error": "CustomFunctionsRuntime 1.2",
  "CustomFunctions.ErrorCode": null,
  "CustomFunctions.ErrorCode.invalidValue": "CustomFunctionsRuntime 1.2",
  "CustomFunctions.ErrorCode.notAvailable": "CustomFunctionsRuntime 1.2",
  "CustomFunctions.StreamingInvocation": null,
  "CustomFunctions.StreamingInvocation.setResult": "CustomFunctionsRuntime 1.1",
  "Excel.DeleteShiftDirection": "ExcelApi 1.1",
  "Excel.DeleteShiftDirection.up": "ExcelApi 1.1",
  "Excel.HeaderFooter.leftFooter": "ExcelApi 1.9",
  "Excel.HeaderFooter.leftHeader": "ExcelApi 1.9",
  "Excel.HeaderFooter.rightFooter": "ExcelApi 1.9",
  "Excel.HeaderFooter.rightHeader": "ExcelApi 1.9",
  "Excel.HeaderFooterGroup.defaultForAllPages": "ExcelApi 1.9",
  "Excel.PageLayout.centerHorizontally": "ExcelApi 1.9",
  "Excel.PageLayout.headersFooters": "ExcelApi 1.9",
  "Excel.PageLayout.orientation": "ExcelApi 1.9",
  "Excel.PageLayout.paperSize": "ExcelApi 1.9",
  "Excel.PageLayout.setPrintTitleRows": "ExcelApi 1.9",
  "Excel.PageLayout.zoom": "ExcelApi 1.9",
  "Excel.PageOrientation": "ExcelApi 1.7",
  "Excel.PageOrientation.landscape": "ExcelApi 1.7",
  "Excel.PageOrientation.portrait": "ExcelApi 1.7",
  "Excel.PaperType": "ExcelApi 1.9",
  "Excel.PaperType.a4": "ExcelApi 1.9",
  "Excel.Range": "ExcelApi 1.1",
  "Excel.Range.address": "ExcelApi 1.1",
  "Excel.Range.clear": "ExcelApi 1.1",
  "Excel.Range.columnCount": "ExcelApi 1.1",
  "Excel.Range.columnIndex": "ExcelApi 1.1",
  "Excel.Range.delete": "ExcelApi 1.1",
  "Excel.Range.format": "ExcelApi 1.1",
  "Excel.Range.formulas": "ExcelApi 1.1",
  "Excel.Range.getEntireRow": "ExcelApi 1.1",
  "Excel.Range.getMergedAreasOrNullObject": "ExcelApi 1.13",
  "Excel.Range.getSpecialCellsOrNullObject": "ExcelApi 1.9",
  "Excel.Range.load": null,
  "Excel.Range.merge": "ExcelApi 1.2",
  "Excel.Range.numberFormat": "ExcelApi 1.1",
  "Excel.Range.rowCount": "ExcelApi 1.1",
  "Excel.Range.rowIndex": "ExcelApi 1.1",
  "Excel.Range.select": "ExcelApi 1.1",
  "Excel.Range.valueTypes": "ExcelApi 1.1",
  "Excel.Range.values": "ExcelApi 1.1",
  "Excel.RangeAreas": "ExcelApi 1.9",
  "Excel.RangeAreas.address": "ExcelApi 1.9",
  "Excel.RangeAreas.load": null,
  "Excel.RangeAreas.select": "ExcelApi 1.18",
  "Excel.RangeBorder.style": "ExcelApi 1.1",
  "Excel.RangeBorderCollection.getItem": "ExcelApi 1.1",
  "Excel.RangeFill.color": "ExcelApi 1.1",
  "Excel.RangeFont.bold": "ExcelApi 1.1",
  "Excel.RangeFont.color": "ExcelApi 1.1",
  "Excel.RangeFont.italic": "ExcelApi 1.1",
  "Excel.RangeFont.size": "ExcelApi 1.1",
  "Excel.RangeFormat.borders": "ExcelApi 1.1",
  "Excel.RangeFormat.columnWidth": "ExcelApi 1.2",
  "Excel.RangeFormat.fill": "ExcelApi 1.1",
  "Excel.RangeFormat.font": "ExcelApi 1.1",
  "Excel.RangeFormat.horizontalAlignment": "ExcelApi 1.1",
  "Excel.RangeFormat.indentLevel": "ExcelApi 1.9",
  "Excel.RangeFormat.rowHeight": "ExcelApi 1.2",
  "Excel.RangeFormat.verticalAlignment": "ExcelApi 1.1",
  "Excel.RangeFormat.wrapText": "ExcelApi 1.1",
  "Excel.RequestContext": null,
  "Excel.RequestContext.workbook": null,
  "Excel.SheetVisibility": "ExcelApi 1.1",
  "Excel.SheetVisibility.hidden": "ExcelApi 1.1",
  "Excel.SheetVisibility.veryHidden": "ExcelApi 1.1",
  "Excel.Table.getRange": "ExcelApi 1.1",
  "Excel.Table.id": "ExcelApi 1.1",
  "Excel.Table.name": "ExcelApi 1.1",
  "Excel.Table.worksheet": "ExcelApi 1.2",
  "Excel.TableChangedEventArgs.tableId": "ExcelApi 1.7",
  "Excel.TableCollection.items": null,
  "Excel.TableCollection.load": null,
  "Excel.TableCollection.onAdded": "ExcelApi 1.9",
  "Excel.TableCollection.onChanged": "ExcelApi 1.7",
  "Excel.TableCollection.onDeleted": "ExcelApi 1.9",
  "Excel.Workbook.getSelectedRange": "ExcelApi 1.1",
  "Excel.Workbook.insertWorksheetsFromBase64": "ExcelApi 1.13",
  "Excel.Workbook.load": null,
  "Excel.Workbook.name": "ExcelApi 1.7",
  "Excel.Workbook.tables": "ExcelApi 1.1",
  "Excel.Workbook.worksheets": "ExcelApi 1.1",
  "Excel.Worksheet": "ExcelApi 1.1",
  "Excel.Worksheet.activate": "ExcelApi 1.1",
  "Excel.Worksheet.delete": "ExcelApi 1.1",
  "Excel.Worksheet.getRange": "ExcelApi 1.1",
  "Excel.Worksheet.getRangeByIndexes": "ExcelApi 1.7",
  "Excel.Worksheet.getRanges": "ExcelApi 1.9",
  "Excel.Worksheet.getUsedRange": "ExcelApi 1.1",
  "Excel.Worksheet.getUsedRangeOrNullObject": "ExcelApi 1.4",
  "Excel.Worksheet.id": "ExcelApi 1.1",
  "Excel.Worksheet.load": null,
  "Excel.Worksheet.name": "ExcelApi 1.1",
  "Excel.Worksheet.onChanged": "ExcelApi 1.7",
  "Excel.Worksheet.pageLayout": "ExcelApi 1.9",
  "Excel.Worksheet.visibility": "ExcelApi 1.1",
  "Excel.WorksheetAddedEventArgs.worksheetId": "ExcelApi 1.7",
  "Excel.WorksheetCollection.add": "ExcelApi 1.1",
  "Excel.WorksheetCollection.getItem": "ExcelApi 1.1",
  "Excel.WorksheetCollection.getItemOrNullObject": "ExcelApi 1.4",
  "Excel.WorksheetCollection.items": null,
  "Excel.WorksheetCollection.load": null,
  "Excel.WorksheetCollection.onAdded": "ExcelApi 1.7",
  "Excel.WorksheetCollection.onChanged": "ExcelApi 1.9",
  "Excel.WorksheetCollection.onColumnSorted": "ExcelApi 1.10",
  "Excel.WorksheetCollection.onDeleted": "ExcelApi 1.7",
  "Excel.WorksheetCollection.onNameChanged": "ExcelApi 1.17",
  "Excel.WorksheetCollection.onRowHiddenChanged": "ExcelApi 1.11",
  "Excel.WorksheetCollection.onRowSorted": "ExcelApi 1.10",
  "Excel.WorksheetPositionType": "ExcelApi 1.7",
  "Excel.WorksheetPositionType.end": "ExcelApi 1.7",
  "Excel.createWorkbook": "ExcelApi 1.8",
  "Excel.run": null,
  "Office.Actions.associate": null,
  "Office.Addin.showAsTaskpane": "SharedRuntime 1.1",
  "Office.AddinCommands": null,
  "Office.AddinCommands.Event": "AddinCommands 1.1",
  "Office.AddinCommands.Event.completed": "AddinCommands 1.1",
  "Office.AsyncResult": null,
  "Office.AsyncResult.error": null,
  "Office.AsyncResult.status": null,
  "Office.AsyncResult.value": null,
  "Office.AsyncResultStatus": null,
  "Office.AsyncResultStatus.Succeeded": null,
  "Office.Context.displayLanguage": null,
  "Office.Context.document": null,
  "Office.Context.host": null,
  "Office.Context.requirements": null,
  "Office.Document.getFileAsync": "CompressedFile",
  "Office.File": null,
  "Office.File.closeAsync": "File",
  "Office.File.getSliceAsync": "File",
  "Office.File.sliceCount": null,
  "Office.FileType": null,
  "Office.FileType.Compressed": null,
  "Office.HostType": null,
  "Office.HostType.Excel": null,
  "Office.RequirementSetSupport.isSetSupported": null,
  "Office.Slice": null,
  "Office.Slice.data": null,
  "Office.actions": null,
  "Office.addin": null,
  "Office.context": null,
  "Office.onReady": null,
  "OfficeExtension.ClientObject.isNullObject": null,
  "OfficeExtension.ClientRequestContext.sync": null,
  "OfficeExtension.EventHandlers.add": null,
};

/** What UP does that needs a requirement set, and what it does in an Excel without it. */
export interface Feature {
  what: Message;
  needs: readonly ApiSet[];
  without: Message;
}

/** The features of docs/DEPLOYMENT.md's support matrix, which is rendered from this list. */
export const FEATURES = {
  load: {
    what: {
      nl: "UP laden: de UP-functies, het paneel, de controle",
      en: "Loading UP: the UP functions, the pane, the check",
    },
    needs: [...MANIFEST_REQUIREMENTS, "CustomFunctionsRuntime 1.1"],
    without: {
      nl: "UP staat niet in de lijst met invoegtoepassingen",
      en: "UP is not offered at all",
    },
  },
  selectAll: {
    what: {
      nl: "Alle cellen van een bevinding tegelijk selecteren",
      en: "Selecting all cells of a finding at once",
    },
    needs: ["ExcelApi 1.18"],
    without: {
      nl: "de eerste cel, met een melding welke cellen niet",
      en: "the first cell, with a notice of the others",
    },
  },
  valuesCopy: {
    what: { nl: "Kopie met waarden", en: "Copy with values" },
    needs: ["ExcelApi 1.8"],
    without: {
      nl: "kan niet: een melding zegt in welke Excel wel",
      en: "not possible: a message says which Excel can",
    },
  },
  valuesCopyFromFile: {
    what: {
      nl: "… gemaakt uit het bestand zelf, met opmaak en grafieken",
      en: "… made from the file itself, with formatting and charts",
    },
    needs: ["CompressedFile"],
    without: {
      nl: "opgebouwd uit de waarden, zonder opmaak, met een melding",
      en: "built from the values, without formatting, with a notice",
    },
  },
  template: {
    what: { nl: "Sjabloon invoegen", en: "Insert template" },
    needs: ["ExcelApi 1.13"],
    without: {
      nl: "kan niet: een melding zegt in welke Excel wel",
      en: "not possible: a message says which Excel can",
    },
  },
  merges: {
    what: { nl: "Samengevoegde cellen lezen", en: "Reading merged cells" },
    needs: ["ExcelApi 1.13"],
    without: { nl: "gelezen zonder samenvoegingen", en: "read without the merges" },
  },
  hiddenRows: {
    what: { nl: "Verborgen rijen in het plan melden", en: "Reporting hidden rows of the plan" },
    needs: ["ExcelApi 1.9"],
    without: { nl: "niet gemeld", en: "not reported" },
  },
  printSetup: {
    what: {
      nl: "Afdrukinstellingen van het controleverslag",
      en: "Print settings of the report sheet",
    },
    needs: ["ExcelApi 1.9"],
    without: { nl: "Excel's standaardinstellingen", en: "Excel's defaults" },
  },
  tablesAdded: {
    what: {
      nl: "Opnieuw lezen na een tabel erbij of eraf",
      en: "Reading again when a table is added or deleted",
    },
    needs: ["ExcelApi 1.9"],
    without: {
      nl: "bij de volgende wijziging of Controleer plan",
      en: "at the next edit or Check plan",
    },
  },
  sorted: {
    what: { nl: "Opnieuw lezen na sorteren", en: "Reading again after sorting" },
    needs: ["ExcelApi 1.10"],
    without: {
      nl: "bij de volgende wijziging of Controleer plan",
      en: "at the next edit or Check plan",
    },
  },
  rowsHidden: {
    what: {
      nl: "Opnieuw lezen na rijen verbergen of tonen",
      en: "Reading again after hiding or showing rows",
    },
    needs: ["ExcelApi 1.11"],
    without: {
      nl: "bij de volgende wijziging of Controleer plan",
      en: "at the next edit or Check plan",
    },
  },
  renamed: {
    what: { nl: "Opnieuw lezen na een blad hernoemen", en: "Reading again after renaming a sheet" },
    needs: ["ExcelApi 1.17"],
    without: {
      nl: "bij de volgende wijziging of Controleer plan",
      en: "at the next edit or Check plan",
    },
  },
  dataTypes: {
    what: {
      nl: "Een kaart (gegevenstype) als argument: een melding wat te doen",
      en: "A card (data type) as an argument: a message what to do",
    },
    needs: ["CustomFunctionsRuntime 1.4"],
    without: { nl: "#WAARDE! van Excel zelf", en: "Excel's own #VALUE!" },
  },
} as const satisfies Record<string, Feature>;

/** Members whose typings name a set other than the one Excel needs: what the typings say. */
export const TYPINGS_CORRECTED: Readonly<Record<string, string>> = {
  // Outlook's set; in Excel a ribbon button's function is AddinCommands 1.1.
  "Office.AddinCommands.Event": "Mailbox 1.3",
  "Office.AddinCommands.Event.completed": "Mailbox 1.3",
  // The typings date every ErrorCode to 1.3; #VALUE! and #N/A came with CustomFunctions.Error in
  // 1.2, and 1.3 "adds new ErrorCode options" (custom-functions-requirement-sets, history).
  "CustomFunctions.ErrorCode.invalidValue": "CustomFunctionsRuntime 1.3",
  "CustomFunctions.ErrorCode.notAvailable": "CustomFunctionsRuntime 1.3",
};

const PERPETUAL_LATEST = 2024;

/** "Microsoft 365 vanaf versie 2501, Excel voor Mac vanaf 16.93, Excel op het web" for a set. */
export function whereAvailable(set: ApiSet): Message {
  const a: Availability = AVAILABILITY[set];
  const nl: string[] = [];
  const en: string[] = [];
  if (a.windows) {
    const version = a.windows.split(" ")[0];
    nl.push(`Microsoft 365 voor Windows vanaf versie ${version}`);
    en.push(`Microsoft 365 for Windows from version ${version}`);
  }
  if (a.perpetual) {
    const which = a.perpetual === PERPETUAL_LATEST ? `${a.perpetual}` : `${a.perpetual} of later`;
    nl.push(`Excel ${which}`);
    en.push(`Excel ${a.perpetual}${a.perpetual === PERPETUAL_LATEST ? "" : " or later"}`);
  }
  if (a.mac) {
    nl.push(`Excel voor Mac vanaf ${a.mac}`);
    en.push(`Excel for Mac from ${a.mac}`);
  }
  if (a.web) {
    nl.push("Excel op het web");
    en.push("Excel on the web");
  }
  return { nl: nl.join(", "), en: en.join(", ") };
}

/** Why an action cannot run here, naming the Excel versions that have what it needs. */
export function unsupported(set: ApiSet, action: Message): PlanInputError {
  const where = whereAvailable(set);
  return new PlanInputError({
    nl: `${action.nl} kan niet in deze versie van Excel: daarvoor is ${set} nodig (${where.nl})`,
    en: `${action.en} is not possible in this version of Excel: it needs ${set} (${where.en})`,
  });
}

/** Throws `unsupported(set, action)` unless this Excel has the set. */
export function requireSet(set: ApiSet, action: Message): void {
  if (!supports(set)) throw unsupported(set, action);
}

/** Throws unless this Excel has what the feature needs. */
export function requireFeature(feature: Feature): void {
  for (const set of feature.needs) requireSet(set, feature.what);
}
