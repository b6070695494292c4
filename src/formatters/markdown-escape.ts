// Text from a standard is untrusted: escape it before it enters Markdown.
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|<>~]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ')
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^([-+#])/, '\\$1');
}

/** A quotation block of verbatim requirement text (the requirement data is ours, but still escaped). */
export function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n');
}
