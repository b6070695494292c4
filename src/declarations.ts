// Declarations (`erklæringer`) are the author's own word for what a document cannot show; one that
// names no requirement, points at no section or gives the template's sample reason is a mistake in
// the file, reported with its position rather than silently ignored.
import { closest } from 'fastest-levenshtein';
import { loadBundledChecklists } from './checklist.js';
import type { Checklist } from './checklist.js';
import { InputError, inputErrors } from './errors.js';
import { valueAt } from './positions.js';
import type { Standard } from './standard.js';
import { emptiness } from './substance.js';

/** Throws an InputError listing every faulty declaration; does nothing when all are sound. */
export function checkDeclarations(standard: Standard, lists: readonly Checklist[]): void {
  const declarations = standard.data.erklæringer ?? [];
  if (declarations.length === 0) return;
  const given = new Set(lists.flatMap((l) => l.requirements.map((r) => r.id)));
  let known: Set<string> | undefined;
  // A standard may declare a national requirement while a local list alone is audited: an id is
  // unknown only when no list, bundled or given, has it.
  const isKnown = (id: string) => given.has(id) || (known ??= new Set([...given, ...loadBundledChecklists().flatMap((l) => l.requirements.map((r) => r.id))])).has(id);
  const errors: InputError[] = [];
  const at = (pointer: string) => standard.source.locate(pointer);
  declarations.forEach((d, i) => {
    const base = `/erklæringer/${i}`;
    if (!isKnown(d.krav)) {
      const ids = [...(known ?? given)];
      errors.push(new InputError(standard.file, at(`${base}/krav`), 'input.declarationUnknown', { id: d.krav, suggestion: ids.length ? closest(d.krav, ids) : '' }));
    }
    if (d.henvisning !== undefined && valueAt(standard.data, d.henvisning) === undefined) {
      errors.push(new InputError(standard.file, at(`${base}/henvisning`), 'input.declarationReference', { pointer: d.henvisning }));
    }
    const empty = emptiness(d.begrundelse, 'begrundelse');
    if (empty) errors.push(new InputError(standard.file, at(`${base}/begrundelse`), `input.declarationEmpty.${empty}`));
  });
  if (errors.length) throw inputErrors(standard.file, errors);
}
