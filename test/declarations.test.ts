// Comply or explain: what a standard declares about requirements a document cannot show.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { loadBundledChecklists } from '../src/checklist.js';
import { parseStandard } from '../src/standard.js';
import { fixture } from './helpers.js';

const FILE = fixture('eksempel-komplet.yaml');
const BASE = readFileSync(FILE, 'utf8').replace(/^erklæringer:\n[\s\S]*$/m, '');
const lists = loadBundledChecklists();

function withDeclarations(lines: string[], text = BASE) {
  const yaml = lines.length ? `${text}erklæringer:\n${lines.join('\n')}\n` : text;
  const report = audit(parseStandard(FILE, yaml), lists, { auditDate: '2026-11-22' });
  return (id: string) => report.findings.find((f) => f.requirement.id === id);
}

describe('declarations', () => {
  it('a practice requirement declared met is "declared", not verified and not a gap', () => {
    const f = withDeclarations(['  - krav: "3.1.1"', '    status: opfyldt', '    begrundelse: Behandlingsplanen lægges sammen med borgeren.', '    henvisning: /behandlingsplan'])('3.1.1');
    expect(f).toMatchObject({ status: 'declared', gap: false });
    expect(f?.location?.pointer).toBe('/erklæringer/0');
  });

  it('an explained deviation from a bør is accepted', () => {
    const f = withDeclarations(['  - krav: "2.1.5"', '    status: afvigelse', '    begrundelse: Metoderne tilpasses lokalt; fideliteten måles ikke.'])('2.1.5');
    expect(f).toMatchObject({ status: 'deviation_explained', gap: false });
  });

  it('a declared deviation from a skal stays a gap', () => {
    const f = withDeclarations(['  - krav: "3.1.2"', '    status: afvigelse', '    begrundelse: Vi informerer kun mundtligt.'])('3.1.2');
    expect(f).toMatchObject({ status: 'missing', gap: true, level: 'skal' });
    expect(f?.reasons.map((r) => r.id)).toContain('why.deviationFromSkal');
  });

  it('a declaration cannot make a machine-checked skal met', () => {
    const text = BASE.replace(/^gavekort:\n.*\n.*\n/m, '');
    const f = withDeclarations(['  - krav: bek1477-4.1.15', '    status: opfyldt', '    begrundelse: Vi bruger ikke gavekort.'], text)('bek1477-4.1.15');
    expect(f).toMatchObject({ status: 'missing', gap: true });
  });

  it('an expired declaration no longer counts', () => {
    const f = withDeclarations(['  - krav: "2.1.5"', '    status: afvigelse', '    begrundelse: Midlertidigt.', '    udløber: 2026-06-30'])('2.1.5');
    expect(f?.status).toBe('not_declared');
    expect(f?.reasons.map((r) => r.id)).toContain('why.declarationExpired');
  });

  it('without declarations, practice requirements are "not declared" and never gaps', () => {
    const get = withDeclarations([]);
    expect(get('3.1.1')).toMatchObject({ status: 'not_declared', gap: false });
    expect(get('3.1.2')).toMatchObject({ status: 'not_declared', gap: false });
  });
});
