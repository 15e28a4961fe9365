/*
 * The Dutch functions.json (nl-NL, nl-BE), derived at build time from the English one that
 * custom-functions-metadata-plugin generates from the JSDoc, plus the translation table below.
 * Ids, types and options come from the English file, so the two cannot drift; the build fails
 * when a function or parameter lacks a description or a translation, or the table names one
 * that no longer exists.
 */
const { Compilation, sources, WebpackError } = require("webpack");

/** English id → Dutch name, description and parameters (by English parameter name). */
const TRANSLATIONS = {
  CONTRIBUTION: {
    name: "BIJDRAGE",
    description:
      "De bijdrage van de gemeente aan de uitvoeringskosten in een jaar, in euro's: het totaal van Tabel 4 verdeeld met de verdeelsleutels (grootste overschot, telt exact op), of het bedrag dat in Tabel 6 staat.",
    parameters: {
      municipality: {
        name: "gemeente",
        description: 'Naam van een deelnemende gemeente, bijv. "Heerlen".',
      },
      year: { name: "jaar", description: "Jaar van het plan, bijv. 2025." },
      source: {
        name: "bron",
        description:
          '"berekend" (standaard): sleutel × totaal, verdeeld in hele euro\'s; "vermeld": het bedrag dat in Tabel 6 staat.',
      },
      pool: {
        name: "pool",
        description:
          'In een plan met meer kostenpools de naam van de pool, bijv. "beleid"; leeg voor het totaal over alle pools.',
      },
    },
  },
  CHANGE: {
    name: "VERANDERING",
    description:
      "Hoeveel de bijdrage van een gemeente verandert van het ene jaar op het andere, of het deel van die verandering dat komt door het totaal of door de sleutel.",
    parameters: {
      municipality: {
        name: "gemeente",
        description: 'Naam van een deelnemende gemeente, bijv. "Heerlen".',
      },
      year1: { name: "jaar1", description: "Het eerdere jaar, bijv. 2024." },
      year2: { name: "jaar2", description: "Het latere jaar, bijv. 2025." },
      part: {
        name: "deel",
        description:
          '"verschil" (standaard), "totaal" (effect van het gewijzigde totaal) of "sleutel" (effect van de gewijzigde sleutel).',
      },
      source: {
        name: "bron",
        description:
          '"berekend" (standaard): bijdragen berekend uit sleutels en totalen; "vermeld": de bedragen die in Tabel 6 staan.',
      },
      pool: {
        name: "pool",
        description:
          'In een plan met meer kostenpools de naam van de pool, bijv. "beleid"; leeg voor de verandering over alle pools.',
      },
    },
  },
  KEY: {
    name: "SLEUTEL",
    description: "De verdeelsleutel van de gemeente als breuk (maak de cel op als %).",
    parameters: {
      municipality: {
        name: "gemeente",
        description: 'Naam van een deelnemende gemeente, bijv. "Heerlen".',
      },
      year: {
        name: "jaar",
        description:
          "Jaar van het plan; wordt alleen gecontroleerd, de sleutel is in elk jaar van een plan gelijk.",
      },
      pool: {
        name: "pool",
        description:
          'In een plan met meer kostenpools de naam van de pool, bijv. "verwerving": elke pool heeft een eigen sleutel.',
      },
    },
  },
  TOTAL: {
    name: "TOTAAL",
    description: "Tabel 4 van het plan: wat de gemeenten samen betalen in een jaar.",
    parameters: {
      year: { name: "jaar", description: "Jaar van het plan, bijv. 2025." },
      part: {
        name: "deel",
        description:
          '"formatie" (formatiekosten jeugd), "materieel" (materiële kosten jeugd) of "totaal" (standaard).',
      },
      pool: {
        name: "pool",
        description:
          'In een plan met meer kostenpools de naam van de pool, bijv. "beleid"; leeg voor de som over alle pools.',
      },
    },
  },
  FTE: {
    name: "FTE",
    description:
      "Tabel 1 van het plan: de formatie (fte) van het team in een jaar, of van één functie.",
    parameters: {
      year: { name: "jaar", description: "Jaar van het plan, bijv. 2025." },
      role: {
        name: "functie",
        description: 'Een functie zoals in Tabel 1, bijv. "Inkopers"; leeg voor het hele team.',
      },
    },
  },
  STAFFCOST: {
    name: "FORMATIEKOSTEN",
    description: "Tabel 2 van het plan: de formatiekosten van een jaar.",
    parameters: {
      year: { name: "jaar", description: "Jaar van het plan, bijv. 2025." },
      domain: { name: "domein", description: '"jeugd", "wmo" of "totaal" (standaard).' },
    },
  },
  MATERIALCOST: {
    name: "MATERIELEKOSTEN",
    description:
      "Tabel 3 van het plan: de materiële kosten van een jaar, van één kostenpost of van een domein.",
    parameters: {
      year: { name: "jaar", description: "Jaar van het plan, bijv. 2025." },
      line: {
        name: "kostenpost",
        description:
          'Een kostenpost zoals in Tabel 3, bijv. "ICT licenties"; leeg voor het subtotaal.',
      },
      domain: {
        name: "domein",
        description: '"jeugd", "wmo" of "totaal" (standaard); alleen zonder kostenpost.',
      },
    },
  },
  MUNICIPALITIES: {
    name: "GEMEENTEN",
    description: "De deelnemende gemeenten van het plan, één per rij.",
    parameters: {},
  },
  KEYS: {
    name: "SLEUTELS",
    description:
      "Verdeelsleutels berekend uit de componenten: gelijk deel, jongeren, toekenningen en declaraties, elk 25% tenzij u wegingen geeft.",
    parameters: {
      components: {
        name: "componenten",
        description:
          "Bereik met de gemeente in de eerste kolom en één kolom per component, met of zonder kopregel.",
      },
      weights: {
        name: "wegingen",
        description:
          "Wegingen in procenten, één per component, of vooraan één extra voor het gelijke deel; samen 100%.",
      },
    },
  },
  ALLOCATE: {
    name: "VERDEEL",
    description:
      "Verdeelt een totaal over sleutels in hele euro's (of centen) die exact optellen tot het totaal: methode van de grootste overschotten.",
    parameters: {
      total: {
        name: "totaal",
        description: "Het te verdelen bedrag, een geheel aantal euro's (of centen).",
      },
      keys: {
        name: "sleutels",
        description: "Eén kolom of één rij met sleutels (breuken of andere gewichten ≥ 0).",
      },
      unit: { name: "eenheid", description: "1 voor hele euro's (standaard) of 0,01 voor centen." },
    },
  },
  CHECK: {
    name: "CONTROLE",
    description:
      "Controleert het plan: het aantal fouten die de controleregels vinden. Werkt bij als het plan verandert.",
    parameters: {},
  },
  SETTLEMENT: {
    name: "AFREKENING",
    description:
      "Afrekening na de jaarrekening: wat de gemeente over een jaar bijbetaalt (positief) of terugkrijgt (negatief), de werkelijke kosten verdeeld met de definitieve sleutel min het voorschot uit Tabel 6; of één deel daarvan.",
    parameters: {
      municipality: {
        name: "gemeente",
        description: 'Naam van een deelnemende gemeente, bijv. "Heerlen".',
      },
      year: {
        name: "jaar",
        description:
          "Het jaar dat wordt afgerekend, bijv. 2025; de bedragen in Tabel 6 zijn de voorschotten.",
      },
      actual: {
        name: "werkelijk",
        description: "De werkelijke kosten van dat jaar uit de jaarrekening, in euro's.",
      },
      components: {
        name: "componenten",
        description:
          'Bereik met de definitieve sleutel: de gemeente en haar componenten (jongeren, toekenningen, declaraties), of een kolom "sleutel" met de sleutels; leeg voor de voorlopige sleutel.',
      },
      part: {
        name: "deel",
        description:
          '"afrekening" (standaard), "voorschot", "definitief", "kosten" (kosteneffect) of "sleutel" (sleuteleffect).',
      },
      weights: {
        name: "wegingen",
        description:
          "Wegingen in procenten voor de componenten, zoals bij SLEUTELS; leeg voor de wegingen van het plan, anders elk 25%.",
      },
      pool: {
        name: "pool",
        description:
          'In een plan met meer kostenpools de pool die wordt afgerekend, bijv. "beleid": elke pool heeft eigen werkelijke kosten en een eigen sleutel.',
      },
    },
  },
};

const NAME = /^[A-Z][A-Z0-9_.]*$/;

function blank(text) {
  return typeof text !== "string" || text.trim() === "";
}

/**
 * The Dutch metadata for the English metadata, and every problem found: a function or
 * parameter without a description (in either language), without a translation, or a
 * translation for something that does not exist.
 */
function translateFunctions(english, table = TRANSLATIONS) {
  const problems = [];
  const functions = english.functions ?? [];
  const ids = new Set(functions.map((f) => f.id));
  const dutchNames = new Map();
  const translated = functions.map((f) => {
    if (blank(f.description)) problems.push(`Function ${f.id} has no description (JSDoc).`);
    const t = table[f.id];
    if (!t) {
      problems.push(`Function ${f.id} has no Dutch translation in scripts/functions-nl.js.`);
      return f;
    }
    if (blank(t.name) || !NAME.test(t.name))
      problems.push(`Function ${f.id}: Dutch name '${t.name}' is not a valid function name.`);
    if (dutchNames.has(t.name))
      problems.push(
        `Functions ${dutchNames.get(t.name)} and ${f.id} share the Dutch name ${t.name}.`
      );
    dutchNames.set(t.name, f.id);
    if (blank(t.description)) problems.push(`Function ${f.id} has no Dutch description.`);
    const params = f.parameters ?? [];
    const known = new Set(params.map((p) => p.name));
    for (const extra of Object.keys(t.parameters ?? {})) {
      if (!known.has(extra))
        problems.push(
          `Function ${f.id}: the Dutch table translates parameter '${extra}', which does not exist.`
        );
    }
    return {
      ...f,
      name: t.name,
      description: t.description,
      parameters: params.map((p) => {
        if (blank(p.description))
          problems.push(
            `Function ${f.id}: parameter '${p.name}' has no description (JSDoc @param).`
          );
        const tp = (t.parameters ?? {})[p.name];
        if (!tp || blank(tp.name) || blank(tp.description)) {
          problems.push(
            `Function ${f.id}: parameter '${p.name}' has no Dutch name and description.`
          );
          return p;
        }
        return { ...p, name: tp.name, description: tp.description };
      }),
    };
  });
  for (const id of Object.keys(table)) {
    if (!ids.has(id)) problems.push(`The Dutch table translates ${id}, which is not a function.`);
  }
  return { metadata: { ...english, functions: translated }, problems };
}

const PLUGIN = "DutchFunctionsPlugin";

/** Emits `output` from the generated `input` asset; its problems fail the build. */
class DutchFunctionsPlugin {
  constructor(options = {}) {
    this.input = options.input ?? "functions.json";
    this.output = options.output ?? "functions.nl.json";
    this.table = options.table ?? TRANSLATIONS;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.input);
          if (!asset) {
            compilation.errors.push(
              new WebpackError(`${PLUGIN}: ${this.input} was not generated.`)
            );
            return;
          }
          const english = JSON.parse(asset.source.source().toString());
          const { metadata, problems } = translateFunctions(english, this.table);
          for (const p of problems) compilation.errors.push(new WebpackError(`${PLUGIN}: ${p}`));
          if (problems.length === 0) {
            compilation.emitAsset(
              this.output,
              new sources.RawSource(JSON.stringify(metadata, null, 4))
            );
          }
        }
      );
    });
  }
}

module.exports = { DutchFunctionsPlugin, translateFunctions, TRANSLATIONS };
