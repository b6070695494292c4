// Placement by content and lifted facts (issue 13): for each format of Fjordby's du-language
// standard and for Helsingør's extracted text, the sections an expert would place, the facts the
// text states (each with a comment naming its source line or page), and the audit's skal gaps.
// Fjordby's YAML original meets every skal, so its imported drafts must show no skal gap at all.
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { loadBundledChecklists } from '../src/checklist.js';
import { adoptionIn, complaintDeadlineIn, followUpIn, nextRevisionIn, organisationIn, revisedIn, urlIn, guaranteeDaysIn } from '../src/facts.js';
import { importDocument, importStandard, offerType } from '../src/import.js';
import { readDocument } from '../src/readers/index.js';
import { loadReferenceData } from '../src/reference-data.js';
import { loadStandard, parseStandard } from '../src/standard.js';
import { cli, fixture } from './helpers.js';

const DATE = '2026-01-10';
const references = loadReferenceData();
const lists = loadBundledChecklists();
const skalGaps = (report: ReturnType<typeof audit>) => report.findings.filter((f) => f.gap && f.level === 'skal').map((f) => f.requirement.id).sort();

/** Where an expert places each of Fjordby's headings (the YAML original's sections). */
const FJORDBY_PLACES: Record<string, string> = {
  'Hvilke regler gælder?': 'lovgrundlag',
  'Hvad kan du få hjælp til?': 'opgaver',
  'Hvem er hjælpen til?': 'målgruppe',
  'Hvad vil vi opnå?': 'formål',
  'Sådan er vi organiseret': 'organisering',
  'Sådan kommer du i gang': 'visitation',
  'Hvor hurtigt kan du komme i behandling?': 'behandlingsgaranti',
  'Du kan vælge et andet sted': 'frit_valg',
  'Din plan': 'behandlingsplan',
  'Hvis du også får anden hjælp fra kommunen': 'handleplaner',
  'Din stemme tæller': 'brugerinddragelse',
  'Hvad koster det?': 'kost_og_logi',
  'Hvis du vil klage': 'klageadgang',
  'Hvem møder du?': 'personale',
  'Sådan holder vi øje med kvaliteten': 'monitorering',
  Gavekort: 'gavekort',
};
const strip = (h: string) => h.replace(/^\d{1,2}\s+/u, '');

describe.each(['txt', 'md', 'html', 'docx', 'pdf'])('Fjordby’s standard as .%s', (ext) => {
  const file = fixture(join('import', `fjordby.${ext}`));
  const load = async () => {
    const doc = await readDocument(file);
    const result = importDocument(doc, { source: `fjordby.${ext}`, date: DATE, references });
    return { result, data: parse(result.yaml) as Record<string, any>, doc }; // eslint-disable-line @typescript-eslint/no-explicit-any -- a parsed draft, checked field by field below
  };

  it('places each section where an expert would, and leaves relapse and aftercare in øvrige_afsnit', async () => {
    const { data } = await load();
    for (const [heading, key] of Object.entries(FJORDBY_PLACES)) expect(strip(data[key]?.overskrift ?? ''), heading).toBe(heading);
    const others = (data.øvrige_afsnit as { overskrift: string }[]).map((s) => strip(s.overskrift));
    expect(others).toEqual(expect.arrayContaining(['Hvis det går tilbage for dig', 'Når du er færdig']));
    expect(others).not.toContain('Hvad vil vi opnå?');
  });

  it('lifts the facts the text states, each with a comment naming its source', async () => {
    const { data, result } = await load();
    expect(data.vedtaget).toEqual({ dato: '2025-05-20', af: 'Social- og Sundhedsudvalget' });
    expect(data.senest_revideret).toBe('2025-05-20');
    expect(data.næste_revision).toBe('2027-05-01');
    expect(data.url).toBe('https://www.fjordby.dk/rusmidler/kvalitetsstandard');
    expect(data.brugerorganisationer).toEqual(['Fjordby Brugerråd for Rusmiddelområdet']);
    expect(data.behandlingsgaranti.frist_dage).toBe(14);
    expect(data.behandlingsplan.opfølgning_efter_måneder).toEqual([1, 6]);
    expect(data.handleplaner.mål).toMatch(/^Vi har som mål, at alle, der er i døgnbehandling/);
    expect(data.formål.værdier_og_normer).toMatch(/respekt, nysgerrighed og uden fordomme/);
    const offers = data.organisering.tilbud as { navn: string; type: string; anonym?: boolean; indhold?: string }[];
    const byName = (n: RegExp) => offers.find((o) => n.test(o.navn));
    expect(byName(/^Åben rådgivning/)?.type).toBe('rådgivning');
    expect(byName(/^Anonym behandling/)).toMatchObject({ type: 'ambulant', anonym: true });
    expect(byName(/^Døgnbehandling/)?.type).toBe('døgn');
    expect(byName(/^Medicinsk/)?.type).toBe('lægesamtale');
    expect(offers.some((o) => /naloxon/u.test(o.indhold ?? ''))).toBe(true);
    // The comments: the line (or, for a PDF, the page) and the sentence each fact was read from.
    const where = ext === 'pdf' ? /Løftet fra kildens side \d+/u : ext === 'docx' ? /Løftet fra kildens linje \d+/u : /Løftet fra kildens linje \d+/u;
    const lines = result.yaml.split('\n');
    for (const key of ['vedtaget:', 'næste_revision:', 'url:', 'frist_dage:', 'mål:', 'opfølgning_efter_måneder:']) {
      const at = lines.findIndex((l) => l.trim().startsWith(key));
      expect(lines[at - 1], key).toMatch(where);
    }
    expect(lines[lines.findIndex((l) => l.startsWith('url:')) - 1]).toContain('kan læses på https://www.fjordby.dk/rusmidler/kvalitetsstandard');
    expect(result.yaml).toMatch(/# Klagefrist: 4 uger/u);
  });

  it('audits with no skal gap, as the YAML original does', async () => {
    const { result } = await load();
    expect(skalGaps(audit(loadStandard(fixture('fjordby-du-standard.yaml')), lists, { auditDate: DATE }))).toEqual([]);
    expect(skalGaps(audit(parseStandard(`fjordby.${ext}`, result.yaml), lists, { auditDate: DATE }))).toEqual([]);
  });
});

describe('Helsingør’s extracted text', () => {
  const draft = async () => {
    const doc = await readDocument(fixture(join('import', 'helsingoer-001.txt')));
    return importDocument(doc, { source: 'helsingoer-001.txt', date: DATE, references });
  };

  it('places its named sections, lifts no date, URL or organisation it does not state, and finds the anonymous offer', async () => {
    const data = parse((await draft()).yaml);
    for (const key of ['målgruppe', 'formål', 'organisering', 'visitation', 'behandlingsgaranti', 'frit_valg', 'behandlingsplan', 'brugerinddragelse', 'kost_og_logi', 'klageadgang', 'personale', 'monitorering']) expect(data[key], key).toBeDefined();
    for (const key of ['vedtaget', 'senest_revideret', 'næste_revision', 'url', 'brugerorganisationer', 'handleplaner', 'gavekort']) expect(data[key], key).toBeUndefined();
    expect(data.behandlingsplan.opfølgning_efter_måneder).toEqual([1, 6]);
    expect(data.organisering.tilbud).toEqual(expect.arrayContaining([expect.objectContaining({ navn: 'Anonymt gruppebehandlingstilbud', type: 'ambulant', anonym: true })]));
  });

  it('has exactly the skal gaps of the hand-made YAML', async () => {
    const expected = skalGaps(audit(loadStandard(fixture('helsingoer-rusmiddelbehandling.yaml')), lists, { auditDate: DATE }));
    expect(expected).toEqual(['2.3.12', '2.8.1', '2.8.3', '2.8.4', '3.4.5', 'bek1477-4.1.1', 'bek1477-4.1.15', 'bek1477-4.1.3', 'bek1477-4.1.9']);
    expect(skalGaps(audit(parseStandard('helsingoer-001.txt', (await draft()).yaml), lists, { auditDate: DATE }))).toEqual(expected);
  });
});

describe('placement is precise', () => {
  it('leaves a section about two subjects, or about none, in øvrige_afsnit under its own heading', () => {
    const text = ['# Standard for Eksempelby Kommune', '', '## Praktisk', '', 'Klager sendes til Ankestyrelsen. Du betaler selv for kost og logi.', '', '## Åbningstider', '', 'Mandag til torsdag kl. 9–15.'].join('\n');
    const data = parse(importStandard(text, { source: 's.md', date: DATE }).yaml);
    expect(data.klageadgang).toBeUndefined();
    expect(data.kost_og_logi).toBeUndefined();
    expect(data.øvrige_afsnit.map((s: { overskrift: string }) => s.overskrift)).toEqual(['Praktisk', 'Åbningstider']);
  });
});

describe('facts in each of their wordings', () => {
  it('adoption: date and body', () => {
    expect(adoptionIn('Vedtaget af byrådet den 2. maj 2022.')).toEqual({ dato: '2022-05-02', af: 'Byrådet' });
    expect(adoptionIn('Godkendt af Socialudvalget 3.9.2021')).toEqual({ dato: '2021-09-03', af: 'Socialudvalget' });
    expect(adoptionIn('Vedtaget af byrådet 2.5.22')).toEqual({ dato: '2022-05-02', af: 'Byrådet' });
    expect(adoptionIn('Godkendt i kommunalbestyrelsen 02/05 2022')).toEqual({ dato: '2022-05-02', af: 'Kommunalbestyrelsen' });
    expect(adoptionIn('Vedtaget af byrådet den 31. februar 2022.')).toBeNull();
  });
  it('last and next revision; a month and year is the first of that month', () => {
    expect(revisedIn('Opdateret: 1. februar 2023')).toBe('2023-02-01');
    expect(nextRevisionIn('Standarden revideres senest i oktober 2026.')).toBe('2026-10-01');
    expect(nextRevisionIn('Næste revision: juni 2027')).toBe('2027-06-01');
    expect(revisedIn('Standarden revideres senest i oktober 2026.')).toBeNull();
  });
  it('the URL where the standard is published, and not any address', () => {
    expect(urlIn('Standarden kan læses på kommunens hjemmeside, www.eksempelby.dk/rusmidler.')).toBe('https://www.eksempelby.dk/rusmidler');
    expect(urlIn('Via vores hjemmesider www.helsingung.nu styrkes indsatsen.')).toBeNull();
  });
  it('organisations that took part', () => {
    expect(organisationIn('Brugerrådet på Rusmiddelcentret har været med til at revidere standarden.')).toBe('Brugerrådet på Rusmiddelcentret');
    expect(organisationIn('Vi har været med til at revidere standarden.')).toBeNull();
  });
  it('follow-up after 1 and 6 months in its common wordings', () => {
    expect(followUpIn('Vi følger op efter en og seks måneder.')).toEqual([1, 6]);
    expect(followUpIn('Din behandler kontakter dig en måned og igen et halvt år efter, at du er færdig.')).toEqual([1, 6]);
    expect(followUpIn('Der følges op på behandlingsplanen en måned efter, at et behandlingsforløb er afsluttet, og igen seks måneder efter.')).toEqual([1, 6]);
    expect(followUpIn('Socialfaglig behandling: 6-9 måneder')).toBeNull();
  });
  it('the 14-day guarantee and the complaint deadline', () => {
    expect(guaranteeDaysIn('Du kan komme i behandling senest 14 dage efter, at du har bedt om det.')).toBe(14);
    expect(guaranteeDaysIn('Behandlingen iværksættes senest 14 dage efter henvendelsen.')).toBe(14);
    expect(complaintDeadlineIn('Er du uenig, kan du klage inden fire uger.')).toBe('4 uger');
    expect(complaintDeadlineIn('Klagefristen er 4 uger fra afgørelsen.')).toBe('4 uger');
  });
  it('offers with their type; "Ambulant behandling: …" is ambulant, not andet', () => {
    expect(offerType('Ambulant behandling').type).toBe('ambulant');
    expect(offerType('Dagbehandling').type).toBe('dagbehandling');
    expect(offerType('Døgnbehandling').type).toBe('døgn');
    expect(offerType('Anonym rådgivning')).toEqual({ type: 'rådgivning', anonym: true });
    expect(offerType('Anonym behandling')).toEqual({ type: 'ambulant', anonym: true });
    expect(offerType('Medicinsk behandling', 'Du har ret til en gratis samtale med lægen.').type).toBe('lægesamtale');
    const md = ['# Standard for Eksempelby Kommune', '', '## Tilbud', '', 'Ambulant behandling: Samtaler hver uge.', '', '- Ungebehandling: For unge under 18 år.'].join('\n');
    const data = parse(importStandard(md, { source: 's.md', date: DATE }).yaml);
    expect(data.organisering.tilbud).toEqual([
      { navn: 'Ambulant behandling', type: 'ambulant', indhold: 'Samtaler hver uge.' },
      { navn: 'Ungebehandling', type: 'ambulant', alder: { til: 17 }, indhold: 'For unge under 18 år.' },
    ]);
  });
});

describe('audit of a published file', () => {
  it('imports the PDF in memory, says so, and points findings at its pages', () => {
    const run = cli(['audit', fixture(join('import', 'fjordby.pdf')), '--dato', DATE, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.imported).toMatchObject({ format: 'pdf', note: expect.stringContaining('som ingen har gennemgået') });
    expect(report.findings.filter((f: { location: { page?: number } | null }) => f.location?.page).length).toBeGreaterThan(10);
  });
  it.each(['terminal', 'markdown', 'html', 'sarif', 'junit', 'github'])('carries the note in %s', (format) => {
    const run = cli(['audit', fixture(join('import', 'fjordby.md')), '--dato', DATE, '--format', format]);
    expect(run.stdout).toContain('automatisk import af');
  });
});
