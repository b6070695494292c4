// `kvalitetstjek init`: a skeleton with every section of the format, generated from the schema so
// the two never drift. Sections are commented out until filled in: an empty section would count as
// present, and a skeleton must not pass an audit.
import { standardSchema } from './schema.js';
import type { JsonSchema } from './schema.js';

const SCHEMA_URL = 'https://kvalitetstjek.dk/schemas/kvalitetsstandard.schema.json';

const STRUCTURED: Record<string, string[]> = {
  formål: ['  tekst: |-', '    Det overordnede mål for indsatsen.', '  værdier_og_normer: |-', '    De værdier og normer, indsatsen bygger på.'],
  organisering: [
    '  tekst: |-',
    '    Den organisatoriske struktur.',
    '  tilbud:',
    '    - navn: Ambulant behandling',
    '      type: ambulant   # rådgivning, ad_hoc, ambulant, ambulant_dagbehandling, dagbehandling, døgn, afrusning, medicinsk, pårørende, andet',
    '      målgruppe: Borgere over 18 år med et behandlingskrævende stofmisbrug.',
    '      hjemmel: [servicelovens § 101]',
    '    - navn: Døgnbehandling',
    '      type: døgn',
  ],
  behandlingsgaranti: ['  tekst: |-', '    Behandlingen iværksættes senest 14 dage efter henvendelsen.', '  frist_dage: 14', '  hjemmel: ["servicelovens § 101, stk. 4"]'],
  frit_valg: ['  tekst: |-', '    Borgerens ret til frit valg.', '  hjemmel: ["servicelovens § 101, stk. 5"]'],
  behandlingsplan: ['  tekst: |-', '    Udarbejdelse af og opfølgning på behandlingsplanen.', '  opfølgning_efter_måneder: [1, 6]'],
  handleplaner: ['  tekst: |-', '    Koordinering med handleplaner efter servicelovens § 141.', '  mål: |-', '    Kommunens mål for handleplanerne.'],
  monitorering: ['  tekst: |-', '    Hvordan indsatsen monitoreres.', '  indberetning: [Stofmisbrugsdatabasen (SMDB)]'],
  vedtaget: ['  dato: 2025-01-01', '  af: Socialudvalget'],
  lovgrundlag: ['  omfatter: [SEL § 101, SEL § 101 a]'],
  øvrige_afsnit: ['  - overskrift: Varighed', '    tekst: |-', '      …'],
};

const SKIP = new Set(['kommune', 'titel', 'erklæringer']);

export function skeleton(schemaPath: string = SCHEMA_URL): string {
  const schema = standardSchema();
  const props = schema.properties as Record<string, JsonSchema>;
  const out = [
    `# yaml-language-server: $schema=${schemaPath}`,
    '#',
    '# Kvalitetsstandard for social stofmisbrugsbehandling. Skabelon skrevet af kvalitetstjek init.',
    '# Fjern "# " foran et afsnit, når det er udfyldt. Et afsnit, der står udkommenteret, tæller som',
    '# manglende. Kør "kvalitetstjek audit <fil>" for at se, hvad der mangler.',
    '',
    'kommune: Eksempel Kommune',
    'titel: Kvalitetsstandard for social stofmisbrugsbehandling',
    '',
  ];
  for (const [key, def] of Object.entries(props)) {
    if (SKIP.has(key)) continue;
    const description = typeof def.description === 'string' ? def.description : '';
    if (description) out.push(`# ${description}`);
    const body = STRUCTURED[key];
    const isSection = def.$ref === '#/definitions/afsnit';
    if (body) out.push(`# ${key}:`, ...body.map((l) => `# ${l}`));
    else if (isSection) out.push(`# ${key}:`, '#   tekst: |-', '#     …');
    else if (key === 'brugerorganisationer') out.push(`# ${key}: [Brugerforeningen]`);
    else if (key === 'url') out.push(`# ${key}: https://www.eksempel.dk/kvalitetsstandard`);
    else out.push(`# ${key}: …`);
    out.push('');
  }
  out.push(
    '# Erklæret efterlevelse af krav, der ikke kan ses i dokumentet (praksis), og forklarede afvigelser',
    '# fra bør-krav. Et skal-krav kan ikke fraviges.',
    '# erklæringer:',
    '#   - krav: "3.1.1"',
    '#     status: opfyldt      # eller: afvigelse',
    '#     begrundelse: Hvordan kravet efterleves, eller hvorfor kommunen afviger.',
    '#     henvisning: /organisering',
    '',
  );
  return out.join('\n');
}
