// The revision workflow: diff against git history, batch audits, the CI formats, baselines,
// display apart from failure, and the revision deadline.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli, fixture, root, tempDir, withoutSection } from './helpers.js';

// ajv-formats and ajv-draft-04 are CommonJS; under NodeNext their default export is the module object.
const addFormats = addFormatsModule as unknown as <T>(a: T) => T;
const Ajv04 = (Ajv04Module as unknown as { default: typeof Ajv04Module.default }).default;
const DATE = '2026-11-22';
const COMPLETE = readFileSync(fixture('eksempel-komplet.yaml'), 'utf8');
const HELSINGOER = fixture('helsingoer-rusmiddelbehandling.yaml');

const without = (text: string, key: string) => withoutSection(text, key).text;

const git = (dir: string, ...args: string[]) => {
  const r = spawnSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
};

describe('kvalitetstjek diff --git', () => {
  it('fails on a revision that drops the behandlingsgaranti, and shows a handleplan goal as newly met', () => {
    const dir = tempDir();
    const file = join(dir, 'standard.yaml');
    const noGoal = COMPLETE.replace(/^ {2}mål: \|-\n.*\n/m, '');
    expect(noGoal).not.toBe(COMPLETE);
    git(dir, 'init', '-q');
    writeFileSync(file, noGoal);
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'standard');

    writeFileSync(file, without(noGoal, 'behandlingsgaranti'));
    git(dir, 'commit', '-qam', 'uden behandlingsgaranti');
    const dropped = cli(['diff', file, '--git', 'HEAD~1', '--dato', DATE, '-f', 'json']);
    expect(dropped.code).toBe(1);
    const d1 = JSON.parse(dropped.stdout) as { changes: { id: string; kind: string; before: string; after: string }[] };
    expect(d1.changes.filter((c) => c.kind === 'regression').map((c) => c.id)).toEqual(expect.arrayContaining(['bek1477-4.1.6', '3.4.1']));
    expect(cli(['diff', file, '--git', 'HEAD~1', '--dato', DATE]).stdout).toMatch(/Nye mangler\n.*bek1477-4\.1\.6 \(skal\): opfyldt → mangler/);

    writeFileSync(file, without(COMPLETE, 'behandlingsgaranti'));
    git(dir, 'commit', '-qam', 'mål for handleplaner');
    const improved = cli(['diff', file, '--git', 'HEAD~1', '--dato', DATE, '-f', 'json']);
    expect(improved.code).toBe(0);
    const d2 = JSON.parse(improved.stdout) as { changes: { id: string; kind: string; after: string }[]; sections: { section: string }[] };
    expect(d2.changes).toEqual([expect.objectContaining({ id: 'bek1477-4.1.9', kind: 'improvement', after: 'met' })]);
    expect(d2.sections.map((s) => s.section)).toEqual(['handleplaner']);
  });

  it('reads a standard added since the revision as empty: every gap is new, and it says so', () => {
    const dir = tempDir();
    git(dir, 'init', '-q');
    writeFileSync(join(dir, 'andet.yaml'), COMPLETE);
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'first');
    const file = join(dir, 'ny.yaml');
    writeFileSync(file, without(COMPLETE, 'behandlingsgaranti'));
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'a new standard');
    const json = cli(['diff', file, '--git', 'HEAD~1', '--dato', DATE, '-f', 'json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(1);
    const d = JSON.parse(json.stdout) as { old: { absent: boolean }; changes: { id: string; kind: string; before: string | null }[] };
    expect(d.old.absent).toBe(true);
    expect(d.changes.map((c) => c.id)).toContain('bek1477-4.1.6');
    expect(d.changes.every((c) => c.kind === 'regression' && c.before === null)).toBe(true);
    const text = cli(['diff', file, '--git', 'HEAD~1', '--dato', DATE]).stdout;
    expect(text).toContain('Filen fandtes ikke i den gamle udgave');
    expect(text).toMatch(/bek1477-4\.1\.6 \(skal\): fandtes ikke → mangler/);
    expect(cli(['diff', file, '--git', 'HEAD~1', '--dato', DATE, '-f', 'markdown']).stdout).toContain('Filen fandtes ikke i den gamle udgave');
    // Unchanged since the revision: nothing new.
    expect(cli(['diff', file, '--git', 'HEAD', '--dato', DATE]).code).toBe(0);
  });

  it('compares two files too, and says when nothing changed', () => {
    const run = cli(['diff', fixture('eksempel-komplet.yaml'), fixture('eksempel-komplet.yaml'), '--dato', DATE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Ingen ændringer i kravenes status.');
  });
});

describe('batch audits', () => {
  it('audit a folder and a pattern in one run; the exit code covers all files', () => {
    const dir = tempDir();
    copyFileSync(fixture('eksempel-komplet.yaml'), join(dir, 'a.yaml'));
    writeFileSync(join(dir, 'b.yaml'), COMPLETE.replace('kommune: Eksempel Kommune', 'kommune: Anden Kommune'));
    const clean = cli(['audit', dir, '--dato', DATE, '-f', 'json']);
    expect(clean.code).toBe(0);
    const all = JSON.parse(clean.stdout) as { reports: { standard: { kommune: string } }[] };
    expect(all.reports.map((r) => r.standard.kommune)).toEqual(['Eksempel Kommune', 'Anden Kommune']);
    writeFileSync(join(dir, 'b.yaml'), without(COMPLETE, 'gavekort'));
    const one = cli(['audit', `${dir}/*.yaml`, '--dato', DATE]);
    expect(one.code).toBe(1);
    expect(one.stdout).toMatch(/Kvalitetstjek af 2 kvalitetsstandarder/);
  });

  it('write several formats in one run', () => {
    const dir = tempDir();
    const run = cli(['audit', HELSINGOER, '--dato', DATE, '-f', 'sarif', '-o', join(dir, 'r.sarif'), '-f', 'junit', '-o', join(dir, 'r.xml'), '-f', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).standard.kommune).toBe('Helsingør Kommune');
    expect(JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'r.xml'), 'utf8')).toMatch(/^<\?xml/);
  });
});

describe('CI formats', () => {
  const report = JSON.parse(cli(['audit', HELSINGOER, '--dato', DATE, '-f', 'json']).stdout) as {
    findings: { requirement: string; gap: boolean; duplicateOf: string | null; level: string; location: { line: number; column: number } }[];
    references: { severity: string; location: { line: number; column: number } }[];
  };
  const gaps = report.findings.filter((f) => f.gap);

  it('SARIF validates against the SARIF 2.1.0 schema, one rule per requirement', () => {
    const schema = JSON.parse(readFileSync(join(root, 'test', 'data', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The published schema has a pattern that is only valid without the u flag.
    const validate = addFormats(new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false })).compile(schema);
    const log = JSON.parse(cli(['audit', HELSINGOER, '--dato', DATE, '-f', 'sarif']).stdout);
    validate(log);
    expect(validate.errors ?? []).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.rules.filter((r: { id: string }) => !r.id.startsWith('lovhenvisning/')).length).toBe(report.findings.length);
    expect(run.results.length).toBe(gaps.length + report.references.length);
    const handleplan = run.results.find((r: { ruleId: string }) => r.ruleId === 'bek1477-4.1.9');
    const expected = gaps.find((f) => f.requirement === 'bek1477-4.1.9')?.location;
    expect(handleplan.locations[0].physicalLocation.region).toEqual({ startLine: expected?.line, startColumn: expected?.column });
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === '3.4.1').help.text).toContain('Behandling skal iværksættes senest 14 dage');
  });

  it('JUnit parses as XML with a test case per requirement and a failure per gap', () => {
    const xml = cli(['audit', HELSINGOER, '--dato', DATE, '-f', 'junit']).stdout;
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const suite = doc.testsuites.testsuite;
    const cases = suite.testcase as { name: string; failure?: unknown }[];
    expect(cases.length).toBe(report.findings.length + report.references.length);
    // Each gap once (not the one counted under another requirement), and the wrong citations, not the warnings.
    expect(Number(suite.failures)).toBe(gaps.filter((f) => !f.duplicateOf).length + report.references.filter((r) => r.severity === 'error').length);
    expect(cases.find((c) => c.name === 'bek1477-4.1.9 (skal)')?.failure).toBeDefined();
    expect(cases.find((c) => c.name === 'bek1477-4.1.6 (skal)')?.failure).toBeUndefined();
  });

  it('GitHub annotations carry the right line and column', () => {
    const out = cli(['audit', HELSINGOER, '--dato', DATE, '-f', 'github']).stdout.trim().split('\n');
    // Every finding, as an annotation or (beyond GitHub's 10 per kind) a plain log line; one notice says so.
    expect(out.filter((l) => !l.startsWith('::notice ')).length).toBe(gaps.length + report.references.length);
    const f = gaps.find((g) => g.requirement === 'bek1477-4.1.9');
    expect(out).toContainEqual(expect.stringMatching(new RegExp(`^::error file=.*helsingoer-rusmiddelbehandling\\.yaml,line=${f?.location.line},col=${f?.location.column},title=bek1477-4\\.1\\.9 \\(skal\\)%3A mangler::`)));
    expect(out.filter((l) => l.startsWith('::warning ')).length).toBe(2); // the two outdated SIB names
  });
});

describe('baselines', () => {
  it('silence exactly the listed gaps, and an expired entry no longer silences', () => {
    const dir = tempDir();
    const baseline = join(dir, 'baseline.yaml');
    expect(cli(['audit', HELSINGOER, '--dato', DATE, '--opret-baseline', baseline, '-f', 'json']).code).toBe(1);
    expect(cli(['audit', HELSINGOER, '--dato', DATE, '--baseline', baseline]).code).toBe(0);

    // A new gap in a revision is not in the baseline: it fails, and only it counts.
    const copy = join(dir, 'helsingoer.yaml');
    writeFileSync(copy, without(readFileSync(HELSINGOER, 'utf8'), 'visitation'));
    const revised = cli(['audit', copy, '--dato', DATE, '--baseline', baseline, '-f', 'json']);
    expect(revised.code).toBe(1);
    expect(JSON.parse(revised.stdout).summary.gaps).toEqual({ skal: 1, bør: 0 });

    // Expire one entry: that gap counts again.
    const data = parse(readFileSync(baseline, 'utf8')) as { kendte_mangler: { nøgle: string; udløber?: string }[] };
    const entry = data.kendte_mangler.find((e) => e.nøgle === 'bek1477-4.1.15');
    expect(entry).toBeDefined();
    (entry as { udløber?: string }).udløber = '2026-11-01';
    writeFileSync(baseline, stringify(data));
    const expired = cli(['audit', HELSINGOER, '--dato', DATE, '--baseline', baseline, '-f', 'json']);
    expect(expired.code).toBe(1);
    const r = JSON.parse(expired.stdout) as { summary: { gaps: object }; findings: { requirement: string; baselined: boolean; gap: boolean }[] };
    expect(r.summary.gaps).toEqual({ skal: 1, bør: 0 });
    expect(r.findings.filter((f) => f.gap && !f.baselined).map((f) => f.requirement)).toEqual(['bek1477-4.1.15']);
  });

  it('reject a broken baseline file with its line and column', () => {
    const dir = tempDir();
    const baseline = join(dir, 'baseline.yaml');
    writeFileSync(baseline, 'kendte_mangler:\n  - kommune: Helsingør Kommune\n    nøgle: bek1477-4.1.9\n    udløber: snart\n');
    const run = cli(['audit', HELSINGOER, '--baseline', baseline]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${baseline}:4:14: kendte_mangler[0].udløber skal være en gyldig dato`);
  });
});

describe('display apart from failure', () => {
  it('--vis changes what is printed, never the exit code', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    const file = join(dir, 'x', 'uden-bør.yaml');
    writeFileSync(file, COMPLETE);
    for (const vis of ['skal', 'bør', 'alle']) {
      expect(cli(['audit', HELSINGOER, '--dato', DATE, '--vis', vis]).code).toBe(1);
      expect(cli(['audit', HELSINGOER, '--dato', DATE, '--vis', vis, '--fail-on', 'aldrig']).code).toBe(0);
    }
    const skal = JSON.parse(cli(['audit', HELSINGOER, '--dato', DATE, '--vis', 'skal', '-f', 'json']).stdout) as { findings: { level: string }[]; summary: object };
    const alle = JSON.parse(cli(['audit', HELSINGOER, '--dato', DATE, '-f', 'json']).stdout) as { findings: { level: string }[]; summary: object };
    expect(skal.findings.every((f) => f.level === 'skal')).toBe(true);
    expect(skal.findings.length).toBeLessThan(alle.findings.length);
    expect(skal.summary).toEqual(alle.summary);
  });
});

describe('the revision deadline', () => {
  it('warns before the two-year revision falls due, and reports it overdue after', () => {
    const at = (date: string, days = '60') => JSON.parse(cli(['audit', fixture('eksempel-komplet.yaml'), '--dato', date, '--varsel-dage', days, '-f', 'json']).stdout);
    expect(at('2026-11-22').revision).toEqual({ lastRevised: '2026-03-10', due: '2028-03-01', daysLeft: 465, status: 'ok' });
    expect(at('2028-01-15').revision.status).toBe('soon');
    expect(at('2028-01-15', '30').revision.status).toBe('ok');
    const late = at('2028-04-01');
    expect(late.revision.status).toBe('overdue');
    expect(late.findings.find((f: { requirement: string }) => f.requirement === '2.8.1').status).toBe('partly_met');
    expect(cli(['audit', fixture('eksempel-komplet.yaml'), '--dato', '2028-01-15', '-f', 'github']).stdout).toMatch(/^::warning file=.*,line=1,col=1,title=Revision::revisionen forfalder snart: senest 2028-03-01/m);
  });
});
