// Text from the input (a standard, a checklist, a file name, the command line) is untrusted: it must
// never become a control sequence or structure in any output. Each rule lives here once; the
// Markdown rules, built on these, are in markdown-escape.ts.

/** Every way text can break a line (CR LF, a lone CR, LINE and PARAGRAPH SEPARATOR). */
const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;

/**
 * Characters a terminal or a reader would act on rather than show: C0 controls other than TAB and
 * LF, DEL, C1 controls, the bidi embeddings, overrides and isolates, the noncharacters U+FFFE and
 * U+FFFF, and lone surrogates (which no UTF encoding can carry).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HIDDEN = new RegExp(`[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069\\uFFFE\\uFFFF]|${LONE_SURROGATE.source}`, 'g');

const hex = (c: string) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;

/** A C0 control as its Unicode control picture (ESC as ␛), DEL as ␡, anything else as \uXXXX. */
function picture(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return hex(c);
}

/** Input text made safe to show: line breaks as \n, TAB kept, every other control shown visibly. */
export function visible(text: string): string {
  return text.replace(LINE_BREAK, '\n').replace(HIDDEN, picture);
}

/** As visible, on one line: a line break shows as ␤ (for error messages, progress and the like). */
export function visibleLine(text: string): string {
  return visible(text).replace(/\n/g, '\u2424');
}

/**
 * YAML text as the yaml library writes it, made safe: it escapes C0 controls in double-quoted
 * scalars but writes C1 controls, bidi overrides and noncharacters raw (and puts those strings in
 * double quotes). There a \uXXXX escape means the same character to a parser; in a comment, which
 * has no escapes, the character is shown visibly instead.
 */
export function yamlText(yaml: string): string {
  return yaml
    .split('\n')
    .map((line) => (/^\s*#/.test(line) ? visible(line) : line.replace(HIDDEN, hex)))
    .join('\n');
}

/**
 * JSON text for a value. JSON.stringify escapes C0 controls but writes C1 controls, bidi overrides
 * and U+2028/2029 raw; they can only stand inside strings, so escaping them as \uXXXX here changes
 * nothing a parser sees.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g, hex);
}

/** Text or an attribute value (in double quotes) in HTML. */
export function escapeHtml(text: string): string {
  return visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Text or an attribute value (in double quotes) in XML 1.0: after visible, every character left is one XML allows. */
export function escapeXml(text: string): string {
  return visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// GitHub workflow commands, escaped as @actions/core does (toCommandValue, escapeData, escapeProperty).
// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
/** The message of a workflow command. */
export function workflowData(text: string): string {
  // Controls are shown as everywhere else, but CR and LF are left to the escaping, as in @actions/core.
  return text.replace(HIDDEN, (c) => (c === '\r' ? c : picture(c))).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (file=, title=) of a workflow command. */
export function workflowProperty(text: string): string {
  return workflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A file path as a relative or absolute URI reference (RFC 3986): forward slashes, each segment
 * percent-encoded, and "./" steps dropped, so ./standarder/x and standarder/x give the same URI.
 */
export function pathUri(file: string): string {
  const segments = file.split('\\').join('/').split('/');
  const kept = segments.filter((s, i) => s !== '.' && !(s === '' && i > 0 && i < segments.length - 1));
  // encodeURIComponent throws on a lone surrogate: it becomes U+FFFD first.
  return kept.map((s) => encodeURIComponent(s.replace(LONE_SURROGATE, '\uFFFD'))).join('/') || '.';
}

/**
 * A report (or any plain data) with visible applied to every string in it: for the formatters that
 * print text as it is (the terminal), so that no field from the input is ever missed.
 */
export function visibleDeep<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => visibleDeep(v)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visibleDeep(v)])) as T;
  return value;
}

/** A CSS string in double quotes: every character but letters, digits and a few marks as a hex escape. */
export function cssString(text: string): string {
  const body = [...visible(text).replace(/\n/g, ' ')].map((c) => (/[\p{L}\p{N} .,·()]/u.test(c) ? c : `\\${(c.codePointAt(0) ?? 0).toString(16)} `)).join('');
  return `"${body}"`;
}
