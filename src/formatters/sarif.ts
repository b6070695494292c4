// SARIF 2.1.0: one rule per requirement (and per kind of legal reference finding), one result per
// gap or reference finding, with the file region. Baselined findings carry a suppression.
// Checked with the SARIF Multitool's rules for GitHub code scanning (validate --rule-kind "Gh;Sarif"):
// every rule has a fullDescription and help (GH2012), a name only where it differs from the id
// (SARIF1001), percent-encoded relative URIs (SARIF1002), and every result partialFingerprints that
// do not depend on the line, so a finding keeps its identity when text above it moves.
import { createHash } from 'node:crypto';
import type { Finding, Report } from '../audit.js';
import type { CatalogEntry } from '../checklist.js';
import { t } from '../messages.js';
import { VERSION } from '../version.js';
import { explainMarkdown, helpText } from './catalog.js';
import { jsonText, pathUri } from '../safe-text.js';

type Level = 'error' | 'warning' | 'note';

const levelOf = (f: Finding): Level => (f.level === 'skal' ? 'error' : f.level === 'bør' ? 'warning' : 'note');

export function sarif(reports: readonly Report[]): string {
  const rules: object[] = [];
  const index = new Map<string, number>();
  const rule = (id: string, make: () => object) => {
    if (!index.has(id)) {
      index.set(id, rules.length);
      rules.push(make());
    }
    return index.get(id) as number;
  };
  const requirementRule = (e: CatalogEntry) => ({
    id: e.id,
    ...(e.printedId && e.printedId !== e.id ? { name: e.printedId } : {}),
    shortDescription: { text: e.text.length > 200 ? `${e.text.slice(0, 197)}…` : e.text },
    fullDescription: { text: e.text },
    help: { text: helpText(e), markdown: explainMarkdown(e, []) },
    defaultConfiguration: { level: e.levels.includes('skal') ? 'error' : e.levels.includes('bør') ? 'warning' : 'note' },
    properties: { levels: e.levels, kind: e.kind, retningslinje: e.retningslinje.id, checklist: e.checklist },
  });
  // Every requirement is a rule, so a tool can show what was checked and passed as well.
  for (const r of reports) for (const f of r.findings) rule(f.requirement.id, () => requirementRule(f.requirement));

  const results: object[] = [];
  for (const r of reports) {
    const uri = pathUri(r.file);
    const seen = new Map<string, number>();
    // The rule, the file, and what tells two results of one rule in one file apart (with a count for
    // the same citation written twice); never the line.
    const fingerprint = (...parts: string[]) => {
      const key = JSON.stringify([uri, ...parts]);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      return { 'kvalitetstjek/v1': createHash('sha256').update(`${key}#${n}`).digest('hex') };
    };
    for (const f of r.findings.filter((x) => x.gap)) {
      results.push({
        ruleId: f.requirement.id,
        ruleIndex: index.get(f.requirement.id),
        level: levelOf(f),
        message: { text: `${t(`status.${f.status}`)}: ${f.reasons.map((x) => x.text).join('; ')}` },
        locations: [location(uri, f.location?.line ?? 1, f.location?.column ?? 1)],
        partialFingerprints: fingerprint(f.requirement.id),
        ...(f.baselined ? { suppressions: [{ kind: 'external', justification: t('report.known') }] } : {}),
      });
    }
    for (const ref of r.references) {
      const id = `lovhenvisning/${ref.rule}`;
      const ruleIndex = rule(id, () => ({
        id,
        name: ref.rule,
        shortDescription: { text: t(`rule.${ref.rule}`) },
        fullDescription: { text: t(`rule.${ref.rule}.help`) },
        help: { text: t(`rule.${ref.rule}.help`), markdown: t(`rule.${ref.rule}.help`) },
        defaultConfiguration: { level: ref.severity },
      }));
      results.push({
        ruleId: id,
        ruleIndex,
        level: ref.severity,
        message: { text: ref.message.text },
        locations: [location(uri, ref.location.line, ref.location.column)],
        partialFingerprints: fingerprint(id, ref.citation),
        ...(ref.baselined ? { suppressions: [{ kind: 'external', justification: t('report.known') }] } : {}),
      });
    }
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kvalitetstjek', version: VERSION, semanticVersion: VERSION, language: 'da', rules } },
        language: 'da',
        results,
        ...(reports.some((r) => r.imported)
          ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: reports.filter((r) => r.imported).map((r) => ({ level: 'warning', message: { text: r.imported?.note ?? '' }, locations: [location(r.file, 1, 1)] })) }] }
          : {}),
      },
    ],
  };
  return jsonText(log, 2) + '\n';
}

function location(uri: string, line: number, column: number): object {
  return { physicalLocation: { artifactLocation: { uri }, region: { startLine: line, startColumn: column } } };
}
