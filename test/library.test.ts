// The library, as a municipality's own tooling imports it: by the package's name (the built dist/).
import { describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';

describe("import { audit, diff, loadChecklist } from 'kvalitetstjek'", () => {
  it('audits, diffs and formats without the command line', async () => {
    const lib = await import('kvalitetstjek');
    const lists = lib.loadBundledChecklists();
    const references = lib.loadReferenceData();
    const helsingoer = lib.loadStandard(fixture('helsingoer-rusmiddelbehandling.yaml'));
    const complete = lib.loadStandard(fixture('eksempel-komplet.yaml'));
    const before = lib.audit(helsingoer, lists, { auditDate: '2026-11-22', references });
    const after = lib.audit(complete, lists, { auditDate: '2026-11-22', references });
    expect(before.summary.gaps.skal).toBe(8);
    expect(after.summary.gaps.skal).toBe(0);
    const changes = lib.diff(before, after, helsingoer.data, complete.data);
    expect(changes.changes.filter((c) => c.kind === 'improvement').map((c) => c.id)).toContain('bek1477-4.1.9');
    const markdown = await lib.loadFormatter('markdown');
    expect(markdown([before], { color: false })).toMatch(/^# Kvalitetstjek af Rusmiddelbehandling/);
    const local = lib.loadChecklist(new URL('../checklists/bek-1477-kvalitetsstandard.yaml', import.meta.url).pathname);
    expect(local.requirements).toHaveLength(16);
  });
});
