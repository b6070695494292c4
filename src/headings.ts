// The usual Danish names of a standard's headings and the section of the format each belongs to:
// used by the plain-text reader to find headings that share a line with their text, and by the
// import to place a section by its heading's name.

/** Usual headings (and synonyms) → section. Longer phrases first: they win over their prefixes. */
export const HEADINGS: [string, string][] = [
  ['Faglig kvalitet og opfølgning', 'personale'],
  ['Opfølgning på færdigbehandlede', 'behandlingsplan'],
  ['Opfølgning på behandlingsplanen', 'behandlingsplan'],
  ['Monitorering af indsatsen', 'monitorering'],
  ['Mulighed for frit valg', 'frit_valg'],
  ['Omkostninger for borgeren', 'kost_og_logi'],
  ['Levering af ydelsen', 'organisering'],
  ['Varighed af ydelsen', 'varighed'],
  ['Målet med indsatsen', 'formål'],
  ['Kost og logi', 'kost_og_logi'],
  ['Faglig kvalitet', 'personale'],
  ['Frit valg', 'frit_valg'],
  ['Formål', 'formål'],
  ['Lovgrundlag', 'lovgrundlag'],
  ['Målgruppe', 'målgruppe'],
  ['Organisering', 'organisering'],
  ['Indhold', 'organisering'],
  ['Tilbud', 'organisering'],
  ['Døgnbehandling', 'organisering'],
  ['Visitation', 'visitation'],
  ['Behandlingsgaranti', 'behandlingsgaranti'],
  ['Varighed', 'varighed'],
  ['Omkostninger', 'kost_og_logi'],
  ['Egenbetaling', 'kost_og_logi'],
  ['Personale', 'personale'],
  ['Kompetencer', 'personale'],
  ['Tilsyn', 'tilsyn'],
  ['Monitorering', 'monitorering'],
  ['Dokumentation', 'monitorering'],
  ['Behandlingsplan', 'behandlingsplan'],
  ['Opfølgning', 'behandlingsplan'],
  ['Handleplaner', 'handleplaner'],
  ['Handleplan', 'handleplaner'],
  ['Brugerinddragelse', 'brugerinddragelse'],
  ['Klageadgang', 'klageadgang'],
  ['Klagevejledning', 'klageadgang'],
  ['Sagsbehandling', 'klageadgang'],
  ['Gavekort', 'gavekort'],
  ['Opgaver', 'opgaver'],
];

/**
 * A heading phrase at the start of a line: followed by the end, two spaces, a capitalised word or a
 * dash ("Klagevejledning – alkoholbehandling").
 */
export function headingAt(line: string): [phrase: string, key: string, rest: string] | null {
  const text = line.trim();
  for (const [phrase, key] of HEADINGS) {
    if (!text.startsWith(phrase)) continue;
    const rest = text.slice(phrase.length);
    if (rest === '' || /^\s{2,}/.test(rest) || /^\s+\p{Lu}/u.test(rest) || /^\s+[-–]\s/u.test(rest)) return [phrase, key, rest.trim().replace(/^[-–]\s*/u, '')];
  }
  return null;
}


/** A heading that names an offer ("Anonymt gruppebehandlingstilbud") is part of the offers' section. */
const OFFER_HEADING = /tilbud(?:et|dene)?(?!\p{L})/iu;

/** The section a heading belongs to by its name (numbering such as "3.2" ignored), or null. */
export function sectionOfHeading(heading: string): string | null {
  const words = heading.replace(/^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+/u, '');
  return headingAt(words)?.[1] ?? (OFFER_HEADING.test(words) ? 'organisering' : null);
}
