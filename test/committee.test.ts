// The committee's report as a politician gets it: the HTML in Chromium and the PDF that `-f pdf`
// prints with Chromium, read back with pdftotext. A4 pages with numbers, no near-empty page but the
// last, the conclusion on page 1, the same counts in the text, the tables and the charts, no catalog
// id or JSON pointer before the appendix, and every skal gap's sentence in the PDF.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, fixture, root, tempDir } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DATE = '2026-11-22';
const GAVEKORT = 'Standarden beskriver ikke kommunens regler for gavekort (bekendtgørelsens § 4, stk. 1, nr. 15).';
let browser: Browser;
const dir = tempDir();

/** The bundled checklists as local ones, the bek-1477 requirements with a plain-language subject each. */
function checklistsWithSubjects(): string[] {
  const bek = parse(readFileSync(join(root, 'checklists', 'bek-1477-kvalitetsstandard.yaml'), 'utf8')) as { requirements: { id: string; text: string; subject?: string }[] };
  for (const r of bek.requirements) {
    r.subject = r.id === 'bek1477-4.1.15' ? 'kommunens regler for gavekort' : r.text.replace(/^Kvalitetsstandarden skal (som minimum )?beskrive /u, '').replace(/[.]$/u, '').split(/[,:;]/u)[0];
  }
  const file = join(dir, 'bek-med-emner.yaml');
  writeFileSync(file, stringify(bek));
  return [file, join(root, 'checklists', 'nationale-retningslinjer-2020.yaml'), join(root, 'checklists', 'lovkrav-serviceniveau.yaml')].flatMap((f) => ['--checklist', f]);
}
const LISTS = checklistsWithSubjects();

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (scripts/ensure-chromium.sh)`).toBe(true);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function open(file: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return page;
}

const flat = (s: string) => s.replace(/\s+/gu, ' ').trim();

interface PdfPage {
  width: number;
  height: number;
  /** Words inside the page's margins (the running header and page number left out). */
  words: { text: string; yMin: number; yMax: number }[];
  all: string;
}

/** Each page's size and words, from pdftotext's bounding boxes. */
function pdfPages(file: string): PdfPage[] {
  const run = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const margin = (18 / 25.4) * 72; // @page margin, 18 mm
  return [...run.stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => {
    const height = Number(m[2]);
    const words = [...(m[3] as string).matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({ text: w[3] as string, yMin: Number(w[1]), yMax: Number(w[2]) }));
    return { width: Number(m[1]), height, words: words.filter((w) => w.yMin > margin && w.yMax < height - margin), all: words.map((w) => w.text).join(' ') };
  });
}

const pdfText = (file: string, ...args: string[]) => flat(spawnSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' }).stdout);

/** The checks every committee PDF passes: A4, numbered, no page under a third full but the last. */
function checkPages(file: string, kommune: string): PdfPage[] {
  const pages = pdfPages(file);
  expect(pages.length).toBeGreaterThan(1);
  pages.forEach((p, i) => {
    expect(Math.abs(p.width - 595.3), `page ${i + 1} width`).toBeLessThan(2);
    expect(Math.abs(p.height - 841.9), `page ${i + 1} height`).toBeLessThan(2);
    expect(p.all, `page ${i + 1} number`).toContain(`Side ${i + 1} af ${pages.length}`);
    expect(p.all, `page ${i + 1} header`).toContain(kommune.split(' ')[0]);
    if (i < pages.length - 1) {
      const margin = (18 / 25.4) * 72;
      const used = (Math.max(...p.words.map((w) => w.yMax)) - margin) / (p.height - 2 * margin);
      expect(used, `page ${i + 1} of ${pages.length} is ${Math.round(used * 100)} % used`).toBeGreaterThan(1 / 3);
    }
  });
  return pages;
}

/** Catalog ids (requirement ids that are not also a retningslinje number) found in a text. */
let catalog: { id: string; retningslinje: { id: string } }[] | undefined;
function catalogIds(text: string): string[] {
  const entries = (catalog ??= JSON.parse(cli(['checklist', 'list', '-f', 'json', ...LISTS]).stdout) as { id: string; retningslinje: { id: string } }[]);
  const groups = new Set(entries.map((e) => e.retningslinje.id));
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return entries.filter((e) => !groups.has(e.id) && new RegExp(`(?<![\\w.])${escape(e.id)}(?![\\w.])`).test(text)).map((e) => e.id);
}

describe('the committee report of one standard', () => {
  const html = join(dir, 'helsingoer.html');
  const pdf = join(dir, 'helsingoer.pdf');

  it('writes the HTML and the PDF in one run', () => {
    const run = cli(['audit', fixture('helsingoer-rusmiddelbehandling.yaml'), '--dato', DATE, ...LISTS, '-f', 'html', '-o', html, '-f', 'pdf', '-o', pdf, '--chromium', CHROMIUM]);
    expect(run.stderr).toContain(pdf);
    expect(run.code).toBe(1);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('reads in the committee’s order, with the same counts in the conclusion, the lists, the table and the chart', async () => {
    const page = await open(html);
    const headings = await page.locator('.committee h2').allTextContents();
    expect(headings).toEqual(['Status', 'Konklusion', 'Det skal rettes', 'Dækning pr. retningslinje', 'Lovhenvisninger, der skal opdateres']);
    const conclusion = flat((await page.locator('#konklusion').textContent()) ?? '');
    const skal = Number(/mangler (\d+) punkter?, som loven/.exec(conclusion)?.[1]);
    const json = JSON.parse(cli(['audit', fixture('helsingoer-rusmiddelbehandling.yaml'), '--dato', DATE, ...LISTS, '-f', 'json']).stdout) as { summary: { gaps: { skal: number } } };
    expect(skal).toBe(json.summary.gaps.skal);
    expect(await page.locator('#skal li').count()).toBe(skal);
    const chart = async (series: string) =>
      (await page.locator(`#diagram-retningslinjer rect[data-series="${series}"]`).evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-count'))))).reduce((a, b) => a + b, 0);
    expect(await chart('skal')).toBe(skal);
    // Every series of the chart sums to its column's total in the table, and none is empty.
    const totals = await page.locator('#daekning tr.total td[data-series]').evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-series') as string, Number(td.textContent)] as const));
    expect(totals.length).toBeGreaterThan(2);
    for (const [series, total] of totals) {
      expect(total, series).toBeGreaterThan(0);
      expect(await chart(series), series).toBe(total);
    }
    // The practice sentence counts what the table counts.
    const declared = totals.find(([s]) => s === 'mentioned')?.[1];
    expect(conclusion).toContain(`omtaler ${declared} af de øvrige`);
    // The retningslinjer are named, not only numbered.
    const labels = await page.locator('#diagram-retningslinjer g.bar > text:first-child').allTextContents();
    expect(labels).toContain('2.3 Differentierede ydelser til alle målgrupper');
    expect(labels.every((l) => /^\S+.* \p{L}/u.test(l))).toBe(true);
    // No catalog id, JSON pointer or line number before the appendix; they are in it.
    const body = flat((await page.locator('.committee').innerText()) ?? '');
    expect(catalogIds(body)).toEqual([]);
    expect(body).not.toMatch(/(?:^|[\s(`"])\/[\p{L}_]/u);
    expect(body).not.toMatch(/(?<!retnings)linje \d+|kolonne \d+|\bfeltet\b/);
    const appendix = flat((await page.locator('#bilag').innerText()) ?? '');
    expect(catalogIds(appendix)).toContain('bek1477-4.1.15');
    expect(appendix).toContain('/gavekort');
    // The sentence is the subject and the source.
    expect(await page.locator('#skal li').allTextContents()).toContain(GAVEKORT);
    await page.close();
  }, 60_000);

  it('prints on numbered A4 pages, none under a third full but the last, with the conclusion on page 1 and every skal gap in the PDF', async () => {
    checkPages(pdf, 'Helsingør Kommune');
    const page = await open(html);
    const conclusion = (await page.locator('#konklusion p').allTextContents()).map(flat);
    const gaps = (await page.locator('#skal li').allTextContents()).map(flat);
    await page.close();
    const first = pdfText(pdf, '-f', '1', '-l', '1');
    for (const sentence of conclusion) expect(first).toContain(sentence);
    const all = pdfText(pdf);
    expect(gaps.length).toBeGreaterThan(0);
    for (const sentence of gaps) expect(all).toContain(sentence);
    expect(all).toContain(GAVEKORT);
  }, 60_000);
});

describe('the committee report across two revisions', () => {
  it('charts the development, says what changed in plain words, and prints', async () => {
    const old = join(dir, 'standard-2024.yaml');
    writeFileSync(old, readFileSync(fixture('eksempel-komplet.yaml'), 'utf8').replace('version: "2026-1"', 'version: "2024-1"').replace(/^gavekort:\n.*\n.*\n/m, ''));
    const html = join(dir, 'rapport.html');
    const pdf = join(dir, 'rapport.pdf');
    const args = ['rapport', old, fixture('eksempel-komplet.yaml'), '--dato', DATE, ...LISTS];
    expect(cli([...args, '-o', html]).code).toBe(0);
    expect(cli([...args, '-f', 'pdf', '-o', pdf, '--chromium', CHROMIUM]).code).toBe(0);
    const trend = JSON.parse(cli([...args, '-f', 'json']).stdout) as { labels: string[]; totals: { met: number; skal: number; bør: number }[] };
    expect(trend.totals).toHaveLength(2);
    const page = await open(html);
    const bars = await page.locator('#diagram-udvikling rect[data-series]').evaluateAll((rs) => rs.map((r) => [r.getAttribute('data-series'), Number(r.getAttribute('data-count'))]));
    const series = (['met', 'skal', 'bør'] as const).filter((k) => trend.totals.some((t) => t[k] > 0));
    expect(bars).toEqual(trend.totals.flatMap((t) => series.map((k) => [k, t[k]])));
    const changes = await page.locator('#udvikling li').allTextContents();
    expect(changes).toContain('Nu beskrevet: kommunens regler for gavekort (bekendtgørelsens § 4, stk. 1, nr. 15).');
    expect(catalogIds(flat(await page.locator('.committee').innerText()))).toEqual([]);
    await page.close();
    checkPages(pdf, 'Eksempel Kommune');
    expect(pdfText(pdf)).toContain('Nu beskrevet: kommunens regler for gavekort (bekendtgørelsens § 4, stk. 1, nr. 15).');
  }, 60_000);
});

describe('-f pdf without a working Chromium', () => {
  it('says so in Danish, exits 2 and writes none of the outputs', () => {
    const html = join(dir, 'ingen.html');
    const pdf = join(dir, 'ingen.pdf');
    const missing = cli(['audit', fixture('eksempel-komplet.yaml'), '-f', 'html', '-o', html, '-f', 'pdf', '-o', pdf], { NO_COLOR: '1', CHROMIUM_PATH: join(dir, 'findes-ikke') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Chromium findes ikke eller kan ikke køres her; angiv stien til programmet med --chromium eller CHROMIUM_PATH/);
    // A Chromium that runs but prints nothing: nothing is written either.
    const broken = cli(['audit', fixture('eksempel-komplet.yaml'), '-f', 'html', '-o', html, '-f', 'pdf', '-o', pdf, '--chromium', '/bin/false']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/Chromium kunne ikke skrive PDF-filen/);
    expect(existsSync(html) || existsSync(pdf)).toBe(false);
    const none = cli(['rapport', fixture('eksempel-komplet.yaml'), fixture('eksempel-komplet.yaml'), '-f', 'pdf', '-o', pdf], { NO_COLOR: '1', PATH: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/PDF kræver Chromium eller Google Chrome, og ingen blev fundet/);
  });
});
