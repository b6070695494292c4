// The CI formats against what their consumers check: GitHub code scanning's SARIF rules (the SARIF
// Multitool's "Gh;Sarif" rules, encoded here), GitHub Actions' annotation limits and step summary, and
// the JUnit schema Jenkins' xunit plugin validates with (junit-10.xsd, its constraints encoded here).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cli, fixture, tempDir } from './helpers.js';

const DATE = '2026-11-22';
const HELSINGOER = fixture('helsingoer-rusmiddelbehandling.yaml');

interface SarifRule {
  id: string;
  name?: string;
  fullDescription?: { text: string };
  help?: { text: string; markdown?: string };
}
interface SarifResult {
  ruleId: string;
  partialFingerprints?: Record<string, string>;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
}
const sarifOf = (args: string[]) => {
  const run = cli(['audit', ...args, '--dato', DATE, '-f', 'sarif']);
  return JSON.parse(run.stdout).runs[0] as { tool: { driver: { rules: SarifRule[] } }; results: SarifResult[] };
};

describe('SARIF for GitHub code scanning', () => {
  const run = sarifOf([HELSINGOER]);

  it('gives every rule a fullDescription and help (GH2012), and a name only where it differs from the id (SARIF1001)', () => {
    expect(run.tool.driver.rules.some((r) => r.id.startsWith('lovhenvisning/'))).toBe(true);
    for (const r of run.tool.driver.rules) {
      expect(r.fullDescription?.text, r.id).toBeTruthy();
      expect(r.help?.text, r.id).toBeTruthy();
      expect(r.name, r.id).not.toBe(r.id);
    }
  });

  it('gives every result its own partialFingerprints, which do not change when the text above moves', () => {
    const prints = run.results.map((r) => JSON.stringify(r.partialFingerprints));
    expect(run.results.every((r) => Object.keys(r.partialFingerprints ?? {}).length > 0)).toBe(true);
    expect(new Set(prints).size).toBe(prints.length);
    // The same file with three lines added at the top: every line moves, no fingerprint does.
    const file = join(tempDir(), 'std.yaml');
    copyFileSync(HELSINGOER, file);
    const before = sarifOf([file]).results;
    writeFileSync(file, readFileSync(HELSINGOER, 'utf8').replace('\n', '\n# en\n# to\n# tre\n'));
    const after = sarifOf([file]).results;
    expect(after.map((r) => r.locations[0]?.physicalLocation.region.startLine)).toEqual(before.map((r) => (r.locations[0]?.physicalLocation.region.startLine ?? 0) + 3));
    expect(after.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints));
  });
});

describe('GitHub annotations', () => {
  it('stay within GitHub’s 10 of each kind per step, most important first, and say how many more there are', () => {
    const out = cli(['audit', HELSINGOER, '--dato', DATE, '-f', 'github']).stdout.trim().split('\n');
    const errors = out.filter((l) => l.startsWith('::error '));
    expect(errors.length).toBe(10);
    expect(out.filter((l) => l.startsWith('::warning ')).length).toBeLessThanOrEqual(10);
    // Missing skal requirements come before partly met ones and before wrong citations.
    const firstCitation = errors.findIndex((l) => l.includes('title=Lovhenvisninger'));
    const lastMissing = errors.map((l) => /%3A mangler::/.test(l)).lastIndexOf(true);
    expect(lastMissing).toBeLessThan(errors.findIndex((l) => /delvis opfyldt::/.test(l)));
    expect(lastMissing).toBeLessThan(firstCitation);
    // 8 skal gaps (one more counted under another requirement) and 8 wrong citations: 17 errors in all.
    const notice = out.filter((l) => l.startsWith('::notice '));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatch(/::7 fejl og 0 advarsler mere vises ikke som annoteringer/);
    // The seven are still in the log, as plain lines GitHub does not turn into annotations.
    expect(out.filter((l) => /^\S+helsingoer-rusmiddelbehandling\.yaml:\d+:\d+: fejl: /.test(l))).toHaveLength(7);
  });

  it('write a Markdown step summary when $GITHUB_STEP_SUMMARY is set, after what the step wrote before', () => {
    const dir = tempDir();
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# tidligere trin\n');
    const run = cli(['audit', HELSINGOER, '--dato', DATE, '-f', 'github'], { NO_COLOR: '1', GITHUB_STEP_SUMMARY: summary });
    expect(run.code).toBe(1);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# tidligere trin\n## kvalitetstjek\n')).toBe(true);
    expect(text).toMatch(/\| `\S+helsingoer-rusmiddelbehandling\.yaml` \(Helsingør Kommune\) \| 8 \| 0 \| 8 \| 2 \|/);
    // Every finding, the ones GitHub does not annotate too.
    expect(text.split('\n').filter((l) => l.startsWith('- **')).length).toBe(19);
    // No summary without the variable, and none for other formats.
    const plain = cli(['audit', HELSINGOER, '--dato', DATE, '-f', 'json'], { NO_COLOR: '1', GITHUB_STEP_SUMMARY: summary });
    expect(plain.code).toBe(1);
    expect(readFileSync(summary, 'utf8')).toBe(text);
  });

  it('write no summary when another output cannot be written (all or nothing)', () => {
    const dir = tempDir();
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# tidligere trin\n');
    mkdirSync(join(dir, 'mappe'));
    const run = cli(['audit', HELSINGOER, '--dato', DATE, '-f', 'github', '-o', join(dir, 'a.txt'), '-f', 'json', '-o', join(dir, 'mappe')], { NO_COLOR: '1', GITHUB_STEP_SUMMARY: summary });
    expect(run.code).toBe(2);
    expect(readFileSync(summary, 'utf8')).toBe('# tidligere trin\n');
  });
});

// junit-10.xsd (Jenkins xunit plugin): the attributes and children each element may have.
const XSD = {
  testsuites: { attributes: ['name', 'time', 'tests', 'failures', 'errors'], required: [], children: ['testsuite'] },
  testsuite: {
    attributes: ['name', 'tests', 'failures', 'errors', 'group', 'time', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url'],
    required: ['name', 'tests', 'failures', 'errors'],
    children: ['testsuite', 'properties', 'testcase', 'system-out', 'system-err'],
  },
  testcase: { attributes: ['name', 'time', 'classname', 'group'], required: ['name'], children: ['skipped', 'error', 'failure', 'system-out', 'system-err'] },
  failure: { attributes: ['type', 'message'], required: [], children: [] },
  skipped: { attributes: ['type', 'message'], required: [], children: [] },
  'system-out': { attributes: [], required: [], children: [] },
} as const;
const SUREFIRE_TIME = /^(?:(?:[0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(?:\.[0-9]*)?$/;

type Node = Record<string, unknown>;
/** Every element against XSD, from fast-xml-parser's preserveOrder tree. */
function checkAgainstXsd(nodes: Node[], allowed: readonly string[], problems: string[]): void {
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name === '#text' || name === '?xml') continue;
    if (!allowed.includes(name)) problems.push(`<${name}> not allowed here`);
    const rule = XSD[name as keyof typeof XSD];
    if (!rule) continue;
    const attributes = (node[':@'] ?? {}) as Record<string, string>;
    for (const a of Object.keys(attributes)) if (!(rule.attributes as readonly string[]).includes(a)) problems.push(`<${name} ${a}> not allowed`);
    for (const a of rule.required) if (!(a in attributes)) problems.push(`<${name}> lacks ${a}`);
    if ('time' in attributes && !SUREFIRE_TIME.test(attributes.time as string)) problems.push(`<${name} time="${attributes.time}">`);
    checkAgainstXsd(node[name] as Node[], rule.children, problems);
  }
}

describe('JUnit for Jenkins', () => {
  const xml = cli(['audit', HELSINGOER, fixture('eksempel-komplet.yaml'), '--dato', DATE, '-f', 'junit']).stdout;
  const json = (
    JSON.parse(cli(['audit', HELSINGOER, fixture('eksempel-komplet.yaml'), '--dato', DATE, '-f', 'json']).stdout) as {
      reports: { summary: { gaps: { skal: number; bør: number }; references: { errors: number } } }[];
    }
  ).reports;
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml) as {
    testsuites: { tests: string; failures: string; time: string; testsuite: { file: string; failures: string; testcase: { classname: string; name: string; failure?: unknown; time: string }[] }[] };
  };

  it('validates against junit-10.xsd: no file or line on a test case, times everywhere', () => {
    const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true }).parse(xml) as Node[];
    const problems: string[] = [];
    checkAgainstXsd(tree, ['testsuites'], problems);
    expect(problems).toEqual([]);
    expect(doc.testsuites.time).toMatch(SUREFIRE_TIME);
    for (const s of doc.testsuites.testsuite) for (const c of s.testcase) expect(c.time).toMatch(SUREFIRE_TIME);
  });

  it('counts each gap once and every wrong citation as failures, never the warnings; totals on <testsuites>', () => {
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => Number(s.failures))).toEqual(json.map((r) => r.summary.gaps.skal + r.summary.gaps.bør + r.summary.references.errors));
    expect(suites.map((s) => s.testcase.filter((c) => c.failure !== undefined).length)).toEqual(suites.map((s) => Number(s.failures)));
    expect(Number(doc.testsuites.failures)).toBe(suites.reduce((n, s) => n + Number(s.failures), 0));
    expect(Number(doc.testsuites.tests)).toBe(suites.reduce((n, s) => n + s.testcase.length, 0));
    expect(suites[0]?.file).toMatch(/helsingoer-rusmiddelbehandling\.yaml$/);
  });

  it('has class names without dots and names unique within a class', () => {
    for (const s of doc.testsuites.testsuite) {
      const keys = s.testcase.map((c) => `${c.classname}\u0000${c.name}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const c of s.testcase) expect(c.classname).not.toContain('.');
    }
  });
});
