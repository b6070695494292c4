// The diff between two revisions, for the terminal, Markdown and JSON. (The CI formats render the
// new revision's regressions with the audit formatters.)
import type { DiffReport, RequirementChange } from '../diff.js';
import { t } from '../messages.js';
import { paint } from './context.js';
import type { FormatContext } from './context.js';
import { escapeMarkdown as esc } from './markdown-escape.js';
import { jsonText, visibleDeep } from '../safe-text.js';

const KINDS = ['regression', 'improvement', 'changed'] as const;

/** The old status in words; a file absent in the old revision had none. */
export const beforeText = (c: RequirementChange) => (c.before === null ? t('diff.absentStatus') : t(`status.${c.before}`));

const line = (c: RequirementChange) => `${c.id} (${c.level}): ${beforeText(c)} → ${t(`status.${c.after}`)}`;

export function diffTerminal(input: DiffReport, ctx: FormatContext): string {
  // Text goes to the terminal as it is: every control character from the input is shown first.
  const d = visibleDeep(input);
  const c = paint(ctx);
  const out = [c.bold(t('diff.title', { old: d.old.file, new: d.new.file })), ''];
  if (d.old.absent) out.push(c.yellow(t('diff.oldAbsent', { file: d.old.file })), '');
  for (const kind of KINDS) {
    const list = d.changes.filter((x) => x.kind === kind);
    if (!list.length) continue;
    const colour = kind === 'regression' ? c.red : kind === 'improvement' ? c.green : c.yellow;
    out.push(colour(c.bold(t(`diff.${kind}`))));
    for (const x of list) out.push(`  ${x.location ? c.dim(`${d.new.file}:${x.location.line}:${x.location.column}`) + '  ' : ''}${line(x)}`);
    out.push('');
  }
  if (d.sections.length) {
    out.push(c.bold(t('diff.sections')));
    for (const s of d.sections) out.push(`  ${s.section} (${t(`diff.section.${s.change}`)}): ${s.requirements.join(', ')}`);
    out.push('');
  }
  for (const r of d.references.added) out.push(`${c.red('+')} ${r.message.text}`);
  for (const r of d.references.removed) out.push(`${c.green('−')} ${r.message.text}`);
  if (d.changes.length === 0 && d.sections.length === 0 && !d.references.added.length && !d.references.removed.length) out.push(t('diff.none'));
  return out.join('\n') + '\n';
}

export function diffMarkdown(d: DiffReport): string {
  const out = [`# ${esc(t('diff.title', { old: d.old.file, new: d.new.file }))}`, ''];
  if (d.old.absent) out.push(esc(t('diff.oldAbsent', { file: d.old.file })), '');
  for (const kind of KINDS) {
    const list = d.changes.filter((x) => x.kind === kind);
    if (!list.length) continue;
    out.push(`## ${t(`diff.${kind}`)}`, '', `| Krav | Niveau | Før | Nu |`, '|---|---|---|---|');
    for (const x of list) out.push(`| ${esc(x.id)} | ${x.level} | ${beforeText(x)} | ${t(`status.${x.after}`)} |`);
    out.push('');
  }
  if (d.sections.length) {
    out.push(`## ${t('diff.sections')}`, '');
    for (const s of d.sections) out.push(`- ${esc(s.section)} (${t(`diff.section.${s.change}`)}): ${s.requirements.map(esc).join(', ')}`);
    out.push('');
  }
  if (d.references.added.length || d.references.removed.length) {
    out.push(`## ${t('report.referencesSection')}`, '');
    for (const r of d.references.added) out.push(`- ${t('diff.refAdded')}: ${esc(r.message.text)}`);
    for (const r of d.references.removed) out.push(`- ${t('diff.refRemoved')}: ${esc(r.message.text)}`);
    out.push('');
  }
  if (d.changes.length === 0 && d.sections.length === 0) out.push(t('diff.none'), '');
  return out.join('\n');
}

export function diffJson(d: DiffReport): string {
  const { regressions: _forCiFormats, ...rest } = d;
  return jsonText(rest, 2) + '\n';
}
