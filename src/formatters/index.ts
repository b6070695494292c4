// The formatters, by name. Each is a pure function of the reports of one run (one per audited
// file) and a context, loaded only when asked for: the terminal formatter's table and colour
// libraries cost start-up time that a JSON run should not pay.
import type { Report } from '../audit.js';
import type { FormatContext } from './context.js';

export type Formatter = (reports: readonly Report[], ctx: FormatContext) => string;

const loaders = {
  terminal: async () => (await import('./terminal.js')).terminal,
  markdown: async () => (await import('./markdown.js')).markdown,
  html: async () => (await import('./html.js')).html,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  github: async () => (await import('./github.js')).github,
} satisfies Record<string, () => Promise<Formatter>>;

export type FormatName = keyof typeof loaders;
export const FORMAT_NAMES = Object.keys(loaders) as FormatName[];

export function loadFormatter(name: FormatName): Promise<Formatter> {
  return loaders[name]();
}

export type { FormatContext };
