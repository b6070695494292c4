// What a formatter may know besides the report: nothing from process or argv, only this.
import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';

export interface FormatContext {
  color: boolean;
  /** Terminal width in characters, where known; tables wrap to fit it. */
  width?: number;
}

export function paint(ctx: FormatContext): ChalkInstance {
  return new Chalk({ level: ctx.color ? 1 : 0 });
}
