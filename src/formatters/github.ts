// GitHub Actions workflow commands: one annotation per gap or reference finding, on its line.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { Report } from '../audit.js';
import { t } from '../messages.js';
import { workflowData as data, workflowProperty as property } from './safe-text.js';

function annotation(kind: 'error' | 'warning' | 'notice', file: string, line: number, col: number, title: string, message: string): string {
  return `::${kind} file=${property(file)},line=${line},col=${col},title=${property(title)}::${data(message)}`;
}

export function github(reports: readonly Report[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.imported) lines.push(annotation('warning', r.file, 1, 1, t('report.importedTitle'), r.imported.note));
    for (const f of r.findings.filter((x) => x.gap && !x.baselined)) {
      const kind = f.level === 'skal' ? 'error' : 'warning';
      const title = `${f.requirement.id} (${f.level}): ${t(`status.${f.status}`)}`;
      lines.push(annotation(kind, r.file, f.location?.line ?? 1, f.location?.column ?? 1, title, `${f.requirement.text}\n${f.reasons.map((x) => x.text).join('\n')}`));
    }
    for (const ref of r.references.filter((x) => !x.baselined)) {
      lines.push(annotation(ref.severity, r.file, ref.location.line, ref.location.column, t('report.referencesSection'), ref.message.text));
    }
    if (r.revision.status === 'soon' || r.revision.status === 'overdue') {
      lines.push(annotation(r.revision.status === 'overdue' ? 'error' : 'warning', r.file, 1, 1, t('report.revision'), t(`report.revision.${r.revision.status}`, { due: r.revision.due ?? '', days: Math.abs(r.revision.daysLeft ?? 0) })));
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
