// Text from the input is untrusted: these are the rules that keep it text in Markdown (and in the
// HTML rendered from that Markdown). Built on the control-character rule in safe-text.ts.
import { visible } from '../safe-text.js';

/**
 * Input text as one line of Markdown text, safe in a paragraph, a heading, a list item or a table
 * cell: control characters shown, line breaks (LF, CR, CR LF, U+2028/2029) as spaces, every
 * character that could open inline structure (emphasis, code, links, autolinks, HTML, entities,
 * table cells) escaped, and a line start that could open a block (heading, list, quote, setext
 * underline, indented code) made plain. Space at either end, which Markdown would read as indentation
 * or a hard line break, is dropped.
 */
export function escapeMarkdown(text: string): string {
  return visible(text)
    .replace(/\n/g, ' ')
    .replace(/^[ \t]+|[ \t]+$/g, '')
    .replace(/[\\`*_[\]|<>~&@]/g, (c) => `\\${c}`)
    // GFM autolinks: any scheme's "://" and a bare "www.".
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+#=])/, '\\$1');
}

/** A quotation block of verbatim requirement text: each line of the text a line of the quote. */
export function quote(text: string): string {
  return visible(text)
    .split('\n')
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n');
}

/** Input text as a code span on one line: a backtick fence longer than any run of backticks in it. */
export function codeSpan(text: string): string {
  const body = visible(text).replace(/\n/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
