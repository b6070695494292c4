// The leaders' HTML report in a real browser: Debian's Chromium, driven by playwright-core, opens the
// file; headings, charts and findings are visible, nothing is fetched, nothing logs an error, and
// the page prints to a PDF of a sane length. Text from a standard stays text.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, fixture, tempDir } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DATE = '2026-11-22';
let browser: Browser;

beforeAll(async () => {
  // .ci/run installs Debian's chromium; without it this suite fails rather than skips.
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (see .ci/run)`).toBe(true);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function open(file: string) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests: requests.filter((r) => r !== url) };
}

describe('the HTML report in Chromium', () => {
  it('shows the Helsingør report with its chart and findings, fetches nothing and prints to PDF', async () => {
    const dir = tempDir();
    const file = join(dir, 'helsingoer.html');
    expect(cli(['audit', fixture('helsingoer-rusmiddelbehandling.yaml'), '--dato', DATE, '-f', 'html', '-o', file]).code).toBe(1);
    const { page, errors, requests } = await open(file);
    await expect(page.locator('h1').first().isVisible()).resolves.toBe(true);
    expect(await page.locator('h1').first().textContent()).toBe('Kvalitetstjek af Rusmiddelbehandling');
    expect(await page.locator('#diagram-retningslinjer svg').isVisible()).toBe(true);
    expect(await page.locator('#diagram-retningslinjer rect').count()).toBeGreaterThan(20);
    const headings = await page.locator('h2').allTextContents();
    expect(headings).toEqual(expect.arrayContaining(['Status', 'Konklusion', 'Det skal rettes', 'Bilag: teknisk gennemgang']));
    expect(await page.getByText('bek1477-4.1.9', { exact: false }).first().isVisible()).toBe(true);
    expect(await page.locator('blockquote').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(25);
    await page.close();
  }, 60_000);

  it('renders <script> and Markdown control characters from a standard as text', async () => {
    const dir = tempDir();
    const std = join(dir, 'fjendtlig.yaml');
    const hostile = '<script>alert("x")</script> **fed** [link](https://example.invalid) | # ';
    writeFileSync(std, readFileSync(fixture('eksempel-komplet.yaml'), 'utf8').replace('kommune: Eksempel Kommune', `kommune: '${hostile}'`).replace(/^gavekort:\n.*\n.*\n/m, ''));
    const file = join(dir, 'fjendtlig.html');
    cli(['audit', std, '--dato', DATE, '-f', 'html', '-o', file]);
    const { page, errors, requests } = await open(file);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('a').count()).toBe(0);
    expect(await page.locator('td', { hasText: hostile.trim() }).count()).toBe(1);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('the review report across revisions', () => {
  it('shows each revision per retningslinje and what changed between them', async () => {
    const dir = tempDir();
    const old = join(dir, 'standard-2024.yaml');
    const complete = readFileSync(fixture('eksempel-komplet.yaml'), 'utf8');
    writeFileSync(old, complete.replace('version: "2026-1"', 'version: "2024-1"').replace(/^gavekort:\n.*\n.*\n/m, '').replace(/^ {2}mål: \|-\n.*\n/m, ''));
    const md = cli(['rapport', old, fixture('eksempel-komplet.yaml'), '-f', 'markdown', '--dato', DATE]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/\| Retningslinje \/ paragraf \| 2024-1 \| 2026-1 \|/);
    expect(md.stdout).toMatch(/\| § 4, stk\. 1 Hvad kvalitetsstandarden som minimum skal beskrive \| 13 \/ 2 \/ 0 \| 15 \/ 0 \/ 0 \|/);
    expect(md.stdout).toContain('## Ændringer fra 2024-1 til 2026-1');
    expect(md.stdout).toMatch(/- bek1477-4\.1\.15 \(skal\): mangler → opfyldt/);
    expect(md.stdout).toMatch(/- bek1477-4\.1\.9 \(skal\): delvis opfyldt → opfyldt/);

    const file = join(dir, 'rapport.html');
    expect(cli(['rapport', old, fixture('eksempel-komplet.yaml'), '-o', file, '--dato', DATE]).code).toBe(0);
    const { page, errors, requests } = await open(file);
    expect(await page.locator('#diagram-udvikling svg').isVisible()).toBe(true);
    expect(await page.locator('#diagram-retningslinjer svg').isVisible()).toBe(true);
    // The complete standard has dates: its timeline is drawn on a time scale.
    expect(await page.locator('#tidslinje circle').count()).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('the review report from git history', () => {
  it('takes the revisions from the file’s commits, oldest first', () => {
    const dir = tempDir();
    const file = join(dir, 'standard.yaml');
    const git = (...args: string[]) => spawnSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' }).status;
    const complete = readFileSync(fixture('eksempel-komplet.yaml'), 'utf8');
    expect(git('init', '-q')).toBe(0);
    writeFileSync(file, complete.replace(/^gavekort:\n.*\n.*\n/m, ''));
    expect(git('add', '.')).toBe(0);
    expect(git('commit', '-qm', 'første udgave')).toBe(0);
    writeFileSync(file, complete);
    expect(git('commit', '-qam', 'gavekort')).toBe(0);
    const run = cli(['rapport', file, '--historik', '-f', 'json', '--dato', DATE]);
    expect(run.code).toBe(0);
    const trend = JSON.parse(run.stdout) as { labels: string[]; changes: { changes: { id: string; kind: string }[] }[] };
    expect(trend.labels).toHaveLength(2);
    expect(trend.labels.every((l) => /^\d{4}-\d{2}-\d{2} \([0-9a-f]+\)$/.test(l))).toBe(true);
    expect(trend.changes[0]?.changes).toEqual([expect.objectContaining({ id: 'bek1477-4.1.15', kind: 'improvement' })]);
  });
});
