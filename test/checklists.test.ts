// The catalog against the guideline itself: every anvisning printed in seeds/003 is in the catalog,
// in its retningslinje, with its text as printed and levels that can be traced to that text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bundledChecklistPaths, catalog, loadChecklist, loadChecklists } from '../src/checklist.js';
import type { CatalogEntry } from '../src/checklist.js';
import { root } from './helpers.js';

const GUIDELINE = join(root, '..', 'shared', 'seeds', '003_075901401bdc010a.txt');
const NATIONAL = join(root, 'checklists', 'nationale-retningslinjer-2020.yaml');
const RETNINGSLINJER = [...Array.from({ length: 8 }, (_, i) => `2.${i + 1}`), ...Array.from({ length: 12 }, (_, i) => `3.${i + 1}`)];

/**
 * Whitespace-normalised, with the PDF's bullets reduced to spaces and footnote markers glued to a
 * word ("tilbageholdelse5.") removed, on both sides of the comparison.
 */
const norm = (s: string) =>
  s
    .replace(/[¶•ü]/g, ' ')
    .replace(/(\p{Ll})\d{1,2}(?=[\s.,;:)]|$)/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The anvisninger as the seed prints them: the k-th "Anvisninger for/om …" section (up to its
 * "Lovgivning" heading) belongs to the k-th retningslinje; each anvisning starts a line with its
 * number (2.3.1, 2.3.1., 3.1.2. b).
 */
function seedAnvisninger(): Map<string, string[]> {
  const lines = readFileSync(GUIDELINE, 'utf8').split('\n');
  const sections: string[][] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (/^\s*Anvisninger (for|om) /.test(line)) {
      current = [];
      sections.push(current);
    } else if (current && /^\s*Lovgivning\s*$/.test(line)) {
      current = undefined;
    } else if (current) {
      const m = /^\s*(\d\.\d{1,2}\.\d{1,2})\.?( [a-z](?= ))?/.exec(line);
      if (m) current.push(`${m[1]}${m[2] ? `.${m[2]}` : ''}`);
    }
  }
  expect(sections).toHaveLength(RETNINGSLINJER.length);
  return new Map(RETNINGSLINJER.map((id, k) => [id, sections[k] as string[]]));
}

describe('the bundled checklists', () => {
  it('validate against schemas/checklist.schema.json', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas', 'checklist.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    for (const file of bundledChecklistPaths()) {
      const ok = validate(parse(readFileSync(file, 'utf8')));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('and the legal reference data validate against their schemas', () => {
    const refs = JSON.parse(readFileSync(join(root, 'schemas', 'lovhenvisninger.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(refs);
    validate(parse(readFileSync(join(root, 'checklists', 'lovhenvisninger.yaml'), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
  });

  it('load, with ids unique across the catalog and every related id resolving', () => {
    const entries = catalog(loadChecklists(bundledChecklistPaths()));
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entries) for (const r of e.related) expect(ids, `${e.id} → ${r}`).toContain(r);
  });

  it('give every § 4 item of bek. 1477 (stk. 1 nr. 1–15 and stk. 2) as a skal', () => {
    const bek = catalog([loadChecklist(join(root, 'checklists', 'bek-1477-kvalitetsstandard.yaml'))]);
    expect(bek.map((e) => e.printedId)).toEqual([...Array.from({ length: 15 }, (_, i) => `§ 4, stk. 1, nr. ${i + 1}`), '§ 4, stk. 2']);
    for (const e of bek) expect(e.levels).toEqual(['skal']);
    // Only the items the guideline itself quotes are shown as quotations, and they are exact.
    const seedText = norm(readFileSync(GUIDELINE, 'utf8'));
    expect(bek.filter((e) => e.verbatim).map((e) => e.id)).toEqual(['bek1477-4.1.8', 'bek1477-4.1.13', 'bek1477-4.2']);
    for (const e of bek.filter((x) => x.verbatim)) {
      const [lead, item] = norm(e.text).split(/(?<=følgende:) /);
      for (const piece of [lead, item].filter((x): x is string => Boolean(x))) expect(seedText.includes(piece), `${e.id}: ${piece}`).toBe(true);
    }
  });
});

describe('the legal duties outside the guideline', () => {
  it('quote the ministry page (seeds/002) exactly', () => {
    const page = norm(readFileSync(join(root, '..', 'shared', 'seeds', '002_ee3c770a843cabc8.txt'), 'utf8'));
    const duties = catalog([loadChecklist(join(root, 'checklists', 'lovkrav-serviceniveau.yaml'))]);
    expect(duties.map((d) => d.id)).toEqual(['sel-101a']);
    for (const d of duties) expect(page.includes(norm(d.text)), d.text).toBe(true);
  });
});

describe('the national catalog against seeds/003', () => {
  const entries: CatalogEntry[] = catalog([loadChecklist(NATIONAL)]);
  const seedText = norm(readFileSync(GUIDELINE, 'utf8'));

  it('has, for each retningslinje, exactly the anvisninger the guideline prints, in order', () => {
    const printed = seedAnvisninger();
    for (const id of RETNINGSLINJER) {
      const inCatalog = entries.filter((e) => e.retningslinje.id === id).map((e) => (e.printedId ?? e.id).replace(/\. /, '.'));
      const inSeed = (printed.get(id) ?? []).map((n) => n.replace(/\. /, '.'));
      expect(inSeed.length, `retningslinje ${id} in the seed`).toBeGreaterThan(0);
      expect(inCatalog, `retningslinje ${id}`).toEqual(inSeed);
    }
  });

  it('has 20 retningslinjer with their printed titles', () => {
    const groups = [...new Map(entries.map((e) => [e.retningslinje.id, e.retningslinje.title])).entries()];
    expect(groups.map(([id]) => id)).toEqual(RETNINGSLINJER);
    for (const [, title] of groups) expect(seedText).toContain(norm(title));
  });

  it('quotes every text, point and part as the guideline prints it', () => {
    for (const e of entries) {
      // Sentence by sentence: a paragraph printed after the sub-points continues the text.
      for (const sentence of norm(e.text).split(/(?<=[.:;])\s+(?=\p{Lu})/u)) {
        expect(seedText.includes(sentence), `${e.id}: ${sentence}`).toBe(true);
      }
      for (const p of e.points) expect(seedText.includes(norm(p)), `${e.id} point: ${p}`).toBe(true);
      for (const part of e.parts) expect(norm([e.text, ...e.points].join(' ')), `${e.id} part`).toContain(norm(part.text));
    }
  });

  it('gives each anvisning levels that can be traced to its text', () => {
    const word = (level: string) => new RegExp(`(^|[^\\p{L}])${level}($|[^\\p{L}])`, 'iu');
    for (const e of entries) {
      const all = [e.text, ...e.points].join(' ');
      for (const level of e.levels) {
        const carried = word(level).test(all) || e.parts.some((p) => p.level === level && word(level).test(p.text));
        expect(carried || e.levelNote !== null, `${e.id}: level ${level} is neither in the text nor explained`).toBe(true);
      }
      if (e.parts.length > 0) expect([...new Set(e.parts.map((p) => p.level))].sort(), e.id).toEqual([...e.levels].sort());
      if (e.levels.length > 1) expect(e.parts.length, `${e.id}: mixed levels need parts`).toBeGreaterThan(1);
    }
  });

  it('keeps the printed number where it is wrong or duplicated', () => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    for (let i = 1; i <= 4; i++) expect(byId.get(`2.8.${i}`)?.printedId).toBe(`2.7.${i}`);
    expect(byId.get('3.1.2b')?.printedId).toBe('3.1.2. b');
  });
});
