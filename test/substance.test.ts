// No credit for empty words: placeholders, the template's own sentences and two-word texts are
// "ikke udfyldt" and never make a requirement met; faulty declarations are input errors.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { loadBundledChecklists } from '../src/checklist.js';
import { skeleton } from '../src/skeleton.js';
import { parseStandard } from '../src/standard.js';
import { emptiness, MIN_WORDS, substantiveView } from '../src/substance.js';
import { cli, fixture, hasStackTrace, tempDir } from './helpers.js';

const lists = loadBundledChecklists();
const auditText = (text: string) => audit(parseStandard('std.yaml', text), lists, { auditDate: '2026-11-23' });

/** The init skeleton with every section uncommented, as a hurried author would leave it. */
function uncommentedSkeleton(): string {
  return skeleton()
    .split('\n')
    .filter((l) => !/^#\s?(erklæringer:|\s{3}- krav|\s{5}(status|begrundelse|henvisning):)/.test(l))
    .map((l) => l.replace(/^# (?=[a-zæøå_]+:)/, '').replace(/^# {3}/, '  ').replace(/^# {5}/, '    '))
    .map((l) => l.replace(/^(senest_revideret|næste_revision): …$/, '$1: 2026-01-01').replace(/^(undertitel|version): …$/, '$1: x'))
    .join('\n');
}

describe('what counts as written', () => {
  it.each([
    ['…', 'placeholder'],
    ['...', 'placeholder'],
    ['TODO: skriv målgruppen', 'placeholder'],
    ['xxx', 'placeholder'],
    ['[indsæt målgruppe]', 'placeholder'],
    ['Tekst følger', 'placeholder'],
    ['x', 'thin'],
    ['Se ovenfor.', 'thin'],
    ['Det overordnede mål for indsatsen.', 'template'],
  ] as const)('%j is %s', (text, kind) => {
    expect(emptiness(text)).toBe(kind);
  });

  it.each(['Behandlingen er gratis.', 'Kommunen anvender ikke gavekort.', 'Individuelle samtaler og gruppeforløb.', 'Udtrykket todolist er ikke en markør? Jo: todo står alene ikke her.'.replace('todo står', 'det står')])(
    '%j says something',
    (text) => {
      expect(emptiness(text)).toBeNull();
    },
  );

  it(`holds prose to ${MIN_WORDS} words, but not names or offer types`, () => {
    const view = substantiveView({ kommune: 'Lilleby Kommune', organisering: { tekst: 'Rusmiddelcentret hører under Socialforvaltningen.', tilbud: [{ navn: 'Døgn', type: 'døgn' }] } });
    expect(view.empty).toEqual([]);
    expect(view.data.organisering.tilbud[0]).toEqual({ navn: 'Døgn', type: 'døgn' });
  });

  it('drops a section whose every text is empty, with the figures beside it', () => {
    const view = substantiveView({ kommune: 'K', behandlingsgaranti: { tekst: '…', frist_dage: 14 } });
    expect(view.data).toEqual({ kommune: 'K' });
    expect(view.empty).toEqual([{ pointer: '/behandlingsgaranti/tekst', kind: 'placeholder', text: '…' }]);
  });
});

describe('the audit gives no credit for empty words', () => {
  it('an init skeleton with its examples and placeholders left in meets nothing', () => {
    const text = uncommentedSkeleton();
    const report = auditText(text);
    expect(report.findings.filter((f) => f.status === 'met').map((f) => f.requirement.id)).toEqual([]);
    // Each § 4 item points at the empty text itself and says why.
    const målgruppe = report.findings.find((f) => f.requirement.id === 'bek1477-4.1.2');
    expect(målgruppe?.status).toBe('missing');
    expect(målgruppe?.reasons.map((r) => r.id)).toEqual(['why.notFilled.placeholder']);
    expect(målgruppe?.location?.pointer).toBe('/målgruppe/tekst');
    // A block text is located at its key's line; the placeholder is the line below.
    const line = målgruppe?.location?.line ?? 0;
    expect(text.split('\n').slice(line - 1, line + 1)).toEqual(['  tekst: |-', '    …']);
    const garanti = report.findings.find((f) => f.requirement.id === 'bek1477-4.1.6');
    expect(garanti?.reasons.map((r) => r.id)).toEqual(['why.notFilled.template']);
  });

  it('a one-letter section text is not a description of the target group', () => {
    const report = auditText('kommune: Lilleby Kommune\ntitel: Rusmiddelbehandling\nmålgruppe: {tekst: x}\n');
    const f = report.findings.find((x) => x.requirement.id === 'bek1477-4.1.2');
    expect(f?.status).toBe('missing');
    expect(f?.reasons[0]?.text).toBe('"målgruppe.tekst" er ikke udfyldt: "x" er for kort til at beskrive noget');
    expect(f?.location).toMatchObject({ line: 3, column: 20, exists: true });
  });

  it('the same section written out is met', () => {
    const report = auditText('kommune: Lilleby Kommune\ntitel: Rusmiddelbehandling\nmålgruppe: {tekst: Borgere over 18 år med et behandlingskrævende stofmisbrug.}\n');
    expect(report.findings.find((x) => x.requirement.id === 'bek1477-4.1.2')?.status).toBe('met');
  });

  it("leaves Helsingør's counts as they were", () => {
    const report = audit(parseStandard('h.yaml', readFileSync(fixture('helsingoer-rusmiddelbehandling.yaml'), 'utf8')), lists, { auditDate: '2026-11-23' });
    expect(report.findings.some((f) => f.reasons.some((r) => r.id.startsWith('why.notFilled')))).toBe(false);
  });
});

describe('a faulty declaration is an input error at its position', () => {
  it.each([
    ['erklaering-ukendt-krav.yaml', '8:11', /erklæringen gælder kravet "3\.13\.1", som ikke findes i nogen tjekliste; mente du "3\.\d+\.1"\?/],
    ['erklaering-henvisning.yaml', '9:17', /henvisning "\/behandlingsplanen" peger ikke på noget i standarden/],
    ['erklaering-skabelon.yaml', '7:18', /begrundelse er skabelonens eksempeltekst/],
  ])('%s', (name, position, message) => {
    const file = fixture(`fejl/${name}`);
    const before = readFileSync(file);
    const r = cli(['audit', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:${position}: `);
    expect(r.stderr).toMatch(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
    // The expectation the fixture states in its first line is the one tested.
    expect(before.toString('utf8').split('\n')[0]).toContain(`linje ${position.split(':')[0]}, kolonne ${position.split(':')[1]}`);
  });

  it('a declaration for a national requirement is accepted when only a local list is audited', () => {
    const dir = tempDir();
    const local = join(dir, 'lokal.yaml');
    writeFileSync(local, 'checklist: {id: lokal, title: Lokal, source: {title: Byrådet}}\nretningslinjer: [{id: M1, title: Tilgængelighed}]\nrequirements:\n  - {id: M1.1, retningslinje: M1, levels: [bør], kind: practice, actor: [kommune], text: Der bør være åben rådgivning om aftenen.}\n');
    const std = join(dir, 'std.yaml');
    writeFileSync(std, 'kommune: Lilleby Kommune\ntitel: Rusmiddelbehandling\nerklæringer:\n  - {krav: "3.1.1", status: opfyldt, begrundelse: Planen lægges sammen med borgeren ud fra borgerens mål.}\n');
    const r = cli(['audit', std, '--checklist', local]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('an expired declaration is shown as expired in every report format', () => {
  const dir = tempDir();
  const std = join(dir, 'udloebet.yaml');
  writeFileSync(std, readFileSync(fixture('eksempel-komplet.yaml'), 'utf8').replace('    henvisning: /personale', '    henvisning: /personale\n    udløber: 2025-01-01'));

  it.each(['terminal', 'markdown', 'html', 'json'])('%s', (format) => {
    const r = cli(['audit', std, '-f', format, '--dato', '2026-11-23']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/erklæringen udløb 2025-01-01/);
    // Before the expiry date the declaration counts, and nothing is said of expiry.
    expect(cli(['audit', std, '-f', format, '--dato', '2024-12-31']).stdout).not.toMatch(/udløb 2025-01-01/);
  });
});
