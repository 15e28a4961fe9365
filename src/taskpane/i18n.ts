import { createContext, useCallback, useContext } from "react";
import { Message } from "../core/model";
import type { Lang } from "../report/report";
import { nbsp } from "./format";

export type { Lang };

/** Dutch unless the display language (Office's, else the browser's) is something else. */
export function detectLang(displayLanguage?: string | null): Lang {
  const l = (displayLanguage ?? "").toLowerCase();
  return l === "" || l.startsWith("nl") ? "nl" : "en";
}

export const LangContext = createContext<Lang>("nl");

/** `t(nl, en)`: the text in the pane's language, both written where they are used. */
export function useT(): (nl: string, en: string) => string {
  const lang = useContext(LangContext);
  return useCallback((nl, en) => nbsp(lang === "nl" ? nl : en), [lang]);
}

export function useMessage(): (m: Message) => string {
  const lang = useContext(LangContext);
  return useCallback((m) => nbsp(m[lang]), [lang]);
}
