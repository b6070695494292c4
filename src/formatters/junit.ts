// JUnit XML: a test suite per file, a test case per requirement; a gap is a failure, a requirement
// that cannot be verified or does not apply is skipped. Legal reference findings are test cases too.
// Valid against the schemas CI servers read it with (Jenkins xunit's junit-10.xsd, Ant's): a test case
// has only name, classname and time (the file is on its suite, the line in the failure's text);
// totals on <testsuites>; class names without dots, which Jenkins would split into packages; names
// unique within a class; `failures` the gaps counted once each (a gap already counted under another
// requirement is skipped, as a baselined one) and the wrong citations, never the warnings about
// registers, which are passing test cases with the warning in system-out.
import type { Finding, Report } from '../audit.js';
import { t } from '../messages.js';
import { escapeXml } from '../safe-text.js';

// Every text, from the input or not, goes through the one XML rule: well-formed XML 1.0 whatever it holds.
const xml = escapeXml;

/** No time is measured per requirement: the checks take no measurable time. */
const TIME = '0';

/** Jenkins reads "a.b.C" as package a.b, class C: no dots in a class name. */
const className = (...parts: string[]) => parts.map((p) => p.replace(/\./g, '_')).join(' / ');

interface Case {
  classname: string;
  name: string;
  body: string;
  failure: boolean;
  skipped: boolean;
}

const at = (file: string, line?: number, column?: number) => (line ? `${file}:${line}:${column ?? 1}` : file);

function testcase(file: string, f: Finding): Case {
  const why = f.reasons.map((r) => r.text).join('; ');
  const text = `${at(file, f.location?.line, f.location?.column)}\n${f.requirement.text}\n${why}`;
  const base = { classname: className(file, f.requirement.retningslinje.id), name: `${f.requirement.id} (${f.level})` };
  if (f.gap && !f.baselined && !f.duplicateOf) return { ...base, body: `<failure message="${xml(why)}" type="${f.status}">${xml(text)}</failure>`, failure: true, skipped: false };
  if (f.gap || f.status === 'not_declared' || f.status === 'not_applicable') return { ...base, body: `<skipped message="${xml(why)}"/>`, failure: false, skipped: true };
  return { ...base, body: '', failure: false, skipped: false };
}

function render(c: Case): string {
  const open = `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}" time="${TIME}">`;
  return c.body ? `${open}\n      ${c.body}\n    </testcase>` : `${open}</testcase>`;
}

export function junit(reports: readonly Report[]): string {
  let tests = 0;
  let failures = 0;
  const suites = reports.map((r) => {
    const cases = r.findings.map((f) => testcase(r.file, f));
    const names = new Map<string, number>();
    for (const ref of r.references) {
      // The same citation can be written twice: the second is "(2)", so names stay unique and stable.
      const name = `${ref.rule}: ${ref.citation}`;
      const n = (names.get(name) ?? 0) + 1;
      names.set(name, n);
      const base = { classname: className(r.file, t('report.referencesSection')), name: n > 1 ? `${name} (${n})` : name };
      const text = `${at(r.file, ref.location.line, ref.location.column)}\n${ref.message.text}`;
      if (ref.baselined) cases.push({ ...base, body: `<skipped message="${xml(t('report.known'))}"/>`, failure: false, skipped: true });
      else if (ref.severity === 'error') cases.push({ ...base, body: `<failure message="${xml(ref.message.text)}" type="${ref.severity}">${xml(text)}</failure>`, failure: true, skipped: false });
      else cases.push({ ...base, body: `<system-out>${xml(`${t('severity.warning')}: ${text}`)}</system-out>`, failure: false, skipped: false });
    }
    const failed = cases.filter((c) => c.failure).length;
    const skipped = cases.filter((c) => c.skipped).length;
    tests += cases.length;
    failures += failed;
    const attributes = `name="${xml(`${r.file} (${r.standard.kommune})`)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="${skipped}" time="${TIME}" timestamp="${r.auditDate}T00:00:00" file="${xml(r.file)}"`;
    // A report from an unreviewed import says so, where the schema allows it: a property and system-out.
    const properties = r.imported ? `    <properties>\n      <property name="${xml(t('report.importedTitle'))}" value="${xml(r.imported.note)}"/>\n    </properties>\n` : '';
    const out = r.imported ? `\n    <system-out>${xml(r.imported.note)}</system-out>` : '';
    return `  <testsuite ${attributes}>\n${properties}${cases.map(render).join('\n')}${out}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kvalitetstjek" tests="${tests}" failures="${failures}" errors="0" time="${TIME}">\n${suites.join('\n')}\n</testsuites>\n`;
}
