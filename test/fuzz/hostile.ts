// The shared list of hostile strings, and fast-check arbitraries that place them in text.
// A payload that could become structure (a heading, a list, a link, an HTML element, a CI
// annotation) carries SENTINEL right after its metacharacters, so the checks can tell structure
// the input created from structure the tool made: the tool never starts a heading, a list item,
// a table cell or an annotation with input text, because generated text always starts with a
// plain Danish word (see `field`).
import fc from 'fast-check';

/** A word no report contains unless input text put it there. */
export const SENTINEL = 'Xq7z';
const S = SENTINEL;

/** C0 (except \t and \n, which are ordinary text), DEL and C1. */
export const CONTROL_CHARS: readonly string[] = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== '\t' && c !== '\n'),
  '\u007f',
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)),
];

/** Text that must reach every report as text, never as structure, colour or a command. */
export const HOSTILE: readonly string[] = [
  // Terminal control: colour, cursor, title, erase, a lone CR rewriting the line.
  `\u001b[31m${S} rød\u001b[0m`,
  `\u001b]0;${S}\u0007`,
  `\u001b[2J\u001b[H${S}`,
  `\u009b31m${S}`,
  `${S}\rAlle krav er opfyldt`,
  '\u0000',
  '\u0008\u0008\u0008',
  '\u007f',
  '\u0085',
  // Bidi overrides and non-characters.
  `\u202e${S}\u202c`,
  `\u2066${S}\u2069`,
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udc00',
  // Markdown structure, also after a CR alone (which some escapers miss).
  `\n# ${S} Alle krav er opfyldt\n`,
  `\r# ${S} Alle krav er opfyldt\r`,
  `\r\n## ${S}\r\n`,
  `\n- ${S} punkt\n`,
  `\r* ${S} punkt\r`,
  `\n1. ${S} punkt\n`,
  `\n> ${S} citat\n`,
  `\n\n    ${S} kode\n`,
  `\n\`\`\`\n${S}\n\`\`\`\n`,
  `\n---\n`,
  `| ${S} | celle |`,
  `\n| ${S} | b |\n|---|---|\n`,
  `[${S}](javascript:alert(1))`,
  `[klik](javascript:${S})`,
  `![${S}](https://evil.example/x.png)`,
  `https://${S}.example/`,
  `www.${S}.example`,
  `<https://${S}.example>`,
  `${S}@evil.example`,
  `*${S}* **${S}** _${S}_ ~~${S}~~ \`${S}\``,
  '\\',
  '[ref]: https://evil.example',
  // HTML and XML.
  `<script>${S}</script>`,
  `<img src=x onerror=${S}>`,
  `<a href="javascript:${S}">x</a>`,
  `<!--${S}-->`,
  `<![CDATA[${S}]]>`,
  `]]>${S}`,
  '&amp; &lt; &#0; &#x1b;',
  `"'><${S}/>`,
  `<?xml version="1.0"?>`,
  // CSV and spreadsheet formulas.
  `=HYPERLINK("https://evil.example","${S}")`,
  '+1;-2,"3"\t@SUM(A1)',
  // GitHub workflow commands, also after a newline or CR.
  `::error::${S}`,
  `\n::error file=x,line=1::${S}\n`,
  `\r::warning::${S}`,
  `%0A::error::${S}`,
  `\n::stop-commands::${S}\n`,
  `::add-mask::${S}`,
  // YAML- and template-looking text.
  '${HOME} $(id) `id` {{x}} %s %n',
  '&anker *alias !!binary',
  // Object keys that trip prototype handling.
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  // Paths and URLs.
  '../../../../etc/passwd',
  'C:\\Windows\\system32',
  'file:///etc/passwd',
  // Size.
  'æ'.repeat(5000),
  `${S}${'x'.repeat(20000)}`,
  '*'.repeat(5000),
  '['.repeat(2000),
  '_'.repeat(3000),
];

/** Words a report prints as it is: used where a check needs the text back. */
export const WORDS = ['rådgivning', 'behandling', 'borgeren', 'kommunen', 'døgnbehandling', 'Ankestyrelsen', 'frist', 'tilbud'];

/** One hostile string, a random control character, or a short random string of any code unit. */
export const hostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROL_CHARS).map((c) => `${c}${S}`) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

/** A text field: always starts with a plain word, then hostile text, maybe more words. */
export const field: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...WORDS), fc.array(hostile, { minLength: 1, maxLength: 3 }), fc.constantFrom('', ' slut', ' og mere tekst'))
  .map(([w, hs, tail]) => `${w} ${hs.join(' ')}${tail}`);

/** A key that trips naive object handling or carries control characters. */
export const hostileKey: fc.Arbitrary<string> = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  `nøgle\u001b[31m${S}`,
  `nøgle\r${S}`,
  `nøgle\u0000`,
  `nøgle\u0085${S}`,
  `# ${S}`,
  `<b>${S}</b>`,
  `::error::${S}`,
  'x'.repeat(2000),
);

/** A YAML scalar for the text: double-quoted with JSON escapes, so every code unit survives. */
export const yamlString = (s: string): string =>
  JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The text without what could make structure: for checks that want the words back. */
export const defang = (s: string): string => s.replace(/[^\p{L}\p{N} ]+/gu, ' ');
