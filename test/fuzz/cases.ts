// The generators: every case is a folder of files and one command line, built by fast-check from
// a seed. Paths in argv and in symlink targets are written with {D} for the case's folder and {PID}
// for the process id (the predictable temporary name of an output).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { CONTROL_CHARS, field, hostile, hostileKey, SENTINEL, WORDS, yamlString } from './hostile.js';

/** How an output is checked. */
export type Kind =
  | 'terminal' | 'markdown' | 'html' | 'json' | 'sarif' | 'junit' | 'github'
  | 'diff-json' | 'trend-json' | 'catalog-json' | 'baseline' | 'draft' | 'text';

export type FileSpec = { path: string; content: string | Uint8Array } | { path: string; symlink: string } | { path: string; dir: true };

export interface Case {
  category: string;
  files: FileSpec[];
  argv: string[];
  /** Kind of what goes to stdout (help and messages are 'text'). */
  stdout: Kind;
  /** Files the command writes: all of them on exit 0 or 1, none that did not exist before on exit 2. */
  outputs: { path: string; kind: Kind }[];
  /** Commits made in {D} before the run, oldest first. */
  git?: { path: string; content: string }[];
  today: string;
  /** Words an import must keep. */
  words?: string[];
  /** A revision that is no revision: the run must end with exit code 2. */
  badRevision?: boolean;
  /** How the case was made, where the files alone do not show it (the mutations of a fixture). */
  note?: string;
}

export type Scale = 'quick' | 'long';

export interface Corpus {
  fixtures: { name: string; bytes: Uint8Array }[];
  complete: string;
  helsingoer: string;
}

export function loadCorpus(root: string): Corpus {
  const dir = join(root, 'fixtures');
  const names = [
    ...readdirSync(dir).filter((n) => n.endsWith('.yaml')),
    ...readdirSync(join(dir, 'fejl')).map((n) => `fejl/${n}`),
  ].sort();
  return {
    fixtures: names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) })),
    complete: readFileSync(join(dir, 'eksempel-komplet.yaml'), 'utf8'),
    helsingoer: readFileSync(join(dir, 'helsingoer-rusmiddelbehandling.yaml'), 'utf8'),
  };
}

const AUDIT_FORMATS = ['terminal', 'markdown', 'html', 'json', 'sarif', 'junit', 'github'] as const;
const DATES = ['2026-11-22', '2024-02-29', '2028-02-29', '0101-01-01', '9999-12-31', '1970-01-01'];
const auditDate = fc.constantFrom(...DATES);
const enc = new TextEncoder();
const posIn = (n: number, len: number) => (len === 0 ? 0 : n % len);

/** audit's output arguments: one format to the screen, or up to three to files (the last maybe unwritable). */
const auditOutputs: fc.Arbitrary<{ args: string[]; stdout: Kind; outputs: Case['outputs'] }> = fc.oneof(
  fc.constantFrom(...AUDIT_FORMATS).map((f) => ({ args: ['-f', f], stdout: f as Kind, outputs: [] })),
  fc
    .tuple(fc.uniqueArray(fc.constantFrom(...AUDIT_FORMATS), { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([fs, unwritable]) => {
      const outputs = fs.map((f, i) => ({ path: `{D}/${unwritable && i === fs.length - 1 ? 'findes-ikke/' : ''}rapport-${i}.${f}`, kind: f as Kind }));
      return { args: outputs.flatMap((o) => ['-f', o.kind, '-o', o.path]), stdout: 'text' as Kind, outputs };
    }),
);

// ---------------------------------------------------------------------------------------------
// Mutations of every fixture.

type Mutation =
  | { op: 'flip'; at: number; xor: number }
  | { op: 'truncate'; at: number }
  | { op: 'deleteLine'; at: number }
  | { op: 'duplicateLine'; at: number }
  | { op: 'swapLines'; at: number; with: number }
  | { op: 'indent'; at: number; by: number }
  | { op: 'insert'; at: number; text: string };

const YAML_SNIPPETS = [
  '*alias', '&a', '&a [x]', '!!binary', '!!js/function "x"', '<<: *a', '? [a, b]\n: c', '? {a: 1}\n: b', '- ', '[', '{', ']', '}',
  '"', "'", '|', '>-', '%YAML 1.1\n---', '---', '...', ': ', '#', '\t', '@', '`', '2024-02-29', '0101-01-01', '9999-12-31',
  '~', 'null', '.nan', '0x1F', '1e999', '-.inf', 'y', 'NO', '!!str', '!ukendt x', `__proto__: { polluted: ${SENTINEL} }`,
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...YAML_SNIPPETS), hostile) }),
);

function splitLines(b: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 10) (lines.push(b.slice(start, i + 1)), (start = i + 1));
  if (start < b.length) lines.push(b.slice(start));
  return lines;
}
const join8 = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const p of parts) (out.set(p, i), (i += p.length));
  return out;
};

export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  if (m.op === 'flip') {
    if (bytes.length === 0) return bytes;
    const out = bytes.slice();
    const at = posIn(m.at, out.length);
    out[at] = (out[at] as number) ^ m.xor;
    return out;
  }
  if (m.op === 'truncate') return bytes.slice(0, posIn(m.at, bytes.length + 1));
  if (m.op === 'insert') {
    const at = posIn(m.at, bytes.length + 1);
    return join8([bytes.slice(0, at), enc.encode(m.text), bytes.slice(at)]);
  }
  const lines = splitLines(bytes);
  if (lines.length === 0) return bytes;
  const i = posIn(m.at, lines.length);
  const line = lines[i] as Uint8Array;
  if (m.op === 'deleteLine') lines.splice(i, 1);
  else if (m.op === 'duplicateLine') lines.splice(i, 0, line);
  else if (m.op === 'swapLines') {
    const j = posIn(m.with, lines.length);
    [lines[i], lines[j]] = [lines[j] as Uint8Array, line];
  } else {
    lines[i] = m.by > 0 ? join8([enc.encode(' '.repeat(m.by)), line]) : line.slice(Math.min(-m.by, line.findIndex((c) => c !== 32) < 0 ? 0 : line.findIndex((c) => c !== 32)));
  }
  return join8(lines);
}

function mutationCases(corpus: Corpus): fc.Arbitrary<Case> {
  return fc
    .tuple(
      fc.constantFrom(...corpus.fixtures),
      fc.array(mutation, { minLength: 1, maxLength: 4 }),
      fc.oneof({ weight: 4, arbitrary: auditOutputs }, { weight: 1, arbitrary: fc.constant(null) }),
      auditDate,
    )
    .map(([fixture, ms, out, date]) => {
      const bytes = ms.reduce(mutate, fixture.bytes);
      const file = `{D}/${fixture.name.replace('/', '-')}`;
      const note = `${fixture.name} ${JSON.stringify(ms)}`;
      return out
        ? { category: 'mutation', note, files: [{ path: file, content: bytes }], argv: ['audit', file, '--dato', date, ...out.args], stdout: out.stdout, outputs: out.outputs, today: date }
        : { category: 'mutation', note, files: [{ path: file, content: bytes }], argv: ['validate', file], stdout: 'text' as Kind, outputs: [], today: date };
    });
}

// ---------------------------------------------------------------------------------------------
// Generated standards: hostile text in every kind of field, hostile keys, dates, size and depth.

const TEXT_PATHS: (string | number)[][] = [
  ['kommune'], ['titel'], ['undertitel'], ['version'], ['opgaver', 'tekst'], ['målgruppe', 'tekst'], ['formål', 'tekst'],
  ['formål', 'værdier_og_normer'], ['organisering', 'tekst'], ['organisering', 'tilbud', 0, 'navn'], ['organisering', 'tilbud', 1, 'indhold'],
  ['visitation', 'tekst'], ['behandlingsgaranti', 'tekst'], ['klageadgang', 'tekst'], ['gavekort', 'tekst'], ['vedtaget', 'af'],
  ['brugerorganisationer', 0], ['erklæringer', 0, 'begrundelse'], ['lovgrundlag', 'tekst'], ['monitorering', 'indberetning', 0],
  ['behandlingsgaranti', 'hjemmel', 0], ['erklæringer', 0, 'henvisning'], ['erklæringer', 0, 'krav'],
];
const SHOWN_PATHS: (string | number)[][] = [['kommune'], ['titel'], ['version'], ['vedtaget', 'af'], ['erklæringer', 0, 'begrundelse']];
const DATE_PATHS: string[][] = [['senest_revideret'], ['næste_revision'], ['vedtaget', 'dato'], ['erklæringer', '0', 'udløber']];
const DATE_VALUES = ['2024-02-29', '2020-02-29', '0101-01-01', '9999-12-31', '2026-02-30', '2026-13-01', '0000-01-01', '10000-01-01', '2026-1-1', 'i går'];

type Extra =
  | { kind: 'unknownKeys'; n: number }
  | { kind: 'nesting'; depth: number; flow: boolean }
  | { kind: 'aliasBomb'; levels: number }
  | { kind: 'raw'; text: string }
  | { kind: 'longLine'; n: number };

const RAW_EXTRAS = [
  'ukendt: *ingen_anker',
  'a: *b\nb: &b x',
  '? { a: 1 }\n: x',
  '? [a, b]\n: x',
  'kommune: igen',
  '__proto__: { kommune: x }',
  'constructor: { prototype: { x: 1 } }',
  'x: !!binary AAAA',
  'x: &a { y: *a }',
  '%TAG ! tag:x,2000:\n',
];

function extraText(e: Extra): string {
  switch (e.kind) {
    case 'unknownKeys':
      return Array.from({ length: e.n }, (_, i) => `ukendt_${i}: x`).join('\n');
    case 'nesting':
      return e.flow ? `dyb: ${'['.repeat(e.depth)}${']'.repeat(e.depth)}` : `dyb:\n${Array.from({ length: e.depth }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x`;
    case 'aliasBomb': {
      const lines = ['bombe0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let i = 1; i < e.levels; i++) lines.push(`bombe${i}: &b${i} [${Array(10).fill(`*b${i - 1}`).join(', ')}]`);
      return lines.join('\n');
    }
    case 'longLine':
      return `lang: ${'å'.repeat(e.n)}`;
    case 'raw':
      return e.text;
  }
}

interface StandardSpec {
  texts: { path: (string | number)[]; value: string }[];
  dates: { path: string[]; value: string }[];
  keys: { path: string[]; key: string; value: string }[];
  url?: string;
  extras: Extra[];
}

function standardSpec(scale: Scale): fc.Arbitrary<StandardSpec> {
  /** A size: usually up to `usual`; in the long run, rarely up to `huge` (slow cases are few but present). */
  const sized = (min: number, usual: number, huge: number) =>
    scale === 'long'
      ? fc.oneof({ weight: 60, arbitrary: fc.integer({ min, max: usual }) }, { weight: 1, arbitrary: fc.integer({ min: usual, max: huge }) })
      : fc.integer({ min, max: usual });
  return fc.record({
    // Mostly the fields every report prints, so hostile text reaches each format.
    texts: fc.array(fc.record({ path: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...SHOWN_PATHS) }, { weight: 1, arbitrary: fc.constantFrom(...TEXT_PATHS) }), value: field }), { minLength: 1, maxLength: 5 }),
    dates: fc.array(fc.record({ path: fc.constantFrom(...DATE_PATHS), value: fc.constantFrom(...DATE_VALUES) }), { maxLength: 2 }),
    keys: fc.array(fc.record({ path: fc.constantFrom([], ['formål'], ['organisering', 'tilbud', '0'], ['erklæringer', '0']), key: hostileKey, value: field }), { maxLength: 2 }),
    url: fc.option(fc.constantFrom(`javascript:alert('${SENTINEL}')`, `data:text/html,<script>${SENTINEL}</script>`, `https://eksempel.dk/${SENTINEL}) [x](javascript:x`, `vbscript:${SENTINEL}`), { nil: undefined }),
    extras: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('unknownKeys' as const), n: sized(1, 500, 20000) }),
        fc.record({ kind: fc.constant('nesting' as const), depth: sized(1, 300, 10000), flow: fc.boolean() }),
        fc.record({ kind: fc.constant('aliasBomb' as const), levels: fc.integer({ min: 1, max: 9 }) }),
        fc.record({ kind: fc.constant('raw' as const), text: fc.constantFrom(...RAW_EXTRAS) }),
        fc.record({ kind: fc.constant('longLine' as const), n: sized(1, 50_000, 2_000_000) }),
      ),
      { maxLength: 1 },
    ),
  });
}

/** The complete example with the spec's changes, as YAML text. */
export function standardText(base: string, s: StandardSpec): string {
  const doc = parseDocument(base);
  for (const { path, value } of s.texts) if (doc.hasIn(path.slice(0, -1)) || path.length === 1) doc.setIn(path, value);
  for (const { path, value } of s.dates) if (doc.hasIn(path.slice(0, -1).map((p) => (/^\d+$/.test(p) ? Number(p) : p))) || path.length === 1) doc.setIn(path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), value);
  for (const { path, key, value } of s.keys) {
    const p = path.map((x) => (/^\d+$/.test(x) ? Number(x) : x));
    if (p.length === 0 || doc.hasIn(p)) doc.setIn([...p, key], value);
  }
  if (s.url !== undefined) doc.set('url', s.url);
  const extras = s.extras.map(extraText).join('\n');
  return `${String(doc)}${extras ? `${extras}\n` : ''}`;
}

/** The spec, shortly: what was changed in the complete example. */
function specNote(s: StandardSpec): string {
  const short = (x: string) => (x.length > 120 ? `${JSON.stringify(x.slice(0, 120))}… (${x.length} tegn)` : JSON.stringify(x));
  return [
    ...s.texts.map((t) => `${t.path.join('.')} = ${short(t.value)}`),
    ...s.dates.map((d) => `${d.path.join('.')} = ${d.value}`),
    ...s.keys.map((k) => `key ${short(k.key)} in ${k.path.join('.') || '(top)'}`),
    ...(s.url === undefined ? [] : [`url = ${short(s.url)}`]),
    ...s.extras.map((e) => (e.kind === 'raw' ? `raw ${short(e.text)}` : JSON.stringify(e))),
  ].join('; ');
}

function standardCases(corpus: Corpus, scale: Scale): fc.Arbitrary<Case> {
  const command = fc.oneof(
    { weight: 5, arbitrary: auditOutputs.map((o) => ({ cmd: 'audit' as const, ...o })) },
    { weight: 1, arbitrary: fc.constantFrom('html', 'markdown', 'json').map((f) => ({ cmd: 'rapport' as const, args: ['-f', f], stdout: (f === 'json' ? 'trend-json' : f) as Kind, outputs: [] as Case['outputs'] })) },
    { weight: 1, arbitrary: fc.constantFrom('terminal', 'markdown', 'json', 'github').map((f) => ({ cmd: 'diff' as const, args: ['-f', f], stdout: (f === 'json' ? 'diff-json' : f) as Kind, outputs: [] as Case['outputs'] })) },
    { weight: 1, arbitrary: fc.constant({ cmd: 'validate' as const, args: [] as string[], stdout: 'text' as Kind, outputs: [] as Case['outputs'] }) },
  );
  return fc.tuple(standardSpec(scale), command, auditDate).map(([spec, c, date]) => {
    const file = '{D}/standard.yaml';
    const files: FileSpec[] = [{ path: file, content: standardText(corpus.complete, spec) }];
    if (c.cmd === 'rapport' || c.cmd === 'diff') files.push({ path: '{D}/forrige.yaml', content: corpus.complete });
    const argv =
      c.cmd === 'validate'
        ? ['validate', file]
        : c.cmd === 'audit'
          ? ['audit', file, '--dato', date, ...c.args]
          : [c.cmd, '{D}/forrige.yaml', file, '--dato', date, ...c.args];
    return { category: 'standard', note: specNote(spec), files, argv, stdout: c.stdout, outputs: c.outputs, today: date };
  });
}

// ---------------------------------------------------------------------------------------------
// Local checklists: hostile text, hostile links, invalid checks and regular expressions that
// backtrack catastrophically against a long title.

const PATTERNS = ['(a+)+$', '(a|a)+$', '(a|aa)+$', '^(a+)+b', '(x+x+)+y', '^(\\w+\\s?)*$', '(.*a){20}', '(', '[', '\\', '(?<=a)b', '\\p{L}+', 'a{99999}', '(?i)x'];

/** The complete example with a title and a kommune of n a's and a final "!". */
export const redosStandard = (corpus: Corpus, n: number) =>
  corpus.complete.replace('titel: Kvalitetsstandard for rusmiddelbehandling', `titel: "${'a'.repeat(n)}!"`).replace('kommune: Eksempel Kommune', `kommune: "${'a'.repeat(n)}!"`);

function checklistCases(corpus: Corpus, scale: Scale): fc.Arbitrary<Case> {
  const check = fc.oneof(
    fc.constant({ required: ['kommune'] }),
    fc.constantFrom(...PATTERNS).map((p) => ({ properties: { titel: { pattern: p }, kommune: { pattern: p } } })),
    fc.constantFrom(...PATTERNS).map((p) => ({ properties: { organisering: { properties: { tilbud: { contains: { properties: { navn: { pattern: p } } } } } } } })),
    fc.constantFrom({ type: 'bogus' }, { required: 'kommune' }, { maxAgeMonths: 'x' }, { properties: { senest_revideret: { maxAgeMonths: -1 } } }, { $ref: '#/nowhere' }, { format: 'nope' }, 7),
  );
  const id = fc.oneof(fc.constantFrom('M1.1', 'M1.2', '3.4.1', 'bek1477-4.1.1'), hostile.map((h) => `M${h}`));
  const spec = fc.record({
    title: field,
    sourceTitle: field,
    url: fc.constantFrom('https://eksempel.dk', `javascript:alert('${SENTINEL}')`, `[klik](javascript:${SENTINEL})`),
    groupTitle: field,
    requirements: fc.array(fc.record({ id, text: field, hint: field, check, level: fc.constantFrom('skal', 'bør', 'kan', 'måske') }), { minLength: 1, maxLength: 3 }),
    // In process nothing can stop a runaway match, so the quick run keeps the titles short;
    // the long run (worker threads, stopped after 12 s) and the bin sample go to lengths that hang.
    long: fc.integer({ min: 1, max: scale === 'long' ? 40 : 18 }),
  });
  const command = fc.oneof(
    { weight: 3, arbitrary: auditOutputs.map((o) => ({ cmd: 'audit' as const, ...o })) },
    { weight: 1, arbitrary: fc.constantFrom('terminal', 'markdown', 'json').map((f) => ({ cmd: 'list' as const, args: ['-f', f], stdout: (f === 'json' ? 'catalog-json' : f) as Kind, outputs: [] as Case['outputs'] })) },
    { weight: 1, arbitrary: fc.constantFrom('terminal', 'markdown', 'json').map((f) => ({ cmd: 'explain' as const, args: ['-f', f], stdout: (f === 'json' ? 'catalog-json' : f) as Kind, outputs: [] as Case['outputs'] })) },
  );
  return fc.tuple(spec, command, auditDate).map(([s, c, date]) => {
    const list = [
      'checklist:',
      '  id: lokal-fuzz',
      `  title: ${yamlString(s.title)}`,
      `  source: { title: ${yamlString(s.sourceTitle)}, url: ${yamlString(s.url)}, verbatim: false }`,
      'retningslinjer:',
      `  - { id: M1, title: ${yamlString(s.groupTitle)} }`,
      'requirements:',
      ...s.requirements.map(
        (r) =>
          `  - { id: ${yamlString(r.id)}, retningslinje: M1, levels: [${r.level}], kind: document, actor: [kommune], text: ${yamlString(r.text)}, hint: ${yamlString(r.hint)}, check: ${JSON.stringify(r.check)} }`,
      ),
    ].join('\n');
    // A title of a's and a final "!" is the classic input for the patterns above.
    const standard = redosStandard(corpus, s.long);
    const files: FileSpec[] = [
      { path: '{D}/lokal.yaml', content: `${list}\n` },
      { path: '{D}/standard.yaml', content: standard },
    ];
    const firstId = s.requirements[0]?.id ?? 'M1.1';
    const argv =
      c.cmd === 'audit'
        ? ['audit', '{D}/standard.yaml', '--lokal', '{D}/lokal.yaml', '--dato', date, ...c.args]
        : c.cmd === 'list'
          ? ['checklist', 'list', '--lokal', '{D}/lokal.yaml', ...c.args]
          : ['explain', firstId, '--lokal', '{D}/lokal.yaml', ...c.args];
    return { category: 'checklist', files, argv, stdout: c.stdout, outputs: c.outputs, today: date };
  });
}

// ---------------------------------------------------------------------------------------------
// Baselines: read (hostile, broken, wrong types) and written (--opret-baseline).

function baselineCases(corpus: Corpus, scale: Scale): fc.Arbitrary<Case> {
  const entry = fc.record({
    kommune: fc.oneof(fc.constant('Helsingør Kommune'), field),
    nøgle: fc.oneof(fc.constantFrom('3.4.1', 'bek1477-4.1.9', 'lovhenvisning / SIB'), field),
    beskrivelse: field,
    ansvarlig: fc.oneof(field, fc.constant(42)),
    udløber: fc.constantFrom(...DATE_VALUES, '2027-01-01'),
  });
  const baseline = fc.oneof(
    { weight: 4, arbitrary: fc.array(entry, { maxLength: 4 }).map((es) => `kendte_mangler:\n${es.map((e) => `  - ${JSON.stringify(e).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`).join('\n')}\n`) },
    { weight: 1, arbitrary: fc.constantFrom('', 'kendte_mangler: 7\n', '[1, 2]\n', 'kendte_mangler:\n  - *x\n', `__proto__: { kendte_mangler: [] }\n`, 'kendte_mangler: [\n', '\u0000\u0001') },
    { weight: 1, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce(mutate, enc.encode('kendte_mangler:\n  - kommune: Helsingør Kommune\n    nøgle: "3.4.1"\n    udløber: 2027-01-01\n'))) },
  );
  const write = fc.record({ spec: standardSpec(scale), date: auditDate });
  return fc.oneof(
    fc.tuple(baseline, auditOutputs, auditDate).map(([b, o, date]) => ({
      category: 'baseline',
      files: [{ path: '{D}/kendte.yaml', content: b }, { path: '{D}/standard.yaml', content: corpus.helsingoer }],
      argv: ['audit', '{D}/standard.yaml', '--baseline', '{D}/kendte.yaml', '--dato', date, ...o.args],
      stdout: o.stdout,
      outputs: o.outputs,
      today: date,
    })),
    write.map(({ spec, date }) => ({
      category: 'baseline',
      note: specNote(spec),
      files: [{ path: '{D}/standard.yaml', content: standardText(corpus.complete, { ...spec, extras: [] }) }],
      argv: ['audit', '{D}/standard.yaml', '--dato', date, '-f', 'json', '--opret-baseline', '{D}/ny-baseline.yaml'],
      stdout: 'json' as Kind,
      outputs: [{ path: '{D}/ny-baseline.yaml', kind: 'baseline' as Kind }],
      today: date,
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// Import documents: known and unknown headings, marker words everywhere (also in tables), and
// the shapes that broke the Markdown lexer.

const HEADINGS = ['Formål', 'Målgruppe', 'Levering af ydelsen', 'Visitation', 'Behandlingsgaranti', 'Omkostninger', 'Frit valg', 'Faglig kvalitet', 'Opfølgning', 'Brugerinddragelse', 'Klageadgang', 'Diverse', 'Noget helt andet'];
const markerWord = fc.array(fc.constantFrom(...'bcdfghjklmnpqrstvwxz'), { minLength: 6, maxLength: 6 }).map((cs) => `mærke${cs.join('')}`);

type Block =
  | { kind: 'heading'; level: number; title: string; setext: boolean }
  | { kind: 'para'; words: string[]; hostile: string }
  | { kind: 'table'; words: string[] }
  | { kind: 'list'; words: string[]; depth: number }
  | { kind: 'raw'; text: string };

function blockText(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return b.setext ? `${b.title}\n${b.level === 1 ? '=' : '-'}${'='.repeat(0)}---\n` : `${'#'.repeat(b.level)} ${b.title}\n`;
    case 'para':
      return `Borgeren ${b.words.join(' ')} ${b.hostile} kan få ${b.words.length} samtaler.\n`;
    case 'table':
      return `| Ydelse | Frist |\n|---|---|\n${b.words.map((w) => `| ${w} | 14 dage |`).join('\n')}\n`;
    case 'list':
      return b.words.map((w, i) => `${'  '.repeat(Math.min(i, b.depth))}- ${w}`).join('\n') + '\n' + Array.from({ length: b.depth }, (_, i) => `${'  '.repeat(i)}- dybt`).join('\n') + '\n';
    case 'raw':
      return `${b.text}\n`;
  }
}

function importCases(scale: Scale): fc.Arbitrary<Case> {
  const words = fc.uniqueArray(markerWord, { minLength: 1, maxLength: 3 });
  // Weights in hundredths: the deep list and the line of stars (slow today) are rare.
  const block: fc.Arbitrary<Block> = fc.oneof(
    { weight: 300, arbitrary: fc.record({ kind: fc.constant('heading' as const), level: fc.integer({ min: 1, max: 3 }), title: fc.oneof(fc.constantFrom(...HEADINGS), field), setext: fc.boolean() }) },
    { weight: 400, arbitrary: fc.record({ kind: fc.constant('para' as const), words, hostile: fc.oneof(fc.constant(''), hostile) }) },
    { weight: 100, arbitrary: fc.record({ kind: fc.constant('table' as const), words }) },
    { weight: 100, arbitrary: fc.record({ kind: fc.constant('list' as const), words, depth: fc.integer({ min: 0, max: 60 }) }) },
    { weight: scale === 'long' ? 2 : 0, arbitrary: fc.record({ kind: fc.constant('list' as const), words, depth: fc.integer({ min: 60, max: 1000 }) }) },
    { weight: 4, arbitrary: fc.constant({ kind: 'raw' as const, text: '*'.repeat(5000) }) },
    { weight: 100, arbitrary: fc.record({ kind: fc.constant('raw' as const), text: fc.constantFrom('#', '# ', '##', '<div>', '```', '> ', '---', '| a |', '\u0000', '\r', `[x](javascript:${SENTINEL})`, 'Frist: 14 dage. SEL § 101, stk. 2.', '\ufeff# Formål') }) },
  );
  return fc.tuple(fc.array(block, { minLength: 1, maxLength: 10 }), fc.option(field, { nil: undefined }), fc.boolean()).map(([blocks, kommune, md]) => {
    const text = blocks.map(blockText).join('\n');
    const found = blocks.flatMap((b) => (b.kind === 'para' || b.kind === 'table' || b.kind === 'list' ? b.words : []));
    const file = `{D}/standard.${md ? 'md' : 'txt'}`;
    return {
      category: 'import',
      files: [{ path: file, content: text }],
      argv: ['import', file, '-o', '{D}/udkast.yaml', ...(kommune === undefined ? [] : ['--kommune', kommune])],
      stdout: 'text' as Kind,
      outputs: [{ path: '{D}/udkast.yaml', kind: 'draft' as Kind }],
      today: '2026-11-22',
      words: found,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// diff and rapport against git history, with revisions that are not revisions.

const BAD_REVISIONS = ['', ' ', '--output={D}/injiceret', '-p', '--help', '-', '--', 'HEAD~99', 'findes-ikke', `HEAD\u001b[31m${SENTINEL}`, '..', 'HEAD:', '@{-1}x'];

function gitCases(corpus: Corpus): fc.Arbitrary<Case> {
  // The later revision changes only text, so it stays valid and the revision is what is tested.
  const free = (path: (string | number)[]) => !path.some((p) => ['hjemmel', 'henvisning', 'krav', 'version'].includes(String(p)));
  const second = fc.record({ spec: standardSpec('quick').map((s) => ({ ...s, texts: s.texts.filter((t) => free(t.path)), dates: [], keys: [], url: undefined, extras: [] })) });
  return fc
    .tuple(second, fc.oneof(fc.constantFrom('HEAD', 'HEAD~1').map((r) => ({ rev: r, bad: false })), fc.constantFrom(...BAD_REVISIONS).map((r) => ({ rev: r, bad: true }))), fc.constantFrom('terminal', 'markdown', 'json'), fc.oneof(fc.constant(null), fc.constantFrom('0', '-1', '1', '3', 'x', '')))
    .map(([{ spec }, { rev, bad }, format, max]) => {
      const later = standardText(corpus.complete, spec);
      const base: Omit<Case, 'argv' | 'stdout'> = {
        category: 'git',
        note: `second commit: ${specNote(spec)}`,
        // Where `git show --output={D}/injiceret` would write "{D}/injiceret:./standard.yaml".
        files: [{ path: '{D}/injiceret:.', dir: true }],
        outputs: [],
        git: [{ path: 'standard.yaml', content: corpus.complete }, { path: 'standard.yaml', content: later }],
        today: '2026-11-22',
      };
      if (max !== null) {
        const badMax = !/^[1-9]\d*$/.test(max);
        return { ...base, argv: ['rapport', '{D}/standard.yaml', '--historik', '--max', max, '-f', format === 'terminal' ? 'html' : format, '--dato', '2026-11-22'], stdout: (format === 'json' ? 'trend-json' : format === 'terminal' ? 'html' : format) as Kind, badRevision: badMax };
      }
      return { ...base, argv: ['diff', '{D}/standard.yaml', `--git=${rev}`, '-f', format, '--dato', '2026-11-22'], stdout: (format === 'json' ? 'diff-json' : format) as Kind, badRevision: bad };
    });
}

// ---------------------------------------------------------------------------------------------
// Command lines and files: hostile arguments, outputs over inputs and through planted symlinks,
// odd encodings, folders with links.

function cliCases(corpus: Corpus): fc.Arbitrary<Case> {
  const std = { path: '{D}/standard.yaml', content: corpus.complete };
  const argCase = fc.oneof(
    fc.tuple(fc.oneof(hostile, fc.constantFrom('3.4.1', 'SEL § 101, stk. 4', 'SIB', '§ 999')), fc.constantFrom('terminal', 'markdown', 'json')).map(([id, f]) => ({ argv: ['explain', id, '-f', f], stdout: (f === 'json' ? 'catalog-json' : f) as Kind })),
    fc.tuple(fc.constantFrom('--dato', '--varsel-dage', '--fail-on', '--vis', '-f', '--baseline', '--checklist'), hostile).map(([opt, v]) => ({ argv: ['audit', '{D}/standard.yaml', opt, v], stdout: 'terminal' as Kind })),
    fc.constantFrom<string[]>(
      ['audit', '{D}/standard.yaml', '--dato', '2028-02-29'],
      ['audit', '{D}/standard.yaml', '--dato', '0101-01-01'],
      ['audit', '{D}/standard.yaml', '--varsel-dage', '99999999999'],
      ['audit', '{D}/standard.yaml', '--varsel-dage', '1e3'],
      ['--help'],
      ['audit', '--help'],
      ['-V'],
      ['hjælp', 'audit'],
      ['checklist'],
      ['audit', '{D}/*.yaml', '{D}/standard.yaml'],
      ['audit', '{D}'],
      ['validate', '{D}'],
      ['validate', '{D}/findes-ikke.yaml'],
      ['import', '{D}/standard.yaml', '-o', '{D}/standard.yaml'],
    ).map((argv) => ({ argv, stdout: 'terminal' as Kind })),
    hostile.map((h) => ({ argv: [h], stdout: 'text' as Kind })),
    hostile.map((h) => ({ argv: ['audit', `{D}/${h.replace(/[/\u0000]/g, '_').slice(0, 100)}.yaml`], stdout: 'terminal' as Kind })),
  );
  return fc.tuple(argCase, auditDate).map(([c, date]) => ({ category: 'cli', files: [std], argv: c.argv, stdout: c.stdout, outputs: [], today: date }));
}

function fileCases(corpus: Corpus, scale: Scale): fc.Arbitrary<Case> {
  const std = corpus.complete;
  const content = fc.oneof(
    fc.constantFrom<string | Uint8Array>(
      `\ufeff${std}`,
      new Uint8Array([0xff, 0xfe, ...Array.from(std.slice(0, 200)).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]),
      new Uint8Array([0xc3, 0x28, 0xa0, 0xa1]),
      std.replace(/\n/g, '\r\n'),
      std.replace(/\n/g, '\r'),
      '# kun en kommentar\n',
      '---\n---\n',
      `${std}\n---\n${std}`,
      '\u0000'.repeat(100),
    ),
    fc.integer({ min: 1, max: scale === 'long' ? 60 : 3 }).map((n) => `${std}\n${Array.from({ length: n * 200 }, (_, i) => `# ${'x'.repeat(i % 500)}`).join('\n')}\n`),
  );
  const outputName = fc.constantFrom('rapport.md', 'rapport.html', 'rapport.json');
  const setup = fc.oneof(
    // A planted symlink at the predictable temporary name, pointing at the input.
    outputName.map((o) => ({ extra: [{ path: `{D}/.${o}.{PID}.tmp`, symlink: '{D}/standard.yaml' }] as FileSpec[], argv: ['audit', '{D}/standard.yaml', '-f', o.endsWith('md') ? 'markdown' : o.endsWith('html') ? 'html' : 'json', '-o', `{D}/${o}`], outputs: [{ path: `{D}/${o}`, kind: (o.endsWith('md') ? 'markdown' : o.endsWith('html') ? 'html' : 'json') as Kind }] })),
    // -o naming a symlink to the input.
    fc.constant({ extra: [{ path: '{D}/link.md', symlink: '{D}/standard.yaml' }] as FileSpec[], argv: ['audit', '{D}/standard.yaml', '-f', 'markdown', '-o', '{D}/link.md'], outputs: [] as Case['outputs'] }),
    // A folder with a link back to itself and a link to the file: each file audited once, no loop.
    fc.constant({ extra: [{ path: '{D}/mappe', dir: true }, { path: '{D}/mappe/igen', symlink: '{D}' }, { path: '{D}/mappe/kopi.yaml', symlink: '{D}/standard.yaml' }] as FileSpec[], argv: ['audit', '{D}', '-f', 'json'], outputs: [] as Case['outputs'] }),
    // An output that is a folder, and a file name with spaces and letters outside ASCII.
    fc.constant({ extra: [{ path: '{D}/mappe.sarif', dir: true }] as FileSpec[], argv: ['audit', '{D}/standard.yaml', '-f', 'sarif', '-o', '{D}/mappe.sarif'], outputs: [] as Case['outputs'] }),
    // (Helsingør's standard has findings, so the SARIF log has locations with the file's URI.)
    fc.constantFrom('min standard.yaml', 'Æblø #1 [x].yaml', 'a%20b?.yaml').map((n) => ({ extra: [{ path: `{D}/${n}`, content: corpus.helsingoer }] as FileSpec[], argv: ['audit', `{D}/${n}`, '-f', 'sarif'], outputs: [] as Case['outputs'] })),
    fc.constant({ extra: [] as FileSpec[], argv: ['audit', '{D}/standard.yaml', '-f', 'junit'], outputs: [] as Case['outputs'] }),
  );
  return fc.tuple(content, setup, fc.boolean()).map(([body, s, plain]) => ({
    category: 'files',
    files: [{ path: '{D}/standard.yaml', content: plain ? std : body }, ...s.extra],
    argv: [...s.argv, '--dato', '2026-11-22'],
    stdout: (s.outputs.length ? 'text' : (s.argv[s.argv.indexOf('-f') + 1] ?? 'terminal')) as Kind,
    outputs: s.outputs,
    today: '2026-11-22',
  }));
}

export const CATEGORIES = ['mutation', 'standard', 'checklist', 'baseline', 'import', 'git', 'cli', 'files'] as const;
export type Category = (typeof CATEGORIES)[number];

export function arbitraries(corpus: Corpus, scale: Scale): Record<Category, fc.Arbitrary<Case>> {
  return {
    mutation: mutationCases(corpus),
    standard: standardCases(corpus, scale),
    checklist: checklistCases(corpus, scale),
    baseline: baselineCases(corpus, scale),
    import: importCases(scale),
    git: gitCases(corpus),
    cli: cliCases(corpus),
    files: fileCases(corpus, scale),
  };
}

/** A case, shortly, for a failure message. */
export function describeCase(c: Case): string {
  const show = (s: string) => (s.length > 400 ? `${JSON.stringify(s.slice(0, 400))}… (${s.length} tegn)` : JSON.stringify(s));
  const files = c.files.map((f) =>
    'symlink' in f ? `  ${f.path} -> ${f.symlink}` : 'dir' in f ? `  ${f.path}/` : `  ${f.path}: ${typeof f.content === 'string' ? show(f.content) : `${f.content.length} bytes ${show(new TextDecoder().decode(f.content))}`}`,
  );
  const git = (c.git ?? []).map((g, i) => `  git commit ${i + 1}: ${g.path} ${show(g.content)}`);
  return [`  argv: ${JSON.stringify(c.argv)}`, ...(c.note ? [`  ${c.note}`] : []), ...files, ...git].join('\n');
}

export { CONTROL_CHARS };
