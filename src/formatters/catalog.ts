// The catalog (checklist list) and a single requirement (explain), for the terminal, Markdown and JSON.
import Table from 'cli-table3';
import type { CatalogEntry } from '../checklist.js';
import { t } from '../messages.js';
import { paint } from './context.js';
import type { FormatContext } from './context.js';
import { escapeMarkdown as esc, quote } from './markdown-escape.js';
import { jsonText, visible, visibleDeep } from '../safe-text.js';
import { groupTitle } from './view.js';
import { citationsIn, citeSources, describeProvision, longDate } from '../references.js';
import type { Provision, ReferenceData } from '../references.js';
import type { EvidencePassage } from '../audit.js';

function byGroup(entries: readonly CatalogEntry[]): { title: string; entries: CatalogEntry[] }[] {
  const groups = new Map<string, { title: string; entries: CatalogEntry[] }>();
  for (const e of entries) {
    const key = `${e.checklist}\u0000${e.retningslinje.id}`;
    const g = groups.get(key) ?? { title: groupTitle(e.retningslinje), entries: [] };
    g.entries.push(e);
    groups.set(key, g);
  }
  return [...groups.values()];
}

const idText = (e: CatalogEntry) => (e.printedId ? `${e.id}\n(${t('catalog.printedAs', { printed: e.printedId })})` : e.id);
const kindText = (e: CatalogEntry) => t(`kind.${e.kind}`);

export function catalogTerminal(input: readonly CatalogEntry[], ctx: FormatContext, width = 100): string {
  // A local checklist is input: its control characters are shown, never sent to the terminal.
  const entries = visibleDeep(input);
  const c = paint(ctx);
  const out: string[] = [];
  const textWidth = Math.max(30, width - 52);
  for (const g of byGroup(entries)) {
    out.push(c.bold(g.title));
    const table = new Table({
      head: [t('catalog.heading.id'), t('catalog.heading.levels'), t('catalog.heading.kind'), t('catalog.heading.actor'), t('catalog.heading.text')],
      colWidths: [14, 9, 15, 16, textWidth],
      wordWrap: true,
      style: { head: ctx.color ? ['cyan'] : [], border: ctx.color ? ['grey'] : [] },
    });
    for (const e of g.entries) table.push([idText(e), e.levels.join('/'), kindText(e), e.actor.join(', '), e.text]);
    out.push(table.toString(), '');
  }
  out.push(t('catalog.count', { count: entries.length, groups: byGroup(entries).length }));
  return out.join('\n') + '\n';
}

export function catalogMarkdown(entries: readonly CatalogEntry[]): string {
  const out: string[] = [];
  for (const g of byGroup(entries)) {
    out.push(`## ${esc(g.title)}`, '');
    out.push(`| ${t('catalog.heading.id')} | ${t('catalog.heading.levels')} | ${t('catalog.heading.kind')} | ${t('catalog.heading.actor')} | ${t('catalog.heading.text')} |`, '|---|---|---|---|---|');
    for (const e of g.entries) out.push(`| ${esc(e.printedId ? `${e.id} (${e.printedId})` : e.id)} | ${e.levels.join('/')} | ${kindText(e)} | ${esc(e.actor.join(', '))} | ${esc(e.text)} |`);
    out.push('');
  }
  out.push(t('catalog.count', { count: entries.length, groups: byGroup(entries).length }));
  return out.join('\n') + '\n';
}

export function catalogJson(entries: readonly CatalogEntry[]): string {
  return jsonText(entries, 2) + '\n';
}

/** A requirement in plain text: what a CI tool shows as a rule's help. */
export function helpText(e: CatalogEntry): string {
  const lines = [e.text, ...e.points.map((p) => `• ${p}`), ''];
  lines.push(`${t('explain.retningslinje')}: ${groupTitle(e.retningslinje)}`, `${t('explain.levels')}: ${e.levels.join(', ')}`, `${t('explain.kind')}: ${t(`kind.${e.kind}`)}`);
  if (e.legalBasis.length) lines.push(`${t('explain.legalBasis')}: ${e.legalBasis.join('; ')}`);
  if (e.hint) lines.push(`${t('explain.hint')}: ${e.hint}`);
  lines.push(`${t('explain.source')}: ${e.source}`);
  return lines.join('\n');
}

/** Everything about one requirement, in Danish. `related` are the entries linked to it. */
export function explainText(entry: CatalogEntry, relatedEntries: readonly CatalogEntry[], check: unknown, ctx: FormatContext): string {
  const [e, related] = visibleDeep([entry, relatedEntries] as const);
  const c = paint(ctx);
  const out: string[] = [c.bold(`${e.id}  ${e.levels.join('/')}`), ''];
  out.push(e.verbatim ? `  »${e.text}«` : `  ${e.text}`);
  for (const p of e.points) out.push(`    • ${p}`);
  if (!e.verbatim) out.push('', c.dim(`  ${t('explain.notVerbatim')}`));
  out.push('');
  const field = (k: string, v: string) => out.push(`${c.dim((k + ':').padEnd(20))} ${v}`);
  if (e.printedId) field(t('explain.printedId'), e.printedId);
  field(t('explain.retningslinje'), groupTitle(e.retningslinje));
  field(t('explain.levels'), e.levels.join(', '));
  if (e.parts.length) for (const p of e.parts) field(`  ${p.level}`, p.text);
  if (e.levelNote) field(t('explain.levelNote'), e.levelNote);
  field(t('explain.kind'), kindText(e));
  field(t('explain.actor'), e.actor.join(', '));
  if (e.legalBasis.length) {
    field(t('explain.legalBasis'), e.legalBasis[0] as string);
    for (const l of e.legalBasis.slice(1)) out.push(`${''.padEnd(21)}${l}`);
  }
  if (related.length) {
    field(t('explain.related'), '');
    for (const r of related) out.push(`  ${r.id}: ${r.text}`);
  }
  if (e.hint) field(t('explain.hint'), e.hint);
  field(t('explain.terms'), e.terms.length ? e.terms.map((x) => `"${x}"`).join(', ') : t('explain.noTerms'));
  field(t('explain.check'), check ? jsonText(check) : t('explain.noCheck'));
  field(t('explain.source'), e.source);
  return out.join('\n') + '\n';
}

export function explainMarkdown(e: CatalogEntry, related: readonly CatalogEntry[]): string {
  const out = [`## ${esc(e.id)} · ${e.levels.join('/')}`, '', e.verbatim ? quote(e.text) : esc(e.text), ''];
  for (const p of e.points) out.push(`- ${esc(p)}`);
  out.push('', `- ${t('explain.retningslinje')}: ${esc(groupTitle(e.retningslinje))}`, `- ${t('explain.kind')}: ${kindText(e)}`, `- ${t('explain.actor')}: ${esc(e.actor.join(', '))}`);
  if (e.legalBasis.length) out.push(`- ${t('explain.legalBasis')}: ${e.legalBasis.map(esc).join('; ')}`);
  if (related.length) out.push(`- ${t('explain.related')}: ${related.map((r) => esc(r.id)).join(', ')}`);
  out.push(`- ${t('explain.terms')}: ${e.terms.length ? e.terms.map((x) => `\`${x}\``).join(', ') : esc(t('explain.noTerms'))}`);
  out.push(`- ${t('explain.source')}: ${esc(e.source)}`);
  return out.join('\n') + '\n';
}

/** What a standard says about one requirement (explain --standard): each passage and why it matched. */
export function explainEvidence(file: string, passages: readonly EvidencePassage[], format: 'terminal' | 'markdown', ctx: FormatContext): string {
  const c = paint(ctx);
  const md = format === 'markdown';
  const out: string[] = ['', md ? `### ${esc(t('explain.evidence', { file }))}` : c.bold(t('explain.evidence', { file })), ''];
  if (passages.length === 0) out.push(md ? esc(t('explain.noEvidence')) : `  ${t('explain.noEvidence')}`);
  for (const p of passages) {
    const why = t('explain.matched', { term: p.term, words: p.words.join(', ') });
    if (md) out.push(`- ${esc(`${file}:${p.line}:${p.column}`)} (\`${p.pointer}\`): »${esc(p.quote)}«`, `  - ${esc(why)}`);
    else out.push(`  ${c.dim(`${file}:${p.line}:${p.column}`)}  ${c.dim(p.pointer)}`, `    »${p.quote}«`, `    ${c.dim('→')} ${why}`);
  }
  return out.join('\n') + '\n';
}

/** A legal reference explained from the reference data, or null when it is not one kvalitetstjek knows. */
/** What the reference data says of a citation: a title and labelled facts, or null when it knows nothing. */
function referenceFacts(query: string, data: ReferenceData): { title: string; fields: { label: string; value: string }[] } | null {
  const fields: { label: string; value: string }[] = [];
  const field = (_: unknown, label: string, value: string) => fields.push({ label, value });
  const out: string[] = [];
  const citation = citationsIn(query, '', data)[0];
  if (!citation) return null;
  if (citation.kind === 'name') {
    const register = data.registers.find((n) => n.id === citation.name);
    if (!register) return null;
    out.push(register.title);
    field(out, t('explain.register'), register.expected);
    field(out, t('explain.about'), register.about);
    field(out, t('explain.source'), citeSources(register.sources, data));
    return { title: out[0] ?? '', fields };
  }
  if (citation.kind !== 'provision' || !citation.law) return null;
  const same = (p: Provision) => p.law === citation.law && p.paragraph === citation.paragraph;
  // A stk. of a provision that has moved as a whole is explained by the whole provision.
  const provision = data.provisions.find((p) => same(p) && (p.stk ?? null) === citation.stk) ?? data.provisions.find((p) => same(p) && p.stk === undefined && p.replacedBy !== undefined);
  const formerlyHere = data.provisions.flatMap((p) => (same(p) && citation.stk !== null ? (p.formerly ?? []).filter((f) => f.stk === citation.stk && f.stk !== p.stk).map((f) => ({ p, f })) : []));
  if (!provision && formerlyHere.length === 0) return null;
  out.push(describeProvision({ law: citation.law, paragraph: citation.paragraph ?? '', stk: citation.stk }));
  const byId = (id: string) => data.provisions.find((p) => p.id === id);
  const named = (ids: readonly string[]) =>
    ids
      .map(byId)
      .filter((p): p is Provision => p !== undefined)
      .map((p) => `${describeProvision(p)} (${p.title})`)
      .join('; ');
  if (provision) {
    field(out, t('explain.about'), provision.about);
    if (provision.from) field(out, t('explain.from'), longDate(provision.from));
    if (provision.until) field(out, t('explain.until'), longDate(provision.until));
    if (provision.replacedBy) field(out, t('explain.replacedBy'), named(provision.replacedBy));
    for (const f of provision.formerly ?? []) field(out, t('explain.formerly'), t('explain.formerlyStk', { stk: f.stk, until: longDate(f.until) }));
    if (provision.underAge) field(out, t('explain.underAge'), t('explain.underAgeText', { since: longDate(provision.underAge.from), current: named(provision.underAge.replacedBy) }));
    const refs = [...provision.sources, ...(provision.formerly ?? []).flatMap((f) => f.sources), ...(provision.underAge?.sources ?? [])];
    field(out, t('explain.source'), citeSources(refs, data));
  }
  for (const { p, f } of formerlyHere) {
    field(out, t('explain.formerlyHere'), t('explain.formerlyHereText', { title: p.title, until: longDate(f.until), current: describeProvision(p) }));
    field(out, t('explain.source'), citeSources([...f.sources, ...p.sources], data));
  }
  return { title: out[0] ?? '', fields };
}

/** A legal reference explained from the reference data, as text, Markdown or JSON; null when unknown. */
export function explainReference(query: string, data: ReferenceData, ctx: FormatContext, format: 'terminal' | 'markdown' | 'json' = 'terminal'): string | null {
  const facts = referenceFacts(query, data);
  if (!facts) return null;
  if (format === 'json') return jsonText({ reference: facts.title, fields: facts.fields }, 2) + '\n';
  if (format === 'markdown') return [`# ${esc(facts.title)}`, '', ...facts.fields.map((f) => `- **${esc(f.label)}:** ${esc(f.value)}`)].join('\n') + '\n';
  const c = paint(ctx);
  return [c.bold(visible(facts.title)), '', ...facts.fields.map((f) => `${c.dim((f.label + ':').padEnd(20))} ${visible(f.value)}`)].join('\n') + '\n';
}
