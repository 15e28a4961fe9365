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

export type Resolution =
  { ok: true; name: string } | { ok: false; input: string; suggestion?: string; merged?: boolean };

interface NormalizedNames {
  /** The list as it was when normalized: a list changed since is normalized again. */
  names: readonly string[];
  /** Normalized name → the first name of the list with it. */
  byKey: Map<string, string>;
  /** Each name with its normalized form, in the list's order. */
  pairs: readonly [name: string, key: string][];
}

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
  const entry = { names: [...known], byKey, pairs };
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
  const key = normalizeName(input);
  if (key === "") return { ok: false, input };
  const { byKey, pairs } = normalizedNames(known);
  const exact = byKey.get(key);
  if (exact !== undefined) return { ok: true, name: exact };
  const merged = own(MERGED_INTO, key);
  if (merged && known.includes(merged))
    return { ok: false, input, suggestion: merged, merged: true };
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
