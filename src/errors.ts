import { t } from './messages.js';
import type { MessageArgs, MessageId } from './messages.js';
import type { Position } from './positions.js';

/** A problem with the user's input (a file, an argument): reported in Danish, exit code 2. */
export class InputError extends Error {
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

  /** "fil:linje:kolonne: besked", the form editors and terminals turn into links. */
  format(): string {
    // A usage error names no file: it reads like the command line's own errors.
    if (!this.file) return `kvalitetstjek: ${t('cli.error')}: ${this.message}`;
    const where = this.position ? `${this.file}:${this.position.line}:${this.position.column}` : this.file;
    const head = `${where}: ${this.message}`;
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
