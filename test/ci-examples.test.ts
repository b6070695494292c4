// The CI examples the README points to: the GitHub Actions workflow (docs/github-actions.yml) and the
// pre-commit hook definition (.pre-commit-hooks.yaml).
//
// No npm package ships SchemaStore's github-workflow.json (and it cannot be vendored here), so the
// schema below encodes the rules of it that an example can get wrong: the top-level, job and step
// keys GitHub accepts, a job's runs-on and steps, a step that either uses an action pinned to a ref
// or runs a command, and the permission SARIF upload needs. The workflow's own commands are then
// run against the built CLI, so the files it uploads are the files the audit writes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixture, root, tempDir } from './helpers.js';

const STEP = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    if: { type: ['string', 'boolean'] },
    name: { type: 'string' },
    uses: { type: 'string', pattern: '^(\\./|docker://|[\\w.-]+/[\\w./-]+@[\\w.-]+$)' },
    run: { type: 'string', minLength: 1 },
    with: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
    env: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
    shell: { type: 'string' },
    'working-directory': { type: 'string' },
    'continue-on-error': { type: ['boolean', 'string'] },
    'timeout-minutes': { type: ['number', 'string'] },
  },
  oneOf: [{ required: ['uses'], not: { required: ['run'] } }, { required: ['run'], not: { required: ['uses'] } }],
};
const PERMISSION = { enum: ['read', 'write', 'none'] };
const WORKFLOW = {
  type: 'object',
  additionalProperties: false,
  required: ['on', 'jobs'],
  properties: {
    name: { type: 'string' },
    'run-name': { type: 'string' },
    on: { type: ['object', 'string', 'array'] },
    permissions: { type: 'object', additionalProperties: PERMISSION },
    env: { type: 'object' },
    defaults: { type: 'object' },
    concurrency: { type: ['object', 'string'] },
    jobs: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[A-Za-z_][\\w-]*$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['runs-on', 'steps'],
        properties: {
          name: { type: 'string' },
          needs: { type: ['string', 'array'] },
          if: { type: ['string', 'boolean'] },
          'runs-on': { type: ['string', 'array', 'object'] },
          permissions: { type: 'object', additionalProperties: PERMISSION },
          env: { type: 'object' },
          strategy: { type: 'object' },
          'timeout-minutes': { type: 'number' },
          'continue-on-error': { type: ['boolean', 'string'] },
          steps: { type: 'array', minItems: 1, items: STEP },
        },
      },
    },
  },
};

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
}
const workflowText = readFileSync(join(root, 'docs', 'github-actions.yml'), 'utf8');
const workflow = parse(workflowText) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
const auditLine = steps.map((s) => s.run ?? '').find((r) => r.startsWith('kvalitetstjek audit')) ?? '';
/** The file the audit writes for a format: the -o paired with its -f. */
const outputFor = (format: string) => {
  const words = auditLine.split(/\s+/);
  const formats = words.flatMap((w, i) => (w === '-f' ? [words[i + 1]] : []));
  const outputs = words.flatMap((w, i) => (w === '-o' ? [words[i + 1]] : []));
  return outputs[formats.indexOf(format)];
};

describe('the GitHub Actions example', () => {
  it('is a workflow GitHub accepts', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(WORKFLOW);
    expect(validate(workflow), JSON.stringify(validate.errors)).toBe(true);
    // Every expression is closed.
    expect(workflowText.match(/\$\{\{/g)?.length).toBe(workflowText.match(/\}\}/g)?.length);
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request']));
  });

  it('uploads the SARIF, publishes the JUnit, annotates, and puts the diff in the step summary', () => {
    expect(workflow.permissions['security-events']).toBe('write');
    expect(auditLine).toMatch(/ -f github(\s|$)/);
    const sarif = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(sarif?.with?.sarif_file).toBe(outputFor('sarif'));
    // The audit fails on gaps: the upload steps must run all the same.
    expect(sarif?.if).toContain('always()');
    const junit = steps.find((s) => s.with?.report_paths !== undefined);
    expect(junit?.with?.report_paths).toBe(outputFor('junit'));
    expect(steps.some((s) => /kvalitetstjek diff .*--git .*-f markdown.*>> "\$GITHUB_STEP_SUMMARY"/.test(s.run ?? ''))).toBe(true);
  });

  it("runs its audit command as written, and writes the files the later steps upload", () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'standarder'));
    copyFileSync(fixture('helsingoer-rusmiddelbehandling.yaml'), join(dir, 'standarder', 'helsingoer.yaml'));
    const args = auditLine.split(/\s+/).slice(1);
    const r = spawnSync(process.execPath, [join(root, 'bin', 'kvalitetstjek.cjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: '' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=standarder\/helsingoer\.yaml,line=\d+/m);
    for (const format of ['sarif', 'junit']) expect(existsSync(join(dir, outputFor(format) ?? 'ingen'))).toBe(true);
  });
});

describe('the pre-commit hook definition', () => {
  it('has the fields pre-commit requires, and runs the installed command', () => {
    const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    expect(Array.isArray(hooks) && hooks.length > 0).toBe(true);
    const bin = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin);
    for (const hook of hooks) {
      for (const field of ['id', 'name', 'entry', 'language']) expect(typeof hook[field], field).toBe('string');
      // pre-commit installs a "node" hook's repository with npm, which puts its bin on the PATH.
      expect(hook.language).toBe('node');
      expect(bin).toContain(String(hook.entry).split(' ')[0]);
      expect(String(hook.entry).split(' ')[1]).toBe('audit');
    }
  });
});
