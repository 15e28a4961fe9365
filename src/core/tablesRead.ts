import { Message, Plan, TableId } from "./model";
import { poolsOf } from "./pools";
import { tableName } from "./rules/rule";
import { byTableOrder, tableKind } from "./tableKinds";

/** A table the plan was read from: its pool, its kind, how the plan names it and its range. */
export interface TableRead {
  /** The cost pool's name; "" in a plan of one pool. */
  pool: string;
  id: TableId;
  /** `Tabel 6 Uitvoeringskosten per gemeente`, or the table's own title (`Dekking kosten regio-samenwerking`). */
  name: Message;
  /** Where it stands, as "Sheet!A1:H20" (two ranges with "; " when split over sheets). */
  range: string;
  /** Read through a binding by hand (UP_Koppelingen). */
  bound: boolean;
}

/** `Tabel 6 Uitvoeringskosten per gemeente`, `Sleutelgegevens`: a table kind's number and title. */
export function numberedTitle(id: TableId): Message {
  const { nl, en } = tableKind(id).title;
  return id.startsWith("Tabel") ? { nl: `${id} ${nl}`, en: `${id} ${en}` } : { nl, en };
}

/** Every table the plan was read from, pool by pool, each pool's in table order. */
export function tablesRead(plan: Plan): TableRead[] {
  return poolsOf(plan).flatMap(({ name: pool, plan: p }) =>
    byTableOrder(Object.entries(p.source.tables) as [TableId, string][], ([id]) => id).map(
      ([id, range]) => ({
        pool,
        id,
        name: tableName(p, id, numberedTitle(id)),
        range,
        bound: p.source.bound?.includes(id) ?? false,
      })
    )
  );
}
