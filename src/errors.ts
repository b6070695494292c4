import { visibleLine } from './safe-text.js';
import { t } from './messages.js';
import type { MessageArgs, MessageId } from './messages.js';
import type { Position } from './positions.js';

const BRAND = Symbol.for('kvalitetstjek.InputError');

/** A problem with the user's input (a file, an argument): reported in Danish, exit code 2. */
export class InputError extends Error {
  readonly [BRAND] = true;

  /**
   * The bundled CLI loads rarely used modules (import, html, …) from dist/, which have their own
   * copy of this class: `instanceof` goes by the brand, so their input errors are still input errors.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

  constructor(
    readonly file: string,
    readonly position: Position | undefined,
    readonly messageId: MessageId,
    readonly args: MessageArgs = {},
    readonly details: readonly InputError[] = [],
  ) {
    super(t(messageId, args));
    this.name = 'InputError';
  }

  /**
   * "fil:linje:kolonne: besked", the form editors and terminals turn into links. The file name and
   * the message quote the input (a key, an id from the command line): one line each, with every
   * control character shown, so that no input can recolour the terminal or add a line of its own.
   */
  format(): string {
    const message = visibleLine(this.message);
    // A usage error names no file: it reads like the command line's own errors.
    if (!this.file) return `kvalitetstjek: ${t('cli.error')}: ${message}`;
    const file = visibleLine(this.file);
    const where = this.position ? `${file}:${this.position.line}:${this.position.column}` : file;
    const head = `${where}: ${message}`;
    const more = Number(this.args.count ?? 0) - this.details.length;
    return [head, ...this.details.map((d) => '  ' + d.format()), ...(this.details.length > 0 && more > 0 ? ['  ' + t('input.moreErrors', { count: more })] : [])].join('\n');
  }
}

/** How many of a file's problems are listed; the rest are counted. Enough to act on, and bounded. */
export const MAX_LISTED_ERRORS = 50;

/** Several input errors at once: the first problems of a file are listed, not just the first one. */
export function inputErrors(file: string, errors: InputError[], total = errors.length): InputError {
  if (total === 1 && errors.length === 1) return errors[0] as InputError;
  return new InputError(file, errors[0]?.position, 'input.manyErrors', { count: total }, errors.slice(0, MAX_LISTED_ERRORS));
}
