import { own } from "./own";

/** The 16 participating municipalities of the partnership, as the plan writes them. */
export const MUNICIPALITIES: readonly string[] = [
  "Beek",
  "Beekdaelen",
  "Brunssum",
  "Eijsden-Margraten",
  "Gulpen-Wittem",
  "Heerlen",
  "Kerkrade",
  "Landgraaf",
  "Maastricht",
  "Meerssen",
  "Simpelveld",
  "Sittard-Geleen",
  "Stein",
  "Vaals",
  "Valkenburg aan de Geul",
  "Voerendaal",
];

/** Municipalities that merged into Beekdaelen in 2019; old workbooks still use them. */
const MERGED_INTO: Readonly<Record<string, string>> = {
  nuth: "Beekdaelen",
  onderbanken: "Beekdaelen",
  schinnen: "Beekdaelen",
};

/** Compares names case-insensitively, ignoring spaces, hyphens, dots, accents and `a/d` or `a.d.` vs `aan de`. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\ba\s*[/.]\s*d\b\.?/g, "aan de")
    .replace(/[\s\u00a0\-–._'’]+/g, "");
}

/** A character of a name that looks like a Latin letter (or like nothing) and is not one. */
export interface Lookalike {
  /** 1-based position in the name, in characters. */
  position: number;
  char: string;
  /** `U+0430`. */
  codePoint: string;
  kind: { nl: string; en: string };
}

export type Resolution =
  | { ok: true; name: string }
  | {
      ok: false;
      input: string;
      suggestion?: string;
      merged?: boolean;
      /** Characters from another script or invisible ones: never suggested as the name they imitate. */
      lookalikes?: Lookalike[];
    };

const SCRIPTS: readonly [RegExp, { nl: string; en: string }][] = [
  [/\p{Script=Cyrillic}/u, { nl: "Cyrillische letter", en: "Cyrillic letter" }],
  [/\p{Script=Greek}/u, { nl: "Griekse letter", en: "Greek letter" }],
  [/\p{Script=Armenian}/u, { nl: "Armeense letter", en: "Armenian letter" }],
  [/\p{Script=Cherokee}/u, { nl: "Cherokee-letter", en: "Cherokee letter" }],
];

/** Letters of a non-Latin script and invisible characters in a name (a homoglyph attack or a paste). */
function lookalikesIn(input: string): Lookalike[] {
  const found: Lookalike[] = [];
  [...input].forEach((char, i) => {
    let kind: { nl: string; en: string } | undefined;
    if (/[\p{Cc}\p{Cf}]/u.test(char)) kind = { nl: "onzichtbaar teken", en: "invisible character" };
    else if (/\p{L}/u.test(char) && char.normalize("NFKC") !== char.normalize("NFC"))
      kind = { nl: "opmaakvariant van een letter", en: "styled variant of a letter" };
    else if (/\p{L}/u.test(char) && !/\p{Script=Latin}/u.test(char)) {
      kind = SCRIPTS.find(([re]) => re.test(char))?.[1] ?? {
        nl: "geen Latijnse letter",
        en: "not a Latin letter",
      };
    }
    if (kind) {
      const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
      found.push({ position: i + 1, char, codePoint: `U+${hex}`, kind });
    }
  });
  return found;
}

interface NormalizedNames {
  /** The list as it was when normalized: a list changed since is normalized again. */
  names: readonly string[];
  /** Normalized name → the first name of the list with it. */
  byKey: Map<string, string>;
  /** Each name with its normalized form, in the list's order. */
  pairs: readonly [name: string, key: string][];
  /** Inputs already resolved to a name of the list: a sheet asks the same few thousands of times. */
  resolved: Map<string, string>;
}

/** At most this many inputs are remembered per list; any further one is normalized each time. */
const RESOLVED_INPUTS = 256;

/** Per list of known names: a plan's lookups would otherwise normalize every name each time. */
const normalizedLists = new WeakMap<readonly string[], NormalizedNames>();

function normalizedNames(known: readonly string[]): NormalizedNames {
  const cached = normalizedLists.get(known);
  if (
    cached &&
    cached.names.length === known.length &&
    cached.names.every((n, i) => n === known[i])
  ) {
    return cached;
  }
  const pairs = known.map((name): [string, string] => [name, normalizeName(name)]);
  const byKey = new Map<string, string>();
  for (const [name, key] of pairs) if (!byKey.has(key)) byKey.set(key, name);
  const entry = { names: [...known], byKey, pairs, resolved: new Map<string, string>() };
  normalizedLists.set(known, entry);
  return entry;
}

/**
 * Finds the municipality a user meant. Unknown names come back with the closest known
 * name as a suggestion (and Beekdaelen for Nuth, Onderbanken and Schinnen).
 */
export function resolveMunicipality(
  input: string,
  known: readonly string[] = MUNICIPALITIES
): Resolution {
  const { byKey, pairs, resolved } = normalizedNames(known);
  const seen = resolved.get(input);
  if (seen !== undefined) return { ok: true, name: seen };
  const key = normalizeName(input);
  if (key === "") return { ok: false, input };
  const exact = byKey.get(key);
  if (exact !== undefined) {
    if (resolved.size < RESOLVED_INPUTS) resolved.set(input, exact);
    return { ok: true, name: exact };
  }
  const merged = own(MERGED_INTO, key);
  if (merged && known.includes(merged))
    return { ok: false, input, suggestion: merged, merged: true };
  const lookalikes = lookalikesIn(input);
  if (lookalikes.length > 0) return { ok: false, input, lookalikes };
  let best: [name: string, key: string] | undefined;
  let bestDistance = Infinity;
  for (const pair of pairs) {
    const d = editDistance(key, pair[1]);
    if (d < bestDistance) {
      bestDistance = d;
      best = pair;
    }
  }
  const close = best !== undefined && bestDistance <= Math.max(2, Math.floor(best[1].length / 3));
  return { ok: false, input, suggestion: close ? best?.[0] : undefined };
}

/** Levenshtein distance, for suggesting the name a user probably meant. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The Dutch and English sentence for an unknown name, as shown in formulas and the command line. */
export function unknownMunicipalityMessage(r: Extract<Resolution, { ok: false }>): {
  nl: string;
  en: string;
} {
  if (r.merged && r.suggestion) {
    return {
      nl: `'${r.input}' is sinds 2019 opgegaan in ${r.suggestion} — gebruik ${r.suggestion}`,
      en: `'${r.input}' merged into ${r.suggestion} in 2019 — use ${r.suggestion}`,
    };
  }
  if (r.lookalikes && r.lookalikes.length > 0) {
    const list = (lang: "nl" | "en") =>
      r.lookalikes
        ?.map(
          (l) =>
            `${lang === "nl" ? "teken" : "character"} ${l.position} is ${l.codePoint} (${l.kind[lang]})`
        )
        .join(", ");
    return {
      nl: `Onbekende gemeente '${r.input}': ${list("nl")} — typ de naam opnieuw met gewone letters`,
      en: `Unknown municipality '${r.input}': ${list("en")} — type the name again in plain letters`,
    };
  }
  if (r.suggestion) {
    return {
      nl: `Onbekende gemeente '${r.input}' — bedoelt u ${r.suggestion}?`,
      en: `Unknown municipality '${r.input}' — did you mean ${r.suggestion}?`,
    };
  }
  return {
    nl: `Onbekende gemeente '${r.input}' — geen deelnemende gemeente lijkt erop`,
    en: `Unknown municipality '${r.input}' — no participating municipality resembles it`,
  };
}
