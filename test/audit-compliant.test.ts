// The complete example passes every skal; taking out one section at a time gives exactly the
// findings that section carries, at the line where the section stood.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import type { Report } from '../src/audit.js';
import { loadBundledChecklists } from '../src/checklist.js';
import { parseStandard } from '../src/standard.js';
import { cli, fixture, tempDir, withoutSection } from './helpers.js';

const FILE = fixture('eksempel-komplet.yaml');
const TEXT = readFileSync(FILE, 'utf8');
const DATE = '2026-11-22';
const lists = loadBundledChecklists();

const run = (text: string): Report => audit(parseStandard(FILE, text), lists, { auditDate: DATE });
const notMet = (r: Report) =>
  r.findings
    .filter((f) => ['missing', 'partly_met'].includes(f.status))
    .map((f) => ({ id: f.requirement.id, status: f.status, line: f.location?.line }))
    .sort((a, b) => a.id.localeCompare(b.id));

const without = (key: string) => withoutSection(TEXT, key);

describe('the complete example', () => {
  it('has no gap at all', () => {
    const report = run(TEXT);
    expect(report.summary.gaps).toEqual({ skal: 0, bør: 0 });
    expect(notMet(report)).toEqual([]);
    expect(report.findings.find((f) => f.requirement.id === '2.1.1')?.status).toBe('declared');
  });

  it('exits 0 from the command line', () => {
    expect(cli(['audit', FILE, '--dato', DATE]).code).toBe(0);
  });

  const M = 'missing';
  const P = 'partly_met';
  const expected: Record<string, [string, string][]> = {
    url: [['2.8.1', P]],
    senest_revideret: [['2.8.1', P]],
    brugerorganisationer: [['2.8.4', M]],
    opgaver: [['bek1477-4.1.1', P]],
    målgruppe: [['bek1477-4.1.2', M]],
    formål: [['2.8.3', P], ['bek1477-4.1.3', M]],
    organisering: [['2.3.12', M], ['2.3.2', M], ['2.8.2', P], ['2.8.3', P], ['3.3.1', M], ['3.4.5', M], ['bek1477-4.1.4', M], ['sel-101a', M]],
    visitation: [['bek1477-4.1.5', M]],
    behandlingsgaranti: [['2.8.2', P], ['3.4.1', M], ['bek1477-4.1.6', M]],
    frit_valg: [['2.8.2', P], ['bek1477-4.1.7', M]],
    behandlingsplan: [['3.12.1', M], ['bek1477-4.1.8', M], ['bek1477-4.2', M]],
    handleplaner: [['bek1477-4.1.9', M]],
    brugerinddragelse: [['2.8.3', P], ['bek1477-4.1.10', M]],
    kost_og_logi: [['bek1477-4.1.11', M]],
    klageadgang: [['2.8.2', P], ['bek1477-4.1.12', M]],
    personale: [['2.8.3', P], ['bek1477-4.1.13', M]],
    monitorering: [['2.7.6', M], ['bek1477-4.1.14', M]],
    gavekort: [['bek1477-4.1.15', M]],
  };

  it.each(Object.entries(expected))('without "%s"', (key, findings) => {
    const { text, line } = without(key);
    const report = run(text);
    const got = notMet(report);
    expect(got.map(({ id, status }) => [id, status])).toEqual([...findings].sort((a, b) => a[0].localeCompare(b[0])));
    for (const f of got) expect(f.line, f.id).toBe(line);
  });

  it('counts a gap shared by a § 4 item and its anvisning once', () => {
    const report = run(without('behandlingsgaranti').text);
    expect(report.summary.gaps.skal).toBe(1);
    const national = report.findings.find((f) => f.requirement.id === '3.4.1');
    expect(national?.duplicateOf).toBe('bek1477-4.1.6');
  });

  it('fails the pipeline on a lost skal, and not with --fail-on aldrig', () => {
    const { text } = without('behandlingsgaranti');
    const tmp = join(tempDir(), 'uden-garanti.yaml');
    writeFileSync(tmp, text);
    expect(cli(['audit', tmp, '--dato', DATE]).code).toBe(1);
    expect(cli(['audit', tmp, '--dato', DATE, '--fail-on', 'aldrig']).code).toBe(0);
  });
});
