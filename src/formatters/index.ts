// The report formatters, by name. Each is a pure function of the report and a context.
import type { Report } from '../audit.js';
import type { FormatContext } from './context.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { terminal } from './terminal.js';

export type Formatter = (report: Report, ctx: FormatContext) => string;

export const formatters = { terminal, markdown, json } satisfies Record<string, Formatter>;
export type FormatName = keyof typeof formatters;
export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];
export type { FormatContext };
