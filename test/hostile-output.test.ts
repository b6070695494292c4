// Hostile text in the input (a standard, a local checklist, a file name, the command line) must never
// become a control sequence or structure in any output: control characters are shown, Markdown and
// HTML stay text, JUnit stays well-formed XML, GitHub annotations cannot be forged, SARIF URIs are
// valid. Runs the CLI in-process (main with an injected io).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { Lexer } from 'marked';
import { emptiness } from '../src/substance.js';
import type { Token } from 'marked';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import type { Io } from '../src/cli.js';
import { marked } from '../src/formatters/html.js';
import { codeSpan } from '../src/formatters/markdown-escape.js';
import { pathUri, workflowData, workflowProperty } from '../src/safe-text.js';
import { fixture, root, tempDir, withoutSection } from './helpers.js';

// ajv-formats and ajv-draft-04 are CommonJS; under NodeNext their default export is the module object.
const addFormats = addFormatsModule as unknown as <T>(a: T) => T;
const Ajv04 = (Ajv04Module as unknown as { default: typeof Ajv04Module.default }).default;

const DATE = '2026-11-22';
const COMPLETE = readFileSync(fixture('eksempel-komplet.yaml'), 'utf8');
/** The complete example without its url: a local checklist that requires one has a gap. */
const NO_URL = COMPLETE.replace(/^url: .*\n/m, '');
const without = (text: string, key: string) => withoutSection(text, key).text;

/** Raw characters no output may hold: C0 controls but TAB and LF, DEL, C1, bidi controls, U+FFFE/FFFF. */
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/;
const ESC = '\u001b';

async function run(args: string[], options: { tty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: options.tty ?? false,
    columns: 120,
    env: { NO_COLOR: '1' },
    today: () => DATE,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The complete example with some of its texts replaced. */
function standard(texts: { kommune?: string; titel?: string; af?: string; opgaver?: string; begrundelse?: string }, base = COMPLETE): string {
  const doc = parse(base) as Record<string, unknown> & { vedtaget: { af: string }; opgaver: { tekst: string }; erklæringer: { begrundelse: string }[] };
  if (texts.kommune !== undefined) doc.kommune = texts.kommune;
  if (texts.titel !== undefined) doc.titel = texts.titel;
  if (texts.af !== undefined) doc.vedtaget.af = texts.af;
  // A text must say something to count (and an empty reason is an input error), so the hostile
  // text follows a real sentence: the report's structure then depends on nothing but the escaping.
  if (texts.opgaver !== undefined) doc.opgaver.tekst = `Kommunen yder rådgivning og behandling. ${texts.opgaver}`;
  if (texts.begrundelse !== undefined) (doc.erklæringer[0] as { begrundelse: string }).begrundelse = `Rusmiddelcentret bruger motiverende samtale efter manual. ${texts.begrundelse}`;
  return stringify(doc);
}

/** A local checklist with one skal requirement (a url), a gap in NO_URL. */
function checklist(texts: { title?: string; source?: string; publisher?: string; group?: string; text?: string; hint?: string; verbatim?: boolean }): string {
  return stringify({
    checklist: { id: 'lokal', title: texts.title ?? 'Lokale mål', source: { title: texts.source ?? 'Byrådets mål', ...(texts.publisher ? { publisher: texts.publisher } : {}), verbatim: texts.verbatim ?? false } },
    retningslinjer: [{ id: 'L1', title: texts.group ?? 'Byrådets mål' }],
    requirements: [{ id: 'L1.1', retningslinje: 'L1', levels: ['skal'], kind: 'document', actor: ['kommune'], text: texts.text ?? 'Standarden skal angive en webadresse.', ...(texts.hint ? { hint: texts.hint } : {}), check: { required: ['url'] } }],
  });
}

function write(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Every token of a Markdown document, nested ones included. */
function tokens(markdown: string): Token[] {
  const out: Token[] = [];
  const walk = (list: readonly Token[]) => {
    for (const t of list) {
      out.push(t);
      const nested = t as { tokens?: Token[]; items?: Token[]; header?: { tokens: Token[] }[]; rows?: { tokens: Token[] }[][] };
      if (nested.tokens) walk(nested.tokens);
      if (nested.items) walk(nested.items);
      for (const cell of nested.header ?? []) walk(cell.tokens);
      for (const row of nested.rows ?? []) for (const cell of row) walk(cell.tokens);
    }
  };
  walk(new Lexer({ gfm: true }).lex(markdown));
  return out;
}

const STRUCTURE = ['heading', 'list', 'list_item', 'html', 'link', 'image', 'blockquote', 'hr', 'code', 'table', 'strong', 'em', 'del'] as const;
const structure = (markdown: string) => {
  const all = tokens(markdown);
  return Object.fromEntries(STRUCTURE.map((type) => [type, all.filter((t) => t.type === type).length]));
};
const tableRows = (markdown: string) => tokens(markdown).flatMap((t) => (t.type === 'table' ? [(t as { rows: unknown[] }).rows.length] : []));
const htmlTags = (html: string) => Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'a', 'img', 'script', 'li', 'tr', 'td', 'blockquote', 'iframe', 'svg'].map((tag) => [tag, (html.match(new RegExp(`<${tag}\\b`, 'gi')) ?? []).length]));

const sarifSchema = JSON.parse(readFileSync(join(root, 'test', 'data', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
// The published schema has a pattern that is only valid without the u flag.
const validateSarif = addFormats(new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false })).compile(sarifSchema);
const sarifErrors = (text: string) => {
  validateSarif(JSON.parse(text));
  return validateSarif.errors ?? [];
};

describe('control characters from the input are shown, never written raw', () => {
  const hostile = `Lilleby\u0000 ${ESC}[31mRød${ESC}[0m\r\u007f\u0085\u009b2J\u202eevil\u2066`;

  it('in every report format, from the kommune, the titel and the vedtaget text', async () => {
    const dir = tempDir();
    const std = write(dir, 'std.yaml', standard({ kommune: hostile, titel: hostile, af: hostile }));
    for (const format of ['terminal', 'markdown', 'html', 'junit', 'json', 'sarif', 'github']) {
      const r = await run(['audit', std, '-f', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, format).not.toMatch(RAW_CONTROL);
    }
    const terminal = (await run(['audit', std])).stdout;
    // Shown, not dropped: ESC as ␛, NUL as ␀, DEL as ␡, a C1 control and a bidi override by number.
    expect(terminal).toContain('␛[31mRød␛[0m');
    expect(terminal).toContain('Lilleby␀');
    expect(terminal).toContain('\u2421\\u0085\\u009b2J\\u202eevil\\u2066');
    // The facts are one line each: a CR in the kommune cannot start a line of its own.
    expect(terminal).toMatch(/^Kommune: Lilleby␀ ␛\[31mRød␛\[0m␤␡/m);
  });

  it('from a local checklist, in the terminal catalog, explain and the GitHub annotations', async () => {
    const dir = tempDir();
    const std = write(dir, 'std.yaml', NO_URL);
    const lokal = write(dir, 'lokal.yaml', checklist({ text: `Webadresse ${ESC}]8;;https://evil.example${ESC}\\klik${ESC}]8;;${ESC}\\`, group: `Mål${ESC}[2J`, hint: `\u009b31mrød` }));
    const github = await run(['audit', std, '--lokal', lokal, '-f', 'github']);
    expect(github.code).toBe(1);
    expect(github.stdout).not.toMatch(RAW_CONTROL);
    expect(github.stdout).toContain('␛]8;;https://evil.example');
    for (const args of [['checklist', 'list'], ['explain', 'L1.1'], ['audit', std]]) {
      const r = await run([...args, '--lokal', lokal]);
      expect(r.stdout, args.join(' ')).not.toMatch(RAW_CONTROL);
      expect(r.stdout, args.join(' ')).toContain('␛');
    }
  });

  it('in error messages: an unknown requirement id, a key name, a file name in the progress line', async () => {
    const unknown = await run(['explain', `x${ESC}[31mrød\r\u0085`]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).not.toMatch(RAW_CONTROL);
    expect(unknown.stderr).toContain('kravet "x␛[31mrød␤\\u0085" findes ikke');

    const dir = tempDir();
    const key = write(dir, 'nøgle.yaml', `${COMPLETE}"gave\\e[31mkort\\nlinje": x\n`);
    const bad = await run(['audit', key]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(RAW_CONTROL);
    expect(bad.stderr).toContain('gave␛[31mkort␤linje');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);

    const sub = join(dir, 'mappe');
    mkdirSync(sub);
    write(sub, `a${ESC}[31m.yaml`, COMPLETE);
    write(sub, 'b.yaml', COMPLETE);
    const batch = await run(['audit', sub, '-f', 'json'], { tty: true });
    expect(batch.code).toBe(0);
    // The progress line's own ESC [K stays; the file name's ESC is shown.
    expect(batch.stderr.replaceAll(`\r${ESC}[K`, '')).not.toMatch(RAW_CONTROL);
    expect(batch.stderr).toContain('a␛[31m.yaml');
  });

  it('JUnit output stays well-formed XML with C0 controls, U+FFFE, U+FFFF and a lone surrogate', async () => {
    const dir = tempDir();
    const text = `Lilleby\u0001\u0008\u000b\u000c${ESC}\ufffe\uffff\ud800 & <x> "q" ]]>`;
    const std = write(dir, 'std.yaml', standard({ kommune: text }, NO_URL));
    const lokal = write(dir, 'lokal.yaml', checklist({ text, group: text }));
    const r = await run(['audit', std, '--lokal', lokal, '-f', 'junit']);
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    expect(r.stdout).toContain('Lilleby␁␈␋␌␛\\ufffe\\uffff');
  });
});

describe('text from the input never becomes structure', () => {
  it('a lone CR in the kommune opens no heading in the Markdown or HTML report, and the table holds', async () => {
    const dir = tempDir();
    const neutral = write(dir, 'neutral.yaml', standard({ kommune: 'Lilleby Kommune' }));
    const std = write(dir, 'std.yaml', standard({ kommune: 'Lilleby Kommune\r# Alle krav er opfyldt\r' }));
    const md = (await run(['audit', std, '-f', 'markdown'])).stdout;
    const mdNeutral = (await run(['audit', neutral, '-f', 'markdown'])).stdout;
    expect(structure(md)).toEqual(structure(mdNeutral));
    expect(tableRows(md)).toEqual(tableRows(mdNeutral));
    expect(md).toContain('| Kommune | Lilleby Kommune # Alle krav er opfyldt |');
    const html = (await run(['audit', std, '-f', 'html'])).stdout;
    expect(html).not.toContain('<h1>Alle krav er opfyldt</h1>');
    expect(htmlTags(html)).toEqual(htmlTags((await run(['audit', neutral, '-f', 'html'])).stdout));
  });

  it('list markers, setext underlines, autolinks and entities in the input stay text in Markdown', async () => {
    const dir = tempDir();
    const std = write(dir, 'std.yaml', NO_URL.replace('kommune: Eksempel Kommune', 'kommune: "se https://evil.example, www.evil.example og ond@evil.example &lt;b&gt;"'));
    const neutralStd = write(dir, 'neutral-std.yaml', NO_URL);
    for (const text of ['1) punkt', '+ punkt', 'Første linje\n===', 'Første linje\r---\r', '    kode']) {
      for (const verbatim of [true, false]) {
        const lokal = write(dir, 'lokal.yaml', checklist({ text, verbatim }));
        const md = (await run(['audit', std, '--lokal', lokal, '-f', 'markdown'])).stdout;
        const neutralList = write(dir, 'neutral.yaml', checklist({ text: 'Neutral tekst', verbatim }));
        const neutral = (await run(['audit', neutralStd, '--lokal', neutralList, '-f', 'markdown'])).stdout;
        expect(structure(md), `${JSON.stringify(text)} verbatim=${verbatim}`).toEqual(structure(neutral));
      }
    }
  });

  it("a local checklist's title and source cannot add links, scripts or images to the Markdown or HTML report", async () => {
    const dir = tempDir();
    const std = write(dir, 'std.yaml', NO_URL);
    const lokal = write(dir, 'lokal.yaml', checklist({ title: '[klik](javascript:alert(1))', source: '<script>alert(1)</script>', publisher: '<img src=x onerror=alert(1)>', verbatim: false }));
    const md = (await run(['audit', std, '--lokal', lokal, '-f', 'markdown'])).stdout;
    expect(md).not.toMatch(/(?<!\\)<(script|img)\b/i);
    expect(structure(md).link).toBe(0);
    expect(structure(md).html).toBe(0);
    const html = (await run(['audit', std, '--lokal', lokal, '-f', 'html'])).stdout;
    expect(html).not.toMatch(/<(script|img|a)\b/i);
    expect(html).not.toMatch(/href=/i);
    expect(html).toContain('[klik](javascript:alert(1))');
  });

  it('a key name in a code span cannot close it, nor bring a control character or a line break', () => {
    for (const key of ['/gave`kort', '/``x`', '`/a', `/a\r\n# b${ESC}[31m`]) {
      const found = tokens(`- Hvor: ${codeSpan(key)}`).filter((t) => t.type === 'codespan');
      expect(found, key).toHaveLength(1);
      expect((found[0] as { text: string }).text.trim(), key).toBe(key.replace(/\r\n/, ' ').replace(ESC, '␛').trim());
    }
  });

  it('the HTML renderer links only to http(s) and shows raw HTML and images as text', () => {
    const html = marked.parse('[a](javascript:alert(1)) [b](https://example.dk/) [c](data:text/html,x) ![i](https://example.dk/i.png) <b onclick="x">fed</b>') as string;
    expect(html).not.toMatch(/javascript:|data:/);
    expect(html).toContain('<a href="https://example.dk/">b</a>');
    expect(html).not.toMatch(/<(img|b)\b/);
    expect(html).toContain('&lt;b onclick=&quot;x&quot;&gt;');
  });
});

describe('GitHub workflow commands', () => {
  it('escape as @actions/core does: % CR LF in the message, and : , in properties too', () => {
    expect(workflowData('100% ok\r\n::error::x')).toBe('100%25 ok%0D%0A::error::x');
    expect(workflowProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(workflowData(`${ESC}[31m`)).toBe('␛[31m');
  });

  it('cannot be forged by a file name or a requirement text: one line per annotation', async () => {
    const dir = tempDir();
    const std = write(dir, `std,line=1::x${ESC}[1m.yaml`, NO_URL);
    const lokal = write(dir, 'lokal.yaml', checklist({ text: 'Webadresse\r\n::error file=ond.yaml,line=1::Alt er galt\n' }));
    const r = await run(['audit', std, '--lokal', lokal, '-f', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    const neutral = (await run(['audit', write(dir, 'neutral.yaml', NO_URL), '--lokal', write(dir, 'neutral-lokal.yaml', checklist({})), '-f', 'github'])).stdout.trim().split('\n');
    expect(lines).toHaveLength(neutral.length);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,:]*std%2Cline=1%3A%3Ax␛\[1m\.yaml,line=\d+,col=\d+,title=[^,:]*::[^\n]*$/);
    expect(r.stdout).toContain('Webadresse%0D%0A::error file=ond.yaml,line=1::Alt er galt%0A');
  });
});

describe('SARIF URIs', () => {
  it('percent-encode each segment of a file name with spaces or Danish letters, and validate', async () => {
    const dir = tempDir();
    const sub = join(dir, 'dk');
    mkdirSync(sub);
    for (const name of ['helsingør.yaml', 'my file.yaml', '100%#?.yaml']) {
      const file = write(sub, name, NO_URL);
      const r = await run(['audit', file, '--lokal', write(dir, 'lokal.yaml', checklist({})), '-f', 'sarif']);
      expect(r.code).toBe(1);
      expect(sarifErrors(r.stdout)).toEqual([]);
      const uris = (JSON.parse(r.stdout).runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]).map((x) => x.locations[0]?.physicalLocation.artifactLocation.uri);
      expect(uris.length).toBeGreaterThan(0);
      for (const uri of uris) expect(decodeURIComponent(uri?.split('/').pop() ?? '')).toBe(name);
    }
  });

  it('give ./standarder/x and standarder/x the same URI', () => {
    expect(pathUri('./standarder/x.yaml')).toBe('standarder/x.yaml');
    expect(pathUri('standarder/./x.yaml')).toBe('standarder/x.yaml');
    expect(pathUri('dk\\helsingør.yaml')).toBe('dk/helsing%C3%B8r.yaml');
    expect(pathUri('/tmp/my file.yaml')).toBe('/tmp/my%20file.yaml');
  });

  it('from the command line: a relative path with and without ./ gives one URI', async () => {
    const dir = tempDir();
    const file = relative(process.cwd(), write(dir, 'my file.yaml', without(COMPLETE, 'gavekort')));
    const uri = async (path: string) => JSON.parse((await run(['audit', path, '-f', 'sarif'])).stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri as string;
    expect(await uri(`./${file}`)).toBe(await uri(file));
  });
});

describe('property: hostile text in a standard and a local checklist', () => {
  const PIECES = [
    '\u0000', '\u0007', `${ESC}[31m`, `${ESC}]8;;https://evil.example${ESC}\\`, '\r', '\r\n', '\n', '\t', '\u007f', '\u0085', '\u009b2J', '\u202e', '\u2066', '\u2069', '\u2028', '\u2029',
    '\ufffe', '\uffff', '\ud800', '# ', '## Alle krav er opfyldt', '- ', '* ', '+ ', '1. ', '1) ', '> ', '=', '===', '---', '***', '    kode', '```', '~~~',
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<!-- x -->', '<http://evil.example>', '[klik](javascript:alert(1))', '![x](https://evil.example/x.png)',
    'https://evil.example', 'www.evil.example', 'ond@evil.example', '`', '|', '&amp;', '&lt;script&gt;', ']]>', '<![CDATA[', '"', "'", ',', ';', ':', '=SUM(A1)', '%0A',
    '::error::forged', '\\', '*', '_', '~~', 'æøå ÆØÅ', 'Lilleby Kommune', ' ', 'x'.repeat(5000),
  ];
  const hostile = fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4, unit: 'binary' })), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join(''))
    .filter((s) => s.length > 0);
  const texts = fc.record({ kommune: hostile, titel: hostile, af: hostile, opgaver: hostile, begrundelse: hostile, title: hostile, source: hostile, group: hostile, text: hostile, hint: hostile, verbatim: fc.boolean() });
  const FORMATS = [
    ['terminal', 'rapport.txt'],
    ['markdown', 'rapport.md'],
    ['html', 'rapport.html'],
    ['junit', 'rapport.xml'],
    ['sarif', 'rapport.sarif'],
    ['github', 'rapport.github'],
  ] as const;

  async function outputs(dir: string, std: string, lokal: string) {
    const args = ['audit', std, '--lokal', lokal, ...FORMATS.flatMap(([f, name]) => ['-f', f, '-o', join(dir, name)]), '-f', 'json'];
    const r = await run(args);
    const files = Object.fromEntries(FORMATS.map(([f, name]) => [f, readFileSync(join(dir, name), 'utf8')]));
    return { ...r, files: { ...files, json: r.stdout } as Record<(typeof FORMATS)[number][0] | 'json', string> };
  }

  it('every format: no raw control character, no new Markdown or HTML structure, well-formed JUnit, valid SARIF, one line per annotation', async () => {
    const dir = tempDir();
    const neutralText = 'Neutral tekst';
    const neutral = await outputs(
      dir,
      write(dir, 'neutral.yaml', standard({ kommune: neutralText, titel: neutralText, af: neutralText, opgaver: neutralText, begrundelse: neutralText }, NO_URL)),
      write(dir, 'neutral-lokal.yaml', checklist({ title: neutralText, source: neutralText, group: neutralText, text: neutralText, hint: neutralText, verbatim: false })),
    );
    expect(neutral.code, neutral.stderr).toBe(1);
    const neutralVerbatim = await outputs(dir, join(dir, 'neutral.yaml'), write(dir, 'neutral-lokal.yaml', checklist({ title: neutralText, source: neutralText, group: neutralText, text: neutralText, hint: neutralText, verbatim: true })));
    const expected = (verbatim: boolean) => (verbatim ? neutralVerbatim : neutral).files;

    await fc.assert(
      fc.asyncProperty(texts, async (t) => {
        // A marker such as "xxx" makes a text a placeholder, which is its own finding (or an input error).
        fc.pre(emptiness(`x ${t.opgaver}`) === null && emptiness(`x ${t.begrundelse}`) === null);
        const std = write(dir, 'std.yaml', standard(t, NO_URL));
        const lokal = write(dir, 'lokal.yaml', checklist(t));
        const r = await outputs(dir, std, lokal);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).not.toMatch(RAW_CONTROL);
        for (const [format, text] of Object.entries(r.files)) expect(text, format).not.toMatch(RAW_CONTROL);
        const want = expected(t.verbatim);
        expect(structure(r.files.markdown)).toEqual(structure(want.markdown));
        expect(tableRows(r.files.markdown)).toEqual(tableRows(want.markdown));
        expect(htmlTags(r.files.html)).toEqual(htmlTags(want.html));
        expect(XMLValidator.validate(r.files.junit)).toBe(true);
        expect(sarifErrors(r.files.sarif)).toEqual([]);
        const lines = r.files.github.trim().split('\n');
        expect(lines).toHaveLength(want.github.trim().split('\n').length);
        for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,]*,line=\d+,col=\d+,title=[^,]*::/);
        JSON.parse(r.files.json);
      }),
      { numRuns: 100, seed: 20261122, endOnFailure: true },
    );
  }, 120_000);
});
