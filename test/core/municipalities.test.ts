import {
  MUNICIPALITIES,
  normalizeName,
  resolveMunicipality,
  unknownMunicipalityMessage,
} from "../../src/core/municipalities";

describe("municipalities", () => {
  test("the 16 participating municipalities of PLAN-MODEL.md", () => {
    expect(MUNICIPALITIES).toHaveLength(16);
    expect(new Set(MUNICIPALITIES.map(normalizeName)).size).toBe(16);
  });

  test.each([
    ["heerlen", "Heerlen"],
    ["HEERLEN", "Heerlen"],
    ["  Heerlen  ", "Heerlen"],
    ["Sittard Geleen", "Sittard-Geleen"],
    ["sittard-geleen", "Sittard-Geleen"],
    ["Sittard – Geleen", "Sittard-Geleen"],
    ["Eijsden Margraten", "Eijsden-Margraten"],
    ["EijsdenMargraten", "Eijsden-Margraten"],
    ["Valkenburg a/d Geul", "Valkenburg aan de Geul"],
    ["Valkenburg a / d Geul", "Valkenburg aan de Geul"],
    ["Valkenburg a.d. Geul", "Valkenburg aan de Geul"],
    ["valkenburg aan de geul", "Valkenburg aan de Geul"],
    ["Gulpen\u00a0Wittem", "Gulpen-Wittem"],
    ["Beek", "Beek"],
    ["Beekdaelen", "Beekdaelen"],
  ])("'%s' is %s", (input, name) => {
    expect(resolveMunicipality(input)).toEqual({ ok: true, name });
  });

  test("a typo gets the closest name as a suggestion", () => {
    const r = resolveMunicipality("Heerle");
    expect(r).toEqual({ ok: false, input: "Heerle", suggestion: "Heerlen" });
    if (r.ok) return;
    expect(unknownMunicipalityMessage(r)).toEqual({
      nl: "Onbekende gemeente 'Heerle' — bedoelt u Heerlen?",
      en: "Unknown municipality 'Heerle' — did you mean Heerlen?",
    });
    expect(resolveMunicipality("Kerkraade")).toMatchObject({ ok: false, suggestion: "Kerkrade" });
    expect(resolveMunicipality("Landgraf")).toMatchObject({ ok: false, suggestion: "Landgraaf" });
  });

  test.each(["Nuth", "Onderbanken", "schinnen"])("%s merged into Beekdaelen", (old) => {
    const r = resolveMunicipality(old);
    expect(r).toEqual({ ok: false, input: old, suggestion: "Beekdaelen", merged: true });
    if (r.ok) return;
    expect(unknownMunicipalityMessage(r).nl).toBe(
      `'${old}' is sinds 2019 opgegaan in Beekdaelen — gebruik Beekdaelen`
    );
  });

  test("a name that resembles nothing gets no suggestion", () => {
    const r = resolveMunicipality("Amsterdam");
    expect(r).toEqual({ ok: false, input: "Amsterdam", suggestion: undefined });
    if (r.ok) return;
    expect(unknownMunicipalityMessage(r).en).toBe(
      "Unknown municipality 'Amsterdam' — no participating municipality resembles it"
    );
  });

  test("a look-alike (another script, an invisible or a styled character) is named, never suggested", () => {
    const names = ["M\u0430astricht", "\u0392eek", "Vaa\u00adls", "\uff33tein", "Heerlen\u202e"];
    const said = names.map((name) => {
      const r = resolveMunicipality(name);
      return r.ok
        ? r.name
        : [r.suggestion, r.lookalikes?.map((l) => `${l.position} ${l.codePoint}`)];
    });
    expect(said).toEqual([
      [undefined, ["2 U+0430"]],
      [undefined, ["1 U+0392"]],
      [undefined, ["4 U+00AD"]],
      [undefined, ["1 U+FF33"]],
      [undefined, ["8 U+202E"]],
    ]);
    const r = resolveMunicipality("\u0392eek");
    if (r.ok) return;
    expect(unknownMunicipalityMessage(r)).toEqual({
      nl: "Onbekende gemeente '\u0392eek': teken 1 is U+0392 (Griekse letter) — typ de naam opnieuw met gewone letters",
      en: "Unknown municipality '\u0392eek': character 1 is U+0392 (Greek letter) — type the name again in plain letters",
    });
    // Latin letters with accents stay what they were: compared without their accents.
    expect(resolveMunicipality("Meërssen")).toEqual({ ok: true, name: "Meerssen" });
  });

  test("an empty name is not a municipality", () => {
    expect(resolveMunicipality("  ")).toEqual({ ok: false, input: "  " });
  });

  test("only the plan's own municipalities are known when the plan names fewer", () => {
    const known = ["Beek", "Heerlen"];
    expect(resolveMunicipality("heerlen", known)).toEqual({ ok: true, name: "Heerlen" });
    expect(resolveMunicipality("Vaals", known)).toMatchObject({ ok: false });
    // Beekdaelen is not in this plan, so Nuth is not pointed there.
    expect(resolveMunicipality("Nuth", known)).not.toMatchObject({ merged: true });
  });

  test("a list changed in place after a lookup is looked up as it is now, not as it was", () => {
    const known = ["Beek", "Heerlen"];
    expect(resolveMunicipality("heerlen", known)).toEqual({ ok: true, name: "Heerlen" });
    expect(resolveMunicipality("heerlen", known)).toEqual({ ok: true, name: "Heerlen" });
    known[1] = "Vaals";
    expect(resolveMunicipality("heerlen", known)).toMatchObject({ ok: false });
    known[1] = "HEERLEN";
    expect(resolveMunicipality("heerlen", known)).toEqual({ ok: true, name: "HEERLEN" });
  });

  test("however many spellings a sheet uses, each is resolved right (the remembered ones and the rest)", () => {
    const spellings = Array.from(
      { length: 300 },
      (_, i) =>
        `${" ".repeat(i % 7)}${"heerlen".slice(0, 1 + (i % 7)).toUpperCase()}${"heerlen".slice(1 + (i % 7))}${"\u00a0".repeat(Math.floor(i / 7))}`
    );
    for (const round of [1, 2]) {
      for (const s of spellings)
        expect([round, resolveMunicipality(s)]).toEqual([round, { ok: true, name: "Heerlen" }]);
    }
    expect(resolveMunicipality("Heerlen ").ok).toBe(true);
  });

  test("Beek is not mistaken for Beekdaelen, nor the other way round", () => {
    expect(resolveMunicipality("beek")).toEqual({ ok: true, name: "Beek" });
    expect(resolveMunicipality("beek daelen")).toEqual({ ok: true, name: "Beekdaelen" });
  });
});
