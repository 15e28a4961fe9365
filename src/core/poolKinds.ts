import { Message, PoolMethod } from "./model";
import { tableKind } from "./tableKinds";

/*
 * The cost pools of a merged plan (from 2025, PLAN-MODEL.md "Cost pools"), as data: each
 * pool's name (what `--pool` and UP.CONTRIBUTION take), its key method, and the words that
 * recognise its tables in the published layout. Patterns match normalised text (lower case,
 * no accents, single spaces), as the table kinds' do.
 */

export interface PoolKind {
  name: string;
  method: PoolMethod;
  /** The pool's title when its tables do not give one. */
  title: Message;
}

/** The policy pool: costs of the regional cooperation, distributed by budget shares. */
export const POLICY_POOL: PoolKind & {
  /** Titles of its contributions table: `Dekking kosten regio-samenwerking`. */
  contributionTitles: RegExp;
  /** Titles of its budget: `Begroting regio-samenwerking jeugd 2025`, `Kosten beleid`. */
  budgetTitles: RegExp;
  /** Header words of its contributions table's columns. */
  columns: { municipality: RegExp; budget: RegExp; key: RegExp; percent: RegExp };
} = {
  name: "beleid",
  method: "budget-share",
  title: { nl: "Dekking kosten regio-samenwerking", en: "Funding of the regional cooperation" },
  contributionTitles:
    /^(dekking|verdeling|bijdragen?) (van de )?(kosten )?(regio ?-?samenwerking|beleid)/,
  budgetTitles:
    /^(begroting|kosten|budget) (van de )?(regio ?-?samenwerking|beleid)\b|^beleidsbegroting\b/,
  columns: {
    municipality: /^gemeente/,
    budget: /\b(budget|uitkering|middelen)\b/,
    key: /sleutel|aandeel|verdeel/,
    percent: /%|procent|percentage/,
  },
};

/** The purchasing pool: the SLA's execution costs (Tabel 4 and Tabel 6). */
export const PURCHASING_POOL: PoolKind = {
  name: "verwerving",
  method: "sla",
  title: tableKind("Tabel 6").title,
};
