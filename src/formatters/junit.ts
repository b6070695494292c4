// JUnit XML: a test suite per file, a test case per requirement; a gap is a failure, a requirement
// that cannot be verified or does not apply is skipped. Legal reference findings are test cases too.
import type { Finding, Report } from '../audit.js';
import { t } from '../messages.js';
import { escapeXml } from './safe-text.js';

// Every text, from the input or not, goes through the one XML rule: well-formed XML 1.0 whatever it holds.
const xml = escapeXml;

function testcase(file: string, f: Finding): string {
  const name = `${f.requirement.id} (${f.level})`;
  const classname = `${file}.${f.requirement.retningslinje.id}`;
  const open = `    <testcase classname="${xml(classname)}" name="${xml(name)}" file="${xml(file)}"${f.location ? ` line="${f.location.line}"` : ''}>`;
  const why = f.reasons.map((r) => r.text).join('; ');
  if (f.gap && !f.baselined) return `${open}\n      <failure message="${xml(why)}" type="${f.status}">${xml(`${f.requirement.text}\n${why}`)}</failure>\n    </testcase>`;
  if (f.status === 'not_declared' || f.status === 'not_applicable' || f.baselined) return `${open}\n      <skipped message="${xml(why)}"/>\n    </testcase>`;
  return `${open}</testcase>`;
}

export function junit(reports: readonly Report[]): string {
  const suites = reports.map((r) => {
    const cases = r.findings.map((f) => testcase(r.file, f));
    for (const ref of r.references) {
      const open = `    <testcase classname="${xml(`${r.file}.lovhenvisninger`)}" name="${xml(`${ref.rule}: ${ref.citation}`)}" file="${xml(r.file)}" line="${ref.location.line}">`;
      cases.push(ref.baselined ? `${open}\n      <skipped message="${xml(t('report.baselined'))}"/>\n    </testcase>` : `${open}\n      <failure message="${xml(ref.message.text)}" type="${ref.severity}">${xml(ref.message.text)}</failure>\n    </testcase>`);
    }
    const failures = cases.filter((c) => c.includes('<failure')).length;
    const skipped = cases.filter((c) => c.includes('<skipped')).length;
    return `  <testsuite name="${xml(`${r.file} (${r.standard.kommune})`)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" timestamp="${r.auditDate}T00:00:00">\n${r.imported ? `    <properties>\n      <property name="${xml(t('report.importedTitle'))}" value="${xml(r.imported.note)}"/>\n    </properties>\n` : ''}${cases.join('\n')}\n${r.imported ? `    <system-out>${xml(r.imported.note)}</system-out>\n` : ''}  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kvalitetstjek">\n${suites.join('\n')}\n</testsuites>\n`;
}
