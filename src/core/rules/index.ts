import { ALLOC_AMOUNT } from "./ALLOC-AMOUNT";
import { ALLOC_LINK } from "./ALLOC-LINK";
import { ALLOC_SUM } from "./ALLOC-SUM";
import { BUDGET_LINK } from "./BUDGET-LINK";
import { BUDGET_SHARE } from "./BUDGET-SHARE";
import { FORMULA_RANGE } from "./FORMULA-RANGE";
import { FTE_TOTAL } from "./FTE-TOTAL";
import { FTE_VALUE } from "./FTE-VALUE";
import { KEY_RECOMPUTE } from "./KEY-RECOMPUTE";
import { KEY_SUM } from "./KEY-SUM";
import { LINES_SUM } from "./LINES-SUM";
import { MUNICIPALITIES_RULE } from "./MUNICIPALITIES";
import { Rule } from "./rule";
import { SPLIT_LABEL } from "./SPLIT-LABEL";
import { SPLIT_SUM } from "./SPLIT-SUM";
import { TOTALS_LINK } from "./TOTALS-LINK";

export type { Rule } from "./rule";

/** Every consistency rule, in the order of PLAN-MODEL.md. */
export const RULES: Rule[] = [
  FTE_TOTAL,
  FTE_VALUE,
  SPLIT_SUM,
  SPLIT_LABEL,
  LINES_SUM,
  TOTALS_LINK,
  KEY_SUM,
  ALLOC_AMOUNT,
  ALLOC_SUM,
  ALLOC_LINK,
  BUDGET_LINK,
  BUDGET_SHARE,
  MUNICIPALITIES_RULE,
  KEY_RECOMPUTE,
  FORMULA_RANGE,
];

export {
  ALLOC_AMOUNT,
  ALLOC_LINK,
  ALLOC_SUM,
  BUDGET_LINK,
  BUDGET_SHARE,
  FORMULA_RANGE,
  FTE_TOTAL,
  FTE_VALUE,
  KEY_RECOMPUTE,
  KEY_SUM,
  LINES_SUM,
  MUNICIPALITIES_RULE,
  SPLIT_LABEL,
  SPLIT_SUM,
  TOTALS_LINK,
};
