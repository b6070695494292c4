// Argument parsing and exit codes only: the work is done by the core, the printing by formatters.
// Exit codes: 0 nothing at or above the fail level is missing, 1 something is, 2 usage or input error.
import { Command, CommanderError, Help, Option } from 'commander';
import { audit } from './audit.js';
import { catalog, loadBundledChecklists, KINDS, LEVELS, loadChecklists, relatedIds } from './checklist.js';
import type { CatalogEntry, Checklist } from './checklist.js';
import { InputError } from './errors.js';
import { catalogJson, catalogMarkdown, catalogTerminal, explainMarkdown, explainReference, explainText } from './formatters/catalog.js';
import { FORMAT_NAMES, loadFormatter } from './formatters/index.js';
import type { FormatName } from './formatters/index.js';
import { writeWhole } from './io.js';
import { t } from './messages.js';
import { skeleton } from './skeleton.js';
import { loadReferenceData } from './reference-data.js';
import { loadStandard } from './standard.js';
import { closest } from 'fastest-levenshtein';
import { VERSION } from './version.js';

type FailOn = 'skal' | 'bør' | 'aldrig';

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
  if (!d || d.toISOString().slice(0, 10) !== value) throw new InputError('--dato', undefined, 'usage.badDate', { value });
  return value;
}

const choice = <T extends string>(flags: string, description: string, values: readonly T[], fallback?: T) => {
  const o = new Option(flags, description).choices([...values]);
  return fallback === undefined ? o : o.default(fallback);
};

function checklistsFrom(opts: { checklist?: string[]; lokal?: string[] }): Checklist[] {
  const explicit = opts.checklist && opts.checklist.length > 0;
  const lists = explicit ? loadChecklists(opts.checklist ?? []) : loadBundledChecklists();
  return opts.lokal?.length ? [...lists, ...loadChecklists(opts.lokal)] : lists;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function emit(io: Io, text: string, output: string | undefined, inputs: readonly string[]): void {
  if (output) {
    writeWhole(output, text, inputs);
    io.stderr(t('cli.written', { file: output }) + '\n');
  } else {
    io.stdout(text);
  }
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('kvalitetstjek');
  const danishHelp = (cmd: Command) =>
    cmd
      .helpOption('-h, --help', 'vis denne hjælp')
      .configureHelp({
        commandUsage: (c: Command) => danishUsage(new Help().commandUsage(c)),
        subcommandTerm: (c: Command) => danishUsage(new Help().subcommandTerm(c)),
        optionDescription: (o: Option) =>
          o.defaultValue !== undefined && !o.negate ? `${o.description} (standard: ${String(o.defaultValue)})` : o.description,
        styleTitle: (s: string) =>
          ({ 'Usage:': 'Brug:', 'Options:': 'Tilvalg:', 'Commands:': 'Kommandoer:', 'Arguments:': 'Argumenter:', 'Global Options:': 'Fælles tilvalg:' })[s] ?? s,
      })
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
      .exitOverride();

  danishHelp(program)
    .description(t('cli.description'))
    .version(VERSION, '-V, --version', 'vis versionsnummeret')
    .helpCommand('help [kommando]', 'vis hjælp til en kommando')
    .addHelpText('after', t('cli.help.after'))
    .showSuggestionAfterError(false);

  const checklistOptions = (cmd: Command) =>
    cmd
      .option('--checklist <fil>', t('cli.opt.checklist'), collect)
      .option('--lokal <fil>', t('cli.opt.extraChecklist'), collect);

  checklistOptions(
    danishHelp(program.command('audit'))
      .description(t('cli.audit'))
      .argument('<fil>', t('cli.audit.file'))
      .addOption(choice('-f, --format <format>', t('cli.opt.format'), FORMAT_NAMES, 'terminal'))
      .option('-o, --output <fil>', t('cli.opt.output'))
      .option('--dato <ÅÅÅÅ-MM-DD>', t('cli.opt.date'))
      .addOption(choice('--fail-on <niveau>', t('cli.opt.failOn'), ['skal', 'bør', 'aldrig'] as const, 'skal')),
  ).action(async (file: string, opts: { format: FormatName; output?: string; dato?: string; failOn: FailOn; checklist?: string[]; lokal?: string[] }) => {
    const auditDate = opts.dato ? parseDate(opts.dato) : io.today();
    const standard = loadStandard(file);
    const lists = checklistsFrom(opts);
    const report = audit(standard, lists, { auditDate, references: loadReferenceData() });
    const format = await loadFormatter(opts.format);
    const toFile = Boolean(opts.output);
    const text = format(report, { color: useColor(io, toFile), width: toFile ? undefined : io.columns });
    emit(io, text, opts.output, [file, ...lists.map((l) => l.file)]);
    // A wrong citation of the law weighs as a missing skal, an outdated name as a bør.
    const g = report.summary.gaps;
    const r = report.summary.references;
    const failing = opts.failOn === 'skal' ? g.skal + r.errors : opts.failOn === 'bør' ? g.skal + g.bør + r.errors + r.warnings : 0;
    setExit(failing > 0 ? 1 : 0);
  });

  danishHelp(program.command('validate'))
    .description(t('cli.validate'))
    .argument('<fil>', t('cli.audit.file'))
    .action((file: string) => {
      loadStandard(file);
      io.stdout(t('cli.valid', { file }) + '\n');
      setExit(0);
    });

  danishHelp(program.command('init'))
    .description(t('cli.init'))
    .argument('[fil]', t('cli.init.file'), 'kvalitetsstandard.yaml')
    .action((file: string) => {
      writeWhole(file, skeleton(), [], true);
      io.stdout(t('cli.initWritten', { file }) + '\n');
      setExit(0);
    });

  const checklistCmd = danishHelp(program.command('checklist')).description(t('cli.checklist'));
  checklistOptions(
    danishHelp(checklistCmd.command('list'))
      .description(t('cli.checklist.list'))
      .addOption(choice('--niveau <niveau>', t('cli.opt.level'), LEVELS))
      .addOption(choice('--type <type>', t('cli.opt.kind'), KINDS))
      .addOption(choice('-f, --format <format>', t('cli.opt.format'), FORMAT_NAMES, 'terminal')),
  ).action((opts: { niveau?: string; type?: string; format: FormatName; checklist?: string[]; lokal?: string[] }) => {
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
      .addOption(choice('-f, --format <format>', t('cli.opt.format'), FORMAT_NAMES, 'terminal')),
  ).action((id: string, opts: { format: FormatName; checklist?: string[]; lokal?: string[] }) => {
    const lists = checklistsFrom(opts);
    const entries = catalog(lists);
    const entry = findEntry(entries, id);
    const ctx = { color: useColor(io, false) };
    if (!entry) {
      // Not a requirement: perhaps a legal reference ("SEL § 101, stk. 4", "SIB").
      const explained = explainReference(id, loadReferenceData(), ctx);
      if (explained === null) {
        if (id.includes('§')) throw new InputError('explain', undefined, 'usage.unknownReference', { id });
        const suggestion = entries.length ? closest(id, entries.map((e) => e.id)) : '';
        throw new InputError('explain', undefined, 'usage.unknownRequirement', { id, suggestion });
      }
      io.stdout(explained);
      setExit(0);
      return;
    }
    const related = relatedIds(entries, entry.id)
      .map((r) => entries.find((e) => e.id === r))
      .filter((e): e is CatalogEntry => e !== undefined);
    const check = lists.flatMap((l) => l.requirements).find((r) => r.id === entry.id)?.check;
    const out =
      opts.format === 'json'
        ? JSON.stringify({ ...entry, relatedRequirements: related.map((r) => r.id), check: check ?? null }, null, 2) + '\n'
        : opts.format === 'markdown'
          ? explainMarkdown(entry, related)
          : explainText(entry, related, check, ctx);
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
  'commander.unknownOption': (m) => `ukendt tilvalg ${quoted(m)}`,
  'commander.unknownCommand': (m) => `ukendt kommando ${quoted(m)}; se kvalitetstjek --help`,
  'commander.missingArgument': (m) => `argumentet ${quoted(m)} mangler`,
  'commander.optionMissingArgument': (m) => `tilvalget ${quoted(m)} mangler en værdi`,
  'commander.excessArguments': () => `for mange argumenter`,
  'commander.invalidArgument': (m) => {
    const [flag, value] = [...m.matchAll(/'([^']*)'/g)].map((x) => x[1]);
    const allowed = /Allowed choices are (.*)\./.exec(m)?.[1] ?? '';
    return t('usage.badChoice', { value: value ?? '', option: flag ?? '', allowed });
  },
  'commander.missingMandatoryOptionValue': (m) => `tilvalget ${quoted(m)} er påkrævet`,
};

const danishUsage = (usage: string) => usage.replace('[options]', '[tilvalg]').replace('[command]', '[kommando]');

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
      io.stderr(`kvalitetstjek: ${t('cli.error')}: ${text}\n`);
      return 2;
    }
    if (err instanceof InputError) {
      io.stderr(err.format() + '\n');
      return 2;
    }
    io.stderr(t('cli.unexpected', { detail: err instanceof Error ? err.message : String(err) }) + '\n');
    return 2;
  }
}
