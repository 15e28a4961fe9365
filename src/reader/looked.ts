import { MUNICIPALITIES } from "../core/municipalities";
import { TABLE_KINDS } from "../core/tableKinds";
import { TEMPLATE_TABLES } from "./templateSpec";

/**
 * What the reader looks for, to tell a user whose workbook held no plan. Its own module: the
 * pane and the command line say it, the functions' runtime does not carry it.
 */
export const LOOKED: readonly string[] = [
  `Excel-tabellen / Excel tables ${TEMPLATE_TABLES.map((t) => t.name).join(", ")} (UP-sjabloon / UP template)`,
  `Titels / titles: ${TABLE_KINDS.filter((k) => k.titles.length > 0)
    .map((k) => `'${k.titles[0].number ? `${k.id}. ` : ""}${k.title.nl}'`)
    .join(", ")}`,
  "Kopregels met jaren / header rows with years: 'fte 2023 … fte 2027', '2023 … 2027'",
  "Regels / rows: 'formatiekosten totaal', 'formatiekosten jeugd', 'materiele kosten jeugd'",
  `Gemeentenamen / municipality names: ${MUNICIPALITIES.join(", ")}`,
];
