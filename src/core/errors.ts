import { CellRef, Message } from "./model";

/**
 * A problem with the user's input that UP can explain: what is wrong and where.
 * The command line prints it and exits 2; formulas turn it into an Excel error.
 */
export class PlanInputError extends Error {
  readonly nl: string;
  readonly en: string;
  readonly cell?: CellRef;
  readonly code: "value" | "notAvailable";

  constructor(message: Message, options: { cell?: CellRef; code?: "value" | "notAvailable" } = {}) {
    super(message.en);
    this.name = "PlanInputError";
    this.nl = message.nl;
    this.en = message.en;
    this.cell = options.cell;
    this.code = options.code ?? "value";
  }

  text(lang: "nl" | "en" = "nl"): string {
    return lang === "nl" ? this.nl : this.en;
  }
}
