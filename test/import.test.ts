// Importing an existing standard: the Helsingør text as a PDF gives it, and a Markdown page.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { loadBundledChecklists } from '../src/checklist.js';
import { importStandard } from '../src/import.js';
import { loadReferenceData } from '../src/reference-data.js';
import { loadStandard } from '../src/standard.js';
import { cli, fixture, root, tempDir, yamlStrings } from './helpers.js';

const SEED = join(root, '..', 'shared', 'seeds', '001_17d60edeaf6d916d.txt');
const DATE = '2026-11-22';

/** All text values of a YAML document, whitespace-normalised. */
const corpus = (yaml: string): string => norm(yamlStrings(yaml));

/** Bullets (lost or kept), list dashes and line breaks do not count as text. */
const norm = (s: string) =>
  s
    .replace(/[\uF0B7•¶ü]/gu, ' ')
    .replace(/(^|\s)[-–](?=\s)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The seed's sentences; a line that starts with a section heading also starts a new piece. */
function sentences(text: string): string[] {
  const headings = /^\s*(Formål|Lovgrundlag|Målgruppe|Levering af|Visitation|Behandlingsgaranti|Varighed af|Omkostninger|Indhold|Døgnbehandling|Mulighed for|Faglig kvalitet|Tilsyn$|Monitorering af indsatsen|Opfølgning på færdigbehandlede|Brugerinddragelse|Klageadgang)/mu;
  const chunks: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (headings.test(line)) {
      chunks.push(current.join(' '));
      current = [];
    }
    current.push(line);
  }
  chunks.push(current.join(' '));
  return chunks.flatMap((c) => norm(c).split(/(?<=[.!?])\s+/u)).filter((s) => s.length > 0);
}

describe('importing Helsingør’s standard from its text', () => {
  const text = readFileSync(SEED, 'utf8');
  const result = importStandard(text, { source: '001.txt', date: DATE, references: loadReferenceData() });
  const dir = tempDir();
  const draft = join(dir, 'udkast.yaml');
  writeFileSync(draft, result.yaml);

  it('writes a draft that says it was imported and must be reviewed, and that validates', () => {
    expect(result.yaml.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+kvalitetsstandard\.schema\.json$/);
    expect(result.yaml.split('\n')[2]).toBe('# IMPORTERET UDKAST – SKAL GENNEMGÅS.');
    expect(cli(['validate', draft]).code).toBe(0);
  });

  it('loses no sentence of the source', () => {
    const all = corpus(result.yaml);
    const pieces = sentences(text);
    expect(pieces.length).toBeGreaterThan(150);
    for (const s of pieces) expect(all.includes(s), s).toBe(true);
  });

  it('lifts the facts the text states: the 14-day guarantee, follow-up after 1 and 6 months, offers, citations', () => {
    const data = parse(result.yaml);
    expect(data.kommune).toBe('Helsingør Kommune');
    expect(data.behandlingsgaranti.frist_dage).toBe(14);
    expect(data.behandlingsgaranti.hjemmel).toEqual(['servicelovens § 101, stk. 2', 'Sundhedslovens § 141, stk. 2']);
    expect(data.frit_valg.hjemmel).toEqual(['servicelovens § 101, stk. 4']);
    expect(data.behandlingsplan.opfølgning_efter_måneder).toEqual([1, 6]);
    expect(data.monitorering.indberetning).toEqual(['Register over stofmisbrugere i behandling (SIB)', 'Det Nationale Alkoholbehandlingsregister (NAB)']);
    const offers = data.organisering.tilbud as { navn: string; type: string }[];
    expect(offers).toEqual(expect.arrayContaining([{ navn: 'Anonym rådgivning', type: 'rådgivning', anonym: true, indhold: expect.any(String) }, { navn: 'Døgnbehandling', type: 'døgn' }]));
    expect(offers.map((o) => o.navn)).not.toContain('Målgruppe');
  });

  it('audits like the hand-made fixture on every § 4 item', () => {
    const lists = loadBundledChecklists();
    const statuses = (file: string) =>
      audit(loadStandard(file), lists, { auditDate: DATE })
        .findings.filter((f) => f.requirement.checklist === 'bek-1477')
        .map((f) => [f.requirement.id, f.status]);
    expect(statuses(draft)).toEqual(statuses(fixture('helsingoer-rusmiddelbehandling.yaml')));
  });
});

describe('importing a Markdown page', () => {
  const md = [
    '# Kvalitetsstandard for stofmisbrugsbehandling i Eksempelby Kommune',
    '',
    '## Målgruppe',
    'Borgere over 18 år med et stofmisbrug.',
    '',
    '## Behandlingsgaranti',
    'Behandlingen iværksættes senest 14 dage efter henvendelsen, jf. servicelovens § 101, stk. 4, om behandlingsgaranti.',
    '',
    '## Tilbud',
    '- Åben rådgivning: Anonyme samtaler uden visitation.',
    '- Døgnbehandling: Ophold på et godkendt døgntilbud.',
    '',
    '## Åbningstider',
    'Mandag til torsdag kl. 9–15.',
  ].join('\n');

  it('maps headings to sections and keeps an unknown heading with its text', () => {
    const data = parse(importStandard(md, { source: 'side.md', date: DATE, references: loadReferenceData() }).yaml);
    expect(data.titel).toBe('Kvalitetsstandard for stofmisbrugsbehandling i Eksempelby Kommune');
    expect(data.kommune).toBe('Eksempelby Kommune');
    expect(data.målgruppe.tekst).toBe('Borgere over 18 år med et stofmisbrug.');
    expect(data.behandlingsgaranti).toMatchObject({ frist_dage: 14, hjemmel: ['servicelovens § 101, stk. 4'] });
    expect(data.organisering.tilbud).toEqual([
      { navn: 'Åben rådgivning', type: 'rådgivning', indhold: 'Anonyme samtaler uden visitation.' },
      { navn: 'Døgnbehandling', type: 'døgn', indhold: 'Ophold på et godkendt døgntilbud.' },
    ]);
    expect(data.øvrige_afsnit).toEqual([{ overskrift: 'Åbningstider', tekst: 'Mandag til torsdag kl. 9–15.' }]);
  });

  it('from the command line, never over its input', () => {
    const dir = tempDir();
    const page = join(dir, 'side.md');
    writeFileSync(page, md);
    const out = join(dir, 'udkast.yaml');
    expect(cli(['import', page, '-o', out]).code).toBe(0);
    expect(cli(['validate', out]).code).toBe(0);
    expect(cli(['import', page, '-o', page]).code).toBe(2);
    expect(readFileSync(page, 'utf8')).toBe(md);
  });
});
