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
    expect(cli(['audit', HELSINGOER, '--dato', DATE, '--opret-baseline', baseline, '-f', 'json']).code).toBe(0);
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

  it('are created as with ESLint: exit 0, a list of what was written, and empty ansvarlig and udløber to fill in', () => {
    const baseline = join(tempDir(), 'baseline.yaml');
    const run = cli(['audit', HELSINGOER, '--dato', DATE, '--opret-baseline', baseline]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Baseline med \d+ kendte mangler er skrevet til /);
    expect(run.stdout).toContain('Helsingør Kommune: bek1477-4.1.15');
    expect(run.stdout).not.toContain('Sammenfatning');
    const entries = (parse(readFileSync(baseline, 'utf8')) as { kendte_mangler: Record<string, string>[] }).kendte_mangler;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.ansvarlig === '' && e.udløber === '')).toBe(true);
    // The placeholders are valid as written: the baseline is read back without an error.
    expect(cli(['audit', HELSINGOER, '--dato', DATE, '--baseline', baseline]).code).toBe(0);
  });

  it('show a baselined gap as "kendt (baseline)" in every format, never as "ingen mangler"', () => {
    const dir = tempDir();
    const baseline = join(dir, 'baseline.yaml');
    cli(['audit', HELSINGOER, '--dato', DATE, '--opret-baseline', baseline]);
    const run = (format: string) => cli(['audit', HELSINGOER, '--dato', DATE, '--baseline', baseline, '-f', format]);
    const terminal = run('terminal').stdout;
    expect(terminal).not.toContain('Ingen mangler');
    expect(terminal).toMatch(/bek1477-4\.1\.15 .* mangler, kendt \(baseline\)/);
    expect(terminal).toMatch(/\d+ kendte mangler \(baseline\) tæller ikke med\./);
    const markdown = run('markdown').stdout;
    expect(markdown).not.toContain('Ingen mangler');
    expect(markdown).toContain('kendt (baseline)');
    const sarif = JSON.parse(run('sarif').stdout) as { runs: { results: { suppressions?: { justification: string }[] }[] }[] };
    expect(sarif.runs[0]?.results.every((r) => r.suppressions?.[0]?.justification === 'kendt (baseline)')).toBe(true);
    expect(run('github').stdout).toMatch(/^::notice title=kendt \(baseline\)::\d+ kendte mangler \(baseline\) tæller ikke med\./m);
    expect(run('junit').stdout).toContain('<skipped message="kendt (baseline)"/>');
  });

  it('report stale entries, and --ryd-baseline prunes them and keeps the rest', () => {
    const dir = tempDir();
    const baseline = join(dir, 'baseline.yaml');
    cli(['audit', HELSINGOER, '--dato', DATE, '--opret-baseline', baseline]);
    const text = readFileSync(baseline, 'utf8');
    const count = (parse(text) as { kendte_mangler: unknown[] }).kendte_mangler.length;
    const stale = '  - kommune: Helsingør Kommune\n    nøgle: bek1477-4.1.99\n  - kommune: Anden Kommune\n    nøgle: bek1477-4.1.99\n';
    writeFileSync(baseline, text + stale);
    const warned = cli(['audit', HELSINGOER, '--dato', DATE, '--baseline', baseline]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain(`advarsel: 1 poster i ${baseline} svarer ikke længere til nogen mangel; fjern dem med --ryd-baseline:`);
    expect(warned.stderr).toContain('Helsingør Kommune: bek1477-4.1.99');
    const pruned = cli(['audit', HELSINGOER, '--dato', DATE, '--baseline', baseline, '--ryd-baseline']);
    expect(pruned.code).toBe(0);
    expect(pruned.stderr).toContain(`1 forældede poster er fjernet fra ${baseline}`);
    const after = readFileSync(baseline, 'utf8');
    const keys = (parse(after) as { kendte_mangler: { kommune: string; nøgle: string }[] }).kendte_mangler;
    expect(keys.length).toBe(count + 1);
    // Another municipality's entry is not this run's to judge.
    expect(keys.filter((k) => k.nøgle === 'bek1477-4.1.99').map((k) => k.kommune)).toEqual(['Anden Kommune']);
    expect(after.startsWith('# kvalitetstjek baseline')).toBe(true);
    expect(cli(['audit', HELSINGOER, '--dato', DATE, '--baseline', baseline]).stderr).toBe('');
    expect(cli(['audit', HELSINGOER, '--ryd-baseline']).code).toBe(2);
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

describe('one count everywhere', () => {
  it('the per-retningslinje columns add up to the total, the charts and the sentence (a duplicate gap counts once)', () => {
    const r = JSON.parse(cli(['audit', HELSINGOER, '--dato', DATE, '-f', 'json']).stdout) as {
      summary: { gaps: { skal: number; bør: number }; groups: { gaps: { skal: number; bør: number } }[] };
      findings: { gap: boolean; duplicateOf: string | null }[];
    };
    // Helsingør has a gap counted under two requirements (2.8.3 and § 4 nr. 3): the case that disagreed.
    expect(r.findings.some((f) => f.gap && f.duplicateOf)).toBe(true);
    const sum = (level: 'skal' | 'bør') => r.summary.groups.reduce((n, g) => n + g.gaps[level], 0);
    expect([sum('skal'), sum('bør')]).toEqual([r.summary.gaps.skal, r.summary.gaps.bør]);
    const text = cli(['audit', HELSINGOER, '--dato', DATE, '-f', 'markdown']).stdout;
    expect(text).toContain(`${r.summary.gaps.skal} skal-krav og ${r.summary.gaps.bør} bør-krav er ikke opfyldt.`);
    const html = cli(['audit', HELSINGOER, '--dato', DATE, '-f', 'html']).stdout;
    expect(html).toContain(`${r.summary.gaps.skal} skal-krav`);
  });
});
