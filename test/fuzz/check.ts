// The properties every run must have, as pure checks of what a run did. Each violation names its
// property and says what was wrong, in words a reader of a failing test can act on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { XMLValidator } from 'fast-xml-parser';
import { Lexer } from 'marked';
import { parse } from 'yaml';
import type { Case, Kind } from './cases.js';
import { SENTINEL } from './hostile.js';

// ajv-formats and ajv-draft-04 are CommonJS; under NodeNext their default export is the module object.
const addFormats = addFormatsModule as unknown as <T>(a: T) => T;
const Ajv04 = (Ajv04Module as unknown as { default: typeof Ajv04Module.default }).default;

export const PROPERTIES = [
  'exit-code',
  'no-crash',
  'no-english',
  'error-position',
  'inputs-unchanged',
  'all-or-nothing',
  'report-valid',
  'no-control-chars',
  'no-injected-structure',
  'import-keeps-words',
  'import-draft-valid',
  'revision-checked',
  'time',
  'memory',
] as const;
export type Property = (typeof PROPERTIES)[number];

export interface Violation {
  property: Property;
  message: string;
}

/** One entry of a folder, as lstat sees it (links are not followed). */
export type Entry = { type: 'file'; bytes: Uint8Array } | { type: 'link'; target: string } | { type: 'dir' } | { type: 'other' };
export type Snapshot = Map<string, Entry>;

export interface Outcome {
  /** The exit code main returned, or 'threw' with the error when main itself threw. */
  code: number | 'threw';
  stdout: string;
  stderr: string;
  ms: number;
  before: Snapshot;
  after: Snapshot;
  /** The text of each output file that exists after the run. */
  outputs: { path: string; kind: Kind; text: string | undefined }[];
  /** Exit code of `validate` on an import's draft, when there is one. */
  draftValidation?: { code: number; stderr: string };
  timeLimitMs: number;
}

export interface Validators {
  report: ValidateFunction;
  sarif: ValidateFunction;
  baseline: ValidateFunction;
}

export function validators(root: string): Validators {
  const json = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8')) as object;
  const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  // The published SARIF schema has a pattern that is only valid without the u flag.
  const ajv04 = addFormats(new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false }));
  return {
    report: ajv.compile(json('schemas/report.schema.json')),
    baseline: ajv.compile(json('schemas/baseline.schema.json')),
    sarif: ajv04.compile(json('test/data/sarif-2.1.0-rtm.5.json')),
  };
}

const JSON_KINDS: readonly Kind[] = ['json', 'sarif', 'diff-json', 'trend-json', 'catalog-json'];

/** English from a library or the runtime, or a value that was never meant to be printed. */
const ENGLISH: readonly RegExp[] = [
  /Cannot (read|set|convert|access)/,
  /\bundefined\b/,
  /\b(Type|Range|Reference|Syntax|Eval|URI)Error\b/,
  /\bError:/,
  /\bUnexpected\b/,
  /\bExcessive\b/,
  /\bUnresolved\b/,
  /\bmust (be|have|NOT|match|pass|contain)\b/,
  /schema is invalid/,
  /is not (a function|iterable|defined|valid)/,
  /Maximum call stack/,
  /stringified/,
  /\(node:\d+\)/,
  /\bWarning:/,
  /\[object Object\]/,
  /\bNaN\b/,
  /\bInvalid (Date|time value|regular expression)\b/,
];

const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

/** C0 except tab and newline, DEL, C1. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** What XML 1.0 does not allow in a document at all. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

const show = (s: string, at: number, n = 60) => JSON.stringify(s.slice(Math.max(0, at - n / 2), at + n / 2));

function snippetAt(text: string, re: RegExp): string | undefined {
  const m = re.exec(text);
  return m ? show(text, m.index) : undefined;
}

/** Markdown tokens that input text opened: a heading, list item, quote, code block, table cell, link or HTML starting with the sentinel. */
export function injectedMarkdown(text: string): string[] {
  const found: string[] = [];
  const starts = (s: unknown) => typeof s === 'string' && s.trim().startsWith(SENTINEL);
  const visit = (tok: Record<string, unknown>) => {
    const type = String(tok.type);
    if (['heading', 'list_item', 'blockquote', 'code'].includes(type) && starts(tok.text)) found.push(`${type} ${JSON.stringify(String(tok.raw).slice(0, 80))}`);
    if (type === 'link' || type === 'image') {
      const href = String(tok.href ?? '');
      if (href.includes(SENTINEL) || starts(tok.text)) found.push(`${type} ${JSON.stringify(String(tok.raw).slice(0, 80))}`);
      else if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^(https?|mailto):/i.test(href)) found.push(`${type} to ${JSON.stringify(href.slice(0, 80))}`);
    }
    if (type === 'html' && /^\s*<[^>]*(Xq7z|>\s*Xq7z)/.test(String(tok.raw).replace(SENTINEL, 'Xq7z'))) found.push(`html ${JSON.stringify(String(tok.raw).slice(0, 80))}`);
    for (const key of ['tokens', 'items']) {
      const children = tok[key];
      if (Array.isArray(children)) for (const c of children) visit(c as Record<string, unknown>);
    }
    if (type === 'table') {
      const header = (tok.header ?? []) as Record<string, unknown>[];
      const rows = (tok.rows ?? []) as Record<string, unknown>[][];
      for (const cell of [...header, ...rows.flat()]) {
        if (starts(cell.text)) found.push(`table cell ${JSON.stringify(String(cell.text).slice(0, 80))}`);
        for (const c of (cell.tokens ?? []) as Record<string, unknown>[]) visit(c);
      }
    }
  };
  for (const tok of new Lexer({ gfm: true }).lex(text)) visit(tok as unknown as Record<string, unknown>);
  return found;
}

/** HTML elements, comments and links that input text opened. */
export function injectedHtml(text: string): string[] {
  const rules: [string, RegExp][] = [
    ['element', new RegExp(`<(h[1-6]|li|blockquote|pre|td|th)\\b[^>]*>\\s*${SENTINEL}`)],
    ['element', new RegExp(`<(script|img|iframe|a|svg|object|embed|style|${SENTINEL})\\b[^>]*${SENTINEL}`, 'i')],
    ['element', new RegExp(`<script\\b[^>]*>\\s*${SENTINEL}`, 'i')],
    ['comment', new RegExp(`<!--\\s*${SENTINEL}`)],
    ['link', /\b(href|src|action)\s*=\s*["']?\s*(?!https?:|#|mailto:|data:image\/)[a-z][a-z0-9+.-]*:/i],
  ];
  return rules.flatMap(([what, re]) => {
    const s = snippetAt(text, re);
    return s ? [`${what} ${s}`] : [];
  });
}

/** Workflow commands that input text opened: a line starting with :: that is not the tool's annotation. */
export function injectedGithub(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    if (!line.startsWith('::')) return [];
    const m = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line);
    if (!m || (m[2] ?? '').includes(SENTINEL) || (m[3] ?? '').trim().startsWith(SENTINEL)) return [`command ${JSON.stringify(line.slice(0, 100))}`];
    return [];
  });
}

function sameEntry(a: Entry, b: Entry | undefined): boolean {
  if (!b || a.type !== b.type) return false;
  if (a.type === 'file' && b.type === 'file') return Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes)) === 0;
  if (a.type === 'link' && b.type === 'link') return a.target === b.target;
  return true;
}

/** Every property of one run. `dir` is the case's folder ({D}); argv is already resolved. */
export function check(c: Case, argv: readonly string[], dir: string, o: Outcome, v: Validators): Violation[] {
  const out: Violation[] = [];
  const add = (property: Property, message: string) => out.push({ property, message });
  const streams = { stdout: o.stdout, stderr: o.stderr };

  // exit-code and no-crash
  if (o.code === 'threw') add('no-crash', `main threw instead of returning an exit code: ${o.stderr.slice(0, 300)}`);
  else if (![0, 1, 2].includes(o.code)) add('exit-code', `exit code ${o.code}, not 0, 1 or 2`);
  for (const [name, text] of Object.entries(streams)) {
    const stack = snippetAt(text, STACK);
    if (stack) add('no-crash', `a stack trace on ${name}: ${stack}`);
  }
  const fault = snippetAt(o.stderr, /uventet fejl/);
  if (fault) add('no-crash', `reported as a fault in the tool ("uventet fejl"), not as an input error: ${JSON.stringify(o.stderr.slice(0, 300))}`);

  // no-english, on the streams and in every output
  const texts: [string, string][] = [
    ['stdout', o.stdout],
    ['stderr', o.stderr],
    ...o.outputs.filter((x) => x.text !== undefined).map((x): [string, string] => [x.path.slice(dir.length + 1), x.text as string]),
  ];
  for (const [name, text] of texts) {
    for (const re of ENGLISH) {
      const s = snippetAt(text, re);
      if (s) {
        add('no-english', `English or a stray value (${re.source}) on ${name}: ${s}`);
        break;
      }
    }
  }

  // error-position: every exit-2 message, and a file's message names line and column
  const outputPaths = new Set(c.outputs.map((x) => x.path.replaceAll('{D}', dir)));
  for (const [i, a] of argv.entries()) if (['-o', '--output', '--opret-baseline'].includes(argv[i - 1] ?? '')) outputPaths.add(a);
  if (o.code === 2) {
    if (!o.stderr.trim()) add('error-position', 'exit code 2 with nothing on stderr: the user is not told what is wrong');
    const inputFiles = [...o.before.entries()].filter(([, e]) => e.type === 'file' && e.bytes.length >= 0).map(([p]) => p);
    // A revision that is no revision is a usage error about the command line, not about the file's content.
    if (!c.badRevision) for (const line of o.stderr.split('\n')) {
      const file = inputFiles.find((f) => line.startsWith(`${f}:`) && !outputPaths.has(f));
      if (file && !/^:\d+:\d+: \S/.test(line.slice(file.length))) add('error-position', `an error in an existing input file without line and column: ${JSON.stringify(line.slice(0, 200))}`);
    }
  }

  // inputs-unchanged
  for (const [path, entry] of o.before) {
    if (!sameEntry(entry, o.after.get(path))) {
      const now = o.after.get(path);
      add('inputs-unchanged', `${path.slice(dir.length + 1) || '.'} changed: was ${entry.type}${entry.type === 'link' ? ` -> ${entry.target}` : ''}, is ${now ? now.type : 'gone'}${now?.type === 'file' && entry.type === 'file' ? ` (${entry.bytes.length} -> ${now.bytes.length} bytes)` : ''}`);
    }
  }

  // all-or-nothing: outputs all written on 0/1, none on 2; nothing else appears
  const declared = new Set(outputPaths);
  for (const path of o.after.keys()) {
    if (o.before.has(path) || path.includes('/.git/') || path.endsWith('/.git')) continue;
    if (!declared.has(path)) add('all-or-nothing', `a file that should not exist was left behind: ${path.slice(dir.length + 1)}`);
    else if (o.code === 2) add('all-or-nothing', `exit 2, but ${path.slice(dir.length + 1)} was written (an output must be written whole or not at all, and all or none)`);
  }
  if (o.code === 0 || o.code === 1) {
    for (const p of declared) if (!o.after.has(p)) add('all-or-nothing', `exit ${o.code}, but the output ${p.slice(dir.length + 1)} was not written`);
  }

  // report-valid, no-control-chars, no-injected-structure: per output
  const reports: { name: string; kind: Kind; text: string }[] = [
    ...(o.code === 0 || o.code === 1 ? [{ name: 'stdout', kind: c.stdout, text: o.stdout }] : [{ name: 'stdout', kind: 'text' as Kind, text: o.stdout }]),
    { name: 'stderr', kind: 'text', text: o.stderr },
    ...o.outputs.filter((x) => x.text !== undefined).map((x) => ({ name: x.path.slice(dir.length + 1), kind: x.kind, text: x.text as string })),
  ];
  for (const r of reports) {
    if (!r.text) continue;
    const bad = (message: string) => add('report-valid', `${r.name} (${r.kind}): ${message}`);
    if (JSON_KINDS.includes(r.kind)) {
      let data: unknown;
      try {
        data = JSON.parse(r.text);
      } catch (err) {
        bad(`not JSON: ${(err as Error).message}`);
        continue;
      }
      const validate = r.kind === 'json' ? v.report : r.kind === 'sarif' ? v.sarif : undefined;
      if (validate && !validate(data)) bad(`fails its schema: ${JSON.stringify(validate.errors?.slice(0, 3).map((e) => `${e.instancePath} ${e.message}`))}`);
    } else {
      const cc = CONTROL.exec(r.text);
      if (cc) add('no-control-chars', `${r.name} (${r.kind}) contains the control character U+${cc[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} raw: ${show(r.text, cc.index)}`);
    }
    if (r.kind === 'junit') {
      const valid = XMLValidator.validate(r.text);
      if (valid !== true) bad(`not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`);
      const nc = NOT_XML_CHAR.exec(r.text);
      if (nc) bad(`a character XML does not allow (U+${(nc[0].codePointAt(0) ?? 0).toString(16).toUpperCase()}): ${show(r.text, nc.index)}`);
    }
    if (r.kind === 'baseline') {
      try {
        const data = parse(r.text) as unknown;
        if (!v.baseline(data)) bad(`fails schemas/baseline.schema.json: ${JSON.stringify(v.baseline.errors?.slice(0, 3).map((e) => `${e.instancePath} ${e.message}`))}`);
      } catch (err) {
        bad(`not YAML: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    const injected = r.kind === 'markdown' ? injectedMarkdown(r.text) : r.kind === 'html' ? injectedHtml(r.text) : r.kind === 'github' ? injectedGithub(r.text) : [];
    if (injected.length) add('no-injected-structure', `${r.name} (${r.kind}): input text became structure: ${injected.slice(0, 3).join('; ')}`);
  }

  // import
  if (c.category === 'import' && o.code === 0) {
    const draft = o.outputs.find((x) => x.kind === 'draft')?.text;
    if (draft !== undefined) {
      if (o.draftValidation && o.draftValidation.code !== 0) add('import-draft-valid', `the draft does not validate (exit ${o.draftValidation.code}): ${o.draftValidation.stderr.slice(0, 300)}`);
      let strings = '';
      try {
        const collect = (x: unknown): string => (typeof x === 'string' ? x : x && typeof x === 'object' ? Object.entries(x).map(([k, y]) => `${k} ${collect(y)}`).join(' ') : String(x));
        strings = collect(parse(draft, { maxAliasCount: -1 }));
      } catch {
        strings = draft;
      }
      const lost = (c.words ?? []).filter((w) => !strings.includes(w));
      if (lost.length) add('import-keeps-words', `the draft lost ${lost.length} of ${(c.words ?? []).length} words from the text: ${lost.slice(0, 5).join(', ')}`);
    }
  }

  // revision-checked
  if (c.badRevision && o.code !== 2) {
    const what = argv.find((a) => a.startsWith('--git=')) ?? `--max ${argv[argv.indexOf('--max') + 1] ?? ''}`;
    add('revision-checked', `a revision or count that is not one (${JSON.stringify(what)}) gave exit ${o.code}, not an error (exit 2)`);
  }

  // time
  if (o.ms > o.timeLimitMs) add('time', `took ${(o.ms / 1000).toFixed(1)} s, over the bound of ${o.timeLimitMs / 1000} s`);

  return out;
}
