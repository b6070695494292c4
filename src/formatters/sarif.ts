// SARIF 2.1.0: one rule per requirement (and per kind of legal reference finding), one result per
// gap or reference finding, with the file region. Baselined findings carry a suppression.
import type { Finding, Report } from '../audit.js';
import type { CatalogEntry } from '../checklist.js';
import { t } from '../messages.js';
import { VERSION } from '../version.js';
import { explainMarkdown, helpText } from './catalog.js';
import { jsonText, pathUri } from './safe-text.js';

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
    name: e.printedId ?? e.id,
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
    for (const f of r.findings.filter((x) => x.gap)) {
      results.push({
        ruleId: f.requirement.id,
        ruleIndex: index.get(f.requirement.id),
        level: levelOf(f),
        message: { text: `${t(`status.${f.status}`)}: ${f.reasons.map((x) => x.text).join('; ')}` },
        locations: [location(r.file, f.location?.line ?? 1, f.location?.column ?? 1)],
        ...(f.baselined ? { suppressions: [{ kind: 'external', justification: t('report.baselined') }] } : {}),
      });
    }
    for (const ref of r.references) {
      const id = `lovhenvisning/${ref.rule}`;
      const ruleIndex = rule(id, () => ({
        id,
        name: ref.rule,
        shortDescription: { text: t(`rule.${ref.rule}`) },
        defaultConfiguration: { level: ref.severity },
      }));
      results.push({
        ruleId: id,
        ruleIndex,
        level: ref.severity,
        message: { text: ref.message.text },
        locations: [location(r.file, ref.location.line, ref.location.column)],
        ...(ref.baselined ? { suppressions: [{ kind: 'external', justification: t('report.baselined') }] } : {}),
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

function location(file: string, line: number, column: number): object {
  return { physicalLocation: { artifactLocation: { uri: pathUri(file) }, region: { startLine: line, startColumn: column } } };
}
