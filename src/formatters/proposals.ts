// `audit --forslag`: for each requirement the standard's text mentions but does not declare, a
// ready-to-paste `erklæringer` entry quoting the passage, marked as a proposal to confirm. Proposals
// are text for the author, never part of a report, and never counted.
import { stringify } from 'yaml';
import type { Report } from '../audit.js';
import { t } from '../messages.js';

export interface ProposalInput {
  report: Report;
  /** Whether the standard already has an `erklæringer` list (then only the entries are printed). */
  hasDeclarations: boolean;
}

const comment = (text: string) => text.split('\n').map((l) => `# ${l}`.trimEnd());

function one({ report, hasDeclarations }: ProposalInput): string[] {
  const candidates = report.findings.filter((f) => f.coverage?.status === 'mentioned' && f.declaration === null && f.coverage.passages.length > 0);
  const out = comment(t('proposal.header', { file: report.file, count: candidates.length }));
  if (candidates.length === 0) return out;
  const indent = hasDeclarations ? '' : '  ';
  if (!hasDeclarations) out.push('erklæringer:');
  for (const f of candidates) {
    const p = f.coverage?.passages[0];
    if (!p) continue;
    out.push(...comment(t('proposal.entry', { id: f.requirement.id, level: f.level, text: f.requirement.text, line: p.line, column: p.column, term: p.term })).map((l) => indent + l));
    const entry = stringify([{ krav: f.requirement.id, status: 'opfyldt', begrundelse: t('proposal.reason', { quote: p.quote }), henvisning: p.pointer }], { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
    out.push(...entry.trimEnd().split('\n').map((l) => indent + l));
  }
  return out;
}

export function proposals(inputs: readonly ProposalInput[]): string {
  return inputs.map((i) => one(i).join('\n')).join('\n\n') + '\n';
}
