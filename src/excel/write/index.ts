export * as acceptances from "./acceptances";
export * from "./backup";
export * from "./reportSheet";
export * from "./select";
export * from "./workbookFile";
