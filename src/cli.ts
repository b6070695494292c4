// Argument parsing and exit codes only: the work is done by the core, the printing by formatters.
// Exit codes: 0 nothing at or above the fail level is missing, 1 something is, 2 usage or input error.
import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { audit, evidenceFor } from './audit.js';
import type { Report } from './audit.js';
import { loadAnyStandard, markImported } from './any-standard.js';
import { catalog, loadBundledChecklists, KINDS, LEVELS, loadChecklists, relatedIds } from './checklist.js';
import type { CatalogEntry, Checklist } from './checklist.js';
import { InputError } from './errors.js';
import { FORMAT_NAMES, loadFormatter } from './formatters/index.js';
import type { FormatName } from './formatters/index.js';
import { writeOutputs } from './io.js';
import { findChromium, printPdf } from './pdf.js';
import { gitRevisions, gitShow, gitShowIfPresent } from './git.js';
import { t } from './messages.js';
import type { MessageArgs, MessageId } from './messages.js';
import { jsonText, visibleLine } from './safe-text.js';
import { example, skeleton } from './skeleton.js';
import { loadReferenceData } from './reference-data.js';
import { loadStandard, parseStandard } from './standard.js';
import { baselineEntries, baselineText, readBaseline, prunedBaseline, staleEntries } from './baseline.js';
import { diff } from './diff.js';
import { checkDeclarations } from './declarations.js';
import { forDisplay } from './display.js';
import type { Visibility } from './display.js';
import { expandInputs } from './files.js';
import { trendOf } from './trend.js';
import { readDocument } from './readers/index.js';
import { basename } from 'node:path';
import { closest } from 'fastest-levenshtein';
import { VERSION } from './version.js';

// The catalog and diff renderers (with the colour and table libraries) load only for their commands.
const catalogFormats = () => import('./formatters/catalog.js');
const diffFormats = () => import('./formatters/diff.js');

type FailOn = 'skal' | 'bør' | 'aldrig';
const FAIL_LEVELS = ['skal', 'bør', 'aldrig'] as const;
const CATALOG_FORMATS = ['terminal', 'markdown', 'json'] as const;

/** The audit's formats: the formatters, and the PDF printed from the HTML report. */
const AUDIT_FORMATS = [...FORMAT_NAMES, 'pdf'] as const;

interface AuditCliOptions {
  chromium?: string;
  format?: string[];
  output?: string[];
  dato?: string;
  failOn: FailOn;
  vis: Visibility;
  baseline?: string;
  opretBaseline?: string;
  rydBaseline?: boolean;
  varselDage: string;
  checklist?: string[];
  lokal?: string[];
  forslag?: boolean;
}

interface DiffCliOptions {
  git?: string;
  format?: string[];
  output?: string[];
  dato?: string;
  failOn: FailOn;
  checklist?: string[];
  lokal?: string[];
}

/** What counts toward the exit code: a wrong citation weighs as a missing skal, an outdated name as a bør. */
function failing(gaps: { skal: number; bør: number }, refs: { errors: number; warnings: number }, failOn: FailOn): number {
  return failOn === 'skal' ? gaps.skal + refs.errors : failOn === 'bør' ? gaps.skal + gaps.bør + refs.errors + refs.warnings : 0;
}

/** The i-th --output belongs to the i-th --format; one format without an output goes to the screen. */
function pairOutputs<F extends string = FormatName>(formats: readonly string[], outputs: readonly string[], allowed: readonly F[] = FORMAT_NAMES as unknown as F[]): { format: F; output?: string }[] {
  for (const f of formats) {
    if (!(allowed as readonly string[]).includes(f)) throw new InputError('', undefined, 'usage.badChoice', { value: f, option: '--format', allowed: allowed.join(', ') });
  }
  if (formats.length - outputs.length > 1 || (outputs.length > formats.length && formats.length > 1)) throw new InputError('', undefined, 'usage.formatsOutputs');
  // A lone --output with the default format writes the terminal report to the file.
  const list = formats.length < outputs.length ? [...formats, ...Array<string>(outputs.length - formats.length).fill(formats[0] ?? 'terminal')] : formats;
  return list.map((format, i) => ({ format: format as F, output: outputs[i] }));
}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  columns: number;
  env: Record<string, string | undefined>;
  today: () => string;
}

function todayInDenmark(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
}

export const processIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns ?? 100,
  env: process.env,
  today: todayInDenmark,
});

/** Colour on a terminal; never in a file; NO_COLOR (non-empty) turns it off, FORCE_COLOR on. */
function useColor(io: Io, toFile: boolean): boolean {
  if (toFile) return false;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.isTTY;
}

function parseDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== value) throw new InputError('', undefined, 'usage.badDate', { value });
  return value;
}

/** A value as typed, in the spelling the choices use: any case, and "oe" for "ø" where a keyboard lacks it ("boer"). */
const normalizeChoice = (value: string) => value.normalize('NFC').toLocaleLowerCase('da').replace(/oe/g, 'ø');

/**
 * An option with fixed values. `danish` maps the Danish names users type and read to the internal
 * values, which stay accepted as aliases (the English names of earlier versions).
 */
const choice = <T extends string>(flags: string, description: string, values: readonly T[], fallback?: T, danish?: Readonly<Record<string, T>>) => {
  const o = new Option(flags, description).argParser((value: string): T => {
    const typed = normalizeChoice(value);
    const found = values.find((v) => v === value || v === typed) ?? danish?.[typed];
    // commander's own wording, which COMMANDER_MESSAGES turns into the Danish usage error.
    if (found === undefined) throw new InvalidArgumentError(`Allowed choices are ${(danish ? Object.keys(danish) : values).join(', ')}.`);
    return found;
  });
  return fallback === undefined ? o : o.default(fallback);
};

function checklistsFrom(opts: { checklist?: string[]; lokal?: string[] }): Checklist[] {
  const explicit = opts.checklist && opts.checklist.length > 0;
  const lists = explicit ? loadChecklists(opts.checklist ?? []) : loadBundledChecklists();
  return opts.lokal?.length ? [...lists, ...loadChecklists(opts.lokal)] : lists;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** A message for the terminal that quotes input (a file name, an id): on one line, controls shown. */
const say = (id: MessageId, args?: MessageArgs) => visibleLine(t(id, args));

/** One piece of output: to a file (then `notice` is said on stderr), or to the screen. */
interface Emitted {
  text: string | Uint8Array;
  output?: string;
  notice?: string;
  append?: boolean;
}

/** The files first, all of them or none; then the screen; then what was written where. */
function emit(io: Io, items: readonly Emitted[], inputs: readonly string[]): void {
  writeOutputs(
    items.flatMap((i) => (i.output ? [{ file: i.output, content: i.text, append: i.append }] : [])),
    inputs,
  );
  for (const i of items) if (!i.output && typeof i.text === 'string') io.stdout(i.text);
  for (const i of items) if (i.output && i.notice) io.stderr(i.notice + '\n');
}

const written = (output: string | undefined) => (output ? say('cli.written', { file: output }) : undefined);

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('kvalitetstjek');
  const danishHelp = (cmd: Command) =>
    cmd
      .helpOption('-h, --help', t('cli.helpOption'))
      .configureHelp({
        commandUsage: (c: Command) => danishUsage(new Help().commandUsage(c)),
        subcommandTerm: (c: Command) => danishUsage(new Help().subcommandTerm(c)),
        optionDescription: (o: Option) =>
          o.defaultValue !== undefined && !o.negate ? `${o.description} (standard: ${String(o.defaultValue)})` : o.description,
        styleTitle: (s: string) => HELP_TITLES[s] ?? s,
      })
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
      .exitOverride();

  danishHelp(program)
    .description(t('cli.description'))
    .version(VERSION, '-V, --version', t('cli.versionOption'))
    .helpCommand(t('cli.helpCommand'), t('cli.helpCommandDescription'))
    .addHelpText('after', t('cli.help.after'))
    .showSuggestionAfterError(false);

  const checklistOptions = (cmd: Command) =>
    cmd
      .option('--checklist <fil>', t('cli.opt.checklist'), collect)
      .option('--lokal <fil>', t('cli.opt.extraChecklist'), collect);

  checklistOptions(
    danishHelp(program.command('audit'))
      .description(t('cli.audit'))
      .argument('<filer...>', t('cli.audit.files'))
      .option('-f, --format <format>', t('cli.opt.format'), collect)
      .option('-o, --output <fil>', t('cli.opt.output'), collect)
      .option('--dato <ÅÅÅÅ-MM-DD>', t('cli.opt.date'))
      .addOption(choice('--fail-on <niveau>', t('cli.opt.failOn'), FAIL_LEVELS, 'skal'))
      .addOption(choice('--vis <niveau>', t('cli.opt.vis'), ['skal', 'bør', 'alle'] as const, 'alle'))
      .option('--baseline <fil>', t('cli.opt.baseline'))
      .option('--opret-baseline <fil>', t('cli.opt.createBaseline'))
      .option('--ryd-baseline', t('cli.opt.pruneBaseline'))
      .option('--varsel-dage <dage>', t('cli.opt.warnDays'), '60')
      .option('--forslag', t('cli.opt.forslag'))
      .option('--chromium <sti>', t('cli.opt.chromium')),
  ).action(async (inputs: string[], opts: AuditCliOptions) => {
    const outputs = pairOutputs(opts.format ?? ['terminal'], opts.output ?? [], AUDIT_FORMATS);
    if (outputs.some((o) => o.format === 'pdf' && !o.output)) throw new InputError('', undefined, 'usage.pdfNeedsOutput');
    // Chromium is looked for before any work is done: a missing one is said at once.
    const chromium = outputs.some((o) => o.format === 'pdf') ? findChromium(opts.chromium, io.env) : undefined;
    const auditDate = opts.dato ? parseDate(opts.dato) : io.today();
    const warnDays = Number(opts.varselDage);
    if (!Number.isInteger(warnDays) || warnDays < 0) throw new InputError('', undefined, 'usage.badNumber', { option: '--varsel-dage', value: opts.varselDage });
    const files = await expandInputs(inputs);
    if (files.length === 0) throw new InputError('', undefined, 'usage.noFiles', { pattern: inputs.join(' ') });
    const lists = checklistsFrom(opts);
    const references = loadReferenceData();
    if (opts.rydBaseline && !opts.baseline) throw new InputError('', undefined, 'usage.pruneNeedsBaseline');
    const loadedBaseline = opts.baseline ? readBaseline(opts.baseline) : undefined;
    const baseline = loadedBaseline?.entries;
    // Each file is audited as soon as it is read, so its parsed YAML document can go before the
    // next one is parsed: a batch keeps only the reports.
    const hasDeclarations: boolean[] = [];
    const reports: Report[] = [];
    for (const [i, file] of files.entries()) {
      if (files.length > 1 && io.isTTY) io.stderr(`\r\u001b[K${say('cli.progress', { i: i + 1, n: files.length, file })}`);
      // A published standard (PDF, Word, HTML, Markdown, text) is imported in memory first.
      const { standard, imported } = await loadAnyStandard(file, auditDate);
      checkDeclarations(standard, lists);
      hasDeclarations.push(Array.isArray(standard.data.erklæringer));
      const report = audit(standard, lists, { auditDate, references, baseline, warnDays });
      reports.push(imported ? markImported(report, imported) : report);
    }
    if (files.length > 1 && io.isTTY) io.stderr('\r\u001b[K');
    const inputFiles = [...files, ...lists.map((l) => l.file), ...(opts.baseline ? [opts.baseline] : [])];
    const shown = reports.map((r) => forDisplay(r, opts.vis));
    // Everything is rendered before anything is written, so a failed write leaves no file behind.
    const items: Emitted[] = [];
    for (const { format, output } of outputs) {
      // With --forslag the screen shows the proposals instead of a report; with --opret-baseline, what was written.
      if ((opts.forslag || opts.opretBaseline) && !output) continue;
      const render = await loadFormatter(format === 'pdf' ? 'html' : format);
      const text = render(shown, { color: useColor(io, Boolean(output)), width: output ? undefined : io.columns });
      items.push({ text: format === 'pdf' ? printPdf(text, chromium as string) : text, output, notice: written(output) });
      // In GitHub Actions the annotations come with a step summary (GitHub shows only a few annotations).
      const summary = io.env.GITHUB_STEP_SUMMARY;
      if (format === 'github' && summary) items.push({ text: (await import('./formatters/github.js')).githubSummary(shown), output: summary, append: true });
    }
    if (opts.forslag) {
      const { proposals } = await import('./formatters/proposals.js');
      io.stdout(proposals(reports.map((report, i) => ({ report, hasDeclarations: hasDeclarations[i] ?? false }))));
    }
    if (opts.opretBaseline) {
      // As ESLint's bulk suppressions: writing a baseline is the run's purpose, so it succeeds and lists what it wrote.
      const entries = baselineEntries(reports);
      const listing = [say('cli.baselineWritten', { file: opts.opretBaseline, count: entries.length }), ...entries.map((b) => say('cli.baselineEntry', { kommune: b.kommune, key: b.nøgle })), say('cli.baselineFill')];
      items.push({ text: baselineText(entries), output: opts.opretBaseline }, { text: listing.join('\n') + '\n' });
    }
    const stale = loadedBaseline && opts.baseline ? staleEntries(loadedBaseline.entries, reports) : [];
    if (opts.rydBaseline && opts.baseline && loadedBaseline && stale.length > 0) {
      items.push({ text: prunedBaseline(loadedBaseline.text, stale), output: opts.baseline, notice: say('cli.baselinePruned', { file: opts.baseline, count: stale.length }) });
    }
    // The baseline is an input that --ryd-baseline may rewrite, so it is not guarded as one.
    emit(io, items, opts.rydBaseline ? inputFiles.filter((f) => f !== opts.baseline) : inputFiles);
    if (stale.length > 0 && !opts.rydBaseline) {
      io.stderr([say('cli.baselineStale', { file: opts.baseline ?? '', count: stale.length }), ...stale.map((b) => say('cli.baselineEntry', { kommune: b.kommune, key: b.nøgle }))].join('\n') + '\n');
    }
    if (opts.opretBaseline) return setExit(0);
    setExit(reports.some((r) => failing(r.summary.gaps, r.summary.references, opts.failOn) > 0) ? 1 : 0);
  });

  checklistOptions(
    danishHelp(program.command('diff'))
      .description(t('cli.diff'))
      .argument('<gammel>', t('cli.diff.old'))
      .argument('[ny]', t('cli.diff.new'))
      .option('--git <revision>', t('cli.opt.git'))
      .option('-f, --format <format>', t('cli.opt.format'), collect)
      .option('-o, --output <fil>', t('cli.opt.output'), collect)
      .option('--dato <ÅÅÅÅ-MM-DD>', t('cli.opt.date'))
      .addOption(choice('--fail-on <niveau>', t('cli.opt.failOn'), FAIL_LEVELS, 'skal')),
  ).action(async (oldFile: string, newFile: string | undefined, opts: DiffCliOptions) => {
    if ((newFile === undefined) === (opts.git === undefined)) throw new InputError('', undefined, 'usage.diffArgs');
    const outputs = pairOutputs(opts.format ?? ['terminal'], opts.output ?? []);
    const auditDate = opts.dato ? parseDate(opts.dato) : io.today();
    const current = loadStandard(newFile ?? oldFile);
    // A file added since the revision has no old side: it is read as empty, so every gap is new.
    const oldText = opts.git !== undefined ? gitShowIfPresent(oldFile, opts.git) : undefined;
    const previous = oldText === null ? null : oldText !== undefined ? parseStandard(`${opts.git}:${oldFile}`, oldText) : loadStandard(oldFile);
    const lists = checklistsFrom(opts);
    checkDeclarations(current, lists);
    const references = loadReferenceData();
    const before = previous ? audit(previous, lists, { auditDate, references }) : { file: `${opts.git}:${oldFile}`, absent: true as const };
    const after = audit(current, lists, { auditDate, references });
    const d = diff(before, after, previous?.data ?? {}, current.data);
    const { diffJson, diffMarkdown, diffTerminal } = await diffFormats();
    const items: Emitted[] = [];
    for (const { format, output } of outputs) {
      const ctx = { color: useColor(io, Boolean(output)), width: output ? undefined : io.columns };
      const text =
        format === 'terminal' ? diffTerminal(d, ctx) : format === 'markdown' ? diffMarkdown(d) : format === 'json' ? diffJson(d) : (await loadFormatter(format))([d.regressions], ctx);
      items.push({ text, output, notice: written(output) });
    }
    emit(io, items, [oldFile, ...(newFile ? [newFile] : [])]);
    const regressions = d.changes.filter((c) => c.kind === 'regression');
    const gaps = { skal: regressions.filter((c) => c.level === 'skal').length, bør: regressions.filter((c) => c.level === 'bør').length };
    const refs = { errors: d.references.added.filter((r) => r.severity === 'error').length, warnings: d.references.added.filter((r) => r.severity === 'warning').length };
    setExit(failing(gaps, refs, opts.failOn) > 0 ? 1 : 0);
  });

  danishHelp(program.command('validate'))
    .description(t('cli.validate'))
    .argument('<fil>', t('cli.audit.file'))
    .action((file: string) => {
      loadStandard(file);
      io.stdout(say('cli.valid', { file }) + '\n');
      setExit(0);
    });

  danishHelp(program.command('init'))
    .description(t('cli.init'))
    .argument('[fil]', t('cli.init.file'), 'kvalitetsstandard.yaml')
    .option('--eksempel', t('cli.opt.example'))
    .action((file: string, opts: { eksempel?: boolean }) => {
      writeOutputs([{ file, content: opts.eksempel ? example(file) : skeleton(file) }], [], true);
      io.stdout(say(opts.eksempel ? 'cli.exampleWritten' : 'cli.initWritten', { file }) + '\n');
      setExit(0);
    });

  checklistOptions(
    danishHelp(program.command('rapport'))
      .description(t('cli.rapport'))
      .argument('<filer...>', t('cli.rapport.files'))
      .option('--historik', t('cli.opt.historik'))
      .option('--max <antal>', t('cli.opt.max'), '8')
      .addOption(choice('-f, --format <format>', t('cli.opt.rapportFormat'), ['html', 'pdf', 'markdown', 'json'] as const, 'html'))
      .option('-o, --output <fil>', t('cli.opt.output'))
      .option('--dato <ÅÅÅÅ-MM-DD>', t('cli.opt.date'))
      .option('--chromium <sti>', t('cli.opt.chromium')),
  ).action(async (files: string[], opts: { historik?: boolean; max: string; format: 'html' | 'pdf' | 'markdown' | 'json'; output?: string; dato?: string; checklist?: string[]; lokal?: string[]; chromium?: string }) => {
    if (opts.historik ? files.length !== 1 : files.length < 2) throw new InputError('', undefined, 'usage.rapportArgs');
    if (opts.format === 'pdf' && !opts.output) throw new InputError('', undefined, 'usage.pdfNeedsOutput');
    const chromium = opts.format === 'pdf' ? findChromium(opts.chromium, io.env) : undefined;
    const max = Number(opts.max);
    if (!/^\d+$/.test(opts.max) || !Number.isSafeInteger(max) || max < 1) throw new InputError('', undefined, 'usage.badCount', { option: '--max', value: opts.max });
    const auditDate = opts.dato ? parseDate(opts.dato) : io.today();
    const standards = opts.historik
      ? gitRevisions(files[0] as string, max).map(({ rev, label }) => ({ label, standard: parseStandard(`${rev}:${files[0]}`, gitShow(files[0] as string, rev)) }))
      : files.map((f) => {
          const standard = loadStandard(f);
          return { label: standard.data.version ?? standard.data.senest_revideret ?? basename(f), standard };
        });
    const lists = checklistsFrom(opts);
    const references = loadReferenceData();
    const trend = trendOf(standards.map(({ label, standard }) => ({ label, report: audit(standard, lists, { auditDate, references }), data: standard.data })));
    // Loaded here: marked and the HTML report are not needed by any other command.
    const { trendHtml, trendJson, trendMarkdown } = await import('./formatters/trend.js');
    const text = opts.format === 'json' ? trendJson(trend) : opts.format === 'markdown' ? trendMarkdown(trend) : opts.format === 'pdf' ? printPdf(trendHtml(trend), chromium as string) : trendHtml(trend);
    emit(io, [{ text, output: opts.output, notice: written(opts.output) }], files);
    setExit(0);
  });

  danishHelp(program.command('import'))
    .description(t('cli.import'))
    .argument('<fil>', t('cli.import.file'))
    .option('-o, --output <fil>', t('cli.opt.output'))
    .option('--kommune <navn>', t('cli.opt.kommune'))
    .action(async (file: string, opts: { output?: string; kommune?: string }) => {
      const document = await readDocument(file);
      const { importDocument, schemaPathFor } = await import('./import.js');
      const schemaPath = schemaPathFor(opts.output ?? 'udkast.yaml');
      const result = importDocument(document, { source: basename(file), date: io.today(), references: loadReferenceData(), kommune: opts.kommune, schemaPath });
      const notice = opts.output ? say('import.written', { file: opts.output, placed: Object.keys(result.placed).length, unplaced: result.unplaced }) : undefined;
      emit(io, [{ text: result.yaml, output: opts.output, notice }], [file]);
      setExit(0);
    });

  const checklistCmd = danishHelp(program.command('checklist')).description(t('cli.checklist'));
  checklistOptions(
    danishHelp(checklistCmd.command('list'))
      .description(t('cli.checklist.list'))
      .addOption(choice('--niveau <niveau>', t('cli.opt.level'), LEVELS))
      .addOption(choice('--type <type>', t('cli.opt.kind'), KINDS, undefined, { dokumentkrav: 'document', serviceniveau: 'service', praksis: 'practice' }))
      .addOption(choice('-f, --format <format>', t('cli.opt.catalogFormat'), CATALOG_FORMATS, 'terminal')),
  ).action(async (opts: { niveau?: string; type?: string; format: (typeof CATALOG_FORMATS)[number]; checklist?: string[]; lokal?: string[] }) => {
    const { catalogJson, catalogMarkdown, catalogTerminal } = await catalogFormats();
    const entries = catalog(checklistsFrom(opts)).filter(
      (e) => (!opts.niveau || (e.levels as string[]).includes(opts.niveau)) && (!opts.type || e.kind === opts.type),
    );

    const ctx = { color: useColor(io, false) };
    io.stdout(opts.format === 'json' ? catalogJson(entries) : opts.format === 'markdown' ? catalogMarkdown(entries) : catalogTerminal(entries, ctx, io.columns));
    setExit(0);
  });

  checklistOptions(
    danishHelp(program.command('explain'))
      .description(t('cli.explain'))
      .argument('<id>', t('cli.explain.id'))
      .addOption(choice('-f, --format <format>', t('cli.opt.catalogFormat'), CATALOG_FORMATS, 'terminal'))
      .option('--standard <fil>', t('cli.opt.standard')),
  ).action(async (id: string, opts: { format: (typeof CATALOG_FORMATS)[number]; checklist?: string[]; lokal?: string[]; standard?: string }) => {
    const { explainEvidence, explainMarkdown, explainReference, explainText } = await catalogFormats();
    const lists = checklistsFrom(opts);
    const entries = catalog(lists);
    const entry = findEntry(entries, id);
    const ctx = { color: useColor(io, false) };
    if (!entry) {
      // Not a requirement: perhaps a legal reference ("SEL § 101, stk. 4", "SIB").
      const explained = explainReference(id, loadReferenceData(), ctx, opts.format);
      if (explained === null) {
        if (id.includes('§')) throw new InputError('', undefined, 'usage.unknownReference', { id });
        const suggestion = entries.length ? closest(id, entries.map((e) => e.id)) : '';
        throw new InputError('', undefined, 'usage.unknownRequirement', { id, suggestion });
      }
      io.stdout(explained);
      setExit(0);
      return;
    }
    const related = relatedIds(entries, entry.id)
      .map((r) => entries.find((e) => e.id === r))
      .filter((e): e is CatalogEntry => e !== undefined);
    const check = lists.flatMap((l) => l.requirements).find((r) => r.id === entry.id)?.check;
    // With --standard: the passages of that standard that hold one of the requirement's terms.
    const evidence = opts.standard ? evidenceFor(loadStandard(opts.standard), entry.terms) : undefined;
    const out =
      opts.format === 'json'
        ? jsonText({ ...entry, relatedRequirements: related.map((r) => r.id), check: check ?? null, ...(evidence ? { evidence } : {}) }, 2) + '\n'
        : (opts.format === 'markdown' ? explainMarkdown(entry, related) : explainText(entry, related, check, ctx)) +
          (evidence && opts.standard ? explainEvidence(opts.standard, evidence, opts.format, ctx) : '');
    io.stdout(out);
    setExit(0);
  });

  return program;
}

/** Ids are matched exactly, then case-insensitively, then by the printed number. */
function findEntry(entries: readonly CatalogEntry[], id: string): CatalogEntry | undefined {
  const wanted = id.trim().replace(/\.$/, '');
  return (
    entries.find((e) => e.id === wanted) ??
    entries.find((e) => e.id.toLowerCase() === wanted.toLowerCase()) ??
    entries.find((e) => e.printedId === wanted)
  );
}

const COMMANDER_MESSAGES: Record<string, (m: string) => string> = {
  'commander.unknownOption': (m) => t('usage.unknownOption', { option: quoted(m) }),
  'commander.unknownCommand': (m) => t('usage.unknownCommand', { command: quoted(m) }),
  'commander.missingArgument': (m) => t('usage.missingArgument', { argument: quoted(m) }),
  'commander.optionMissingArgument': (m) => t('usage.optionMissingArgument', { option: quoted(m) }),
  'commander.excessArguments': () => t('usage.excessArguments'),
  'commander.invalidArgument': (m) => {
    const [flag, value] = [...m.matchAll(/'([^']*)'/g)].map((x) => x[1]);
    const allowed = /Allowed choices are (.*)\./.exec(m)?.[1] ?? '';
    return t('usage.badChoice', { value: value ?? '', option: flag ?? '', allowed });
  },
  'commander.missingMandatoryOptionValue': (m) => t('usage.mandatoryOption', { option: quoted(m) }),
};

const danishUsage = (usage: string) => usage.replace('[options]', t('cli.usage.options')).replace('[command]', t('cli.usage.command'));

/** commander's section titles, in Danish. */
const HELP_TITLES: Record<string, string> = {
  'Usage:': t('cli.title.usage'),
  'Options:': t('cli.title.options'),
  'Commands:': t('cli.title.commands'),
  'Arguments:': t('cli.title.arguments'),
  'Global Options:': t('cli.title.globalOptions'),
};

function quoted(message: string): string {
  return /'([^']*)'/.exec(message)?.[0] ?? '';
}

/** Run the CLI; returns the exit code. Never throws, never prints a stack trace for bad input. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      if (err.code === 'commander.executeSubCommandAsync') return err.exitCode;
      const translate = COMMANDER_MESSAGES[err.code];
      const text = translate ? translate(err.message) : err.message.replace(/^error: /, '');
      io.stderr(`kvalitetstjek: ${t('cli.error')}: ${visibleLine(text)}\n`);
      return 2;
    }
    if (err instanceof InputError) {
      io.stderr(err.format() + '\n');
      return 2;
    }
    io.stderr(say('cli.unexpected', { detail: err instanceof Error ? err.message : String(err) }) + '\n');
    return 2;
  }
}
