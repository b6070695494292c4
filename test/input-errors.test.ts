// Every broken input: a Danish message naming file, line and column, exit code 2, no stack trace,
// and the file left exactly as it was. The expected position is written in each fixture's first line.
import { describe, expect, it } from 'vitest';
import { cli, expectInputError, fixture, hasStackTrace } from './helpers.js';


const cases: { name: string; file: string; message: RegExp; position?: { line: number; column: number } }[] = [
  { name: 'invalid YAML', file: fixture('fejl/ugyldig-yaml.yaml'), message: /ugyldig YAML: linjen er indrykket forkert/ },
  { name: 'an unclosed [ ] list', file: fixture('fejl/uafsluttet-liste.yaml'), message: /ugyldig YAML: en liste i \[ \] eller en samling i \{ \} ovenfor er ikke lukket/ },
  { name: 'a wrong type', file: fixture('fejl/forkert-type.yaml'), message: /behandlingsgaranti\.frist_dage skal være et heltal/ },
  { name: 'an unknown key', file: fixture('fejl/ukendt-noegle.yaml'), message: /ukendt nøgle "malgruppe"; mente du "målgruppe"\?/ },
  { name: 'a file that is not UTF-8', file: fixture('fejl/ikke-utf8.yaml'), message: /ikke gemt som UTF-8/ },
  { name: 'an empty file', file: fixture('fejl/tom.yaml'), message: /filen er tom/, position: { line: 1, column: 1 } },
];

describe.each(['validate', 'audit'])('kvalitetstjek %s on broken input', (command) => {
  it.each(cases)('$name', ({ file, message, position }) => {
    expectInputError(command, file, message, position);
  });

  it('a missing file', () => {
    const file = fixture('fejl/findes-ikke.yaml');
    const run = cli([command, file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${file}: filen findes ikke\n`);
  });
});

describe('usage errors', () => {
  it.each([
    [['audit'], /argumentet 'filer' mangler/],
    [['audit', fixture('eksempel-komplet.yaml'), '--format', 'docx'], /ugyldig værdi "docx" for --format: vælg mellem terminal, markdown, html, json, sarif, junit, github, pdf/],
    [['audit', fixture('eksempel-komplet.yaml'), '--format', 'pdf'], /PDF skrives til en fil: angiv -o FIL\.pdf/],
    [['audit', fixture('eksempel-komplet.yaml'), '-f', 'json', '-f', 'sarif'], /kun ét format kan skrives til skærmen/],
    [['diff', fixture('eksempel-komplet.yaml')], /angiv to filer, eller én fil og --git/],
    [['audit', 'fixtures/ingen/*.yaml'], /ingen filer matcher/],
    [['audit', fixture('eksempel-komplet.yaml'), '--varsel-dage', 'snart'], /--varsel-dage skal være et helt antal dage, ikke "snart"/],
    [['audit', fixture('eksempel-komplet.yaml'), '--dato', '2026-02-30'], /ugyldig dato "2026-02-30"/],
    [['audit', fixture('eksempel-komplet.yaml'), '--fail-on', 'altid'], /ugyldig værdi "altid" for --fail-on/],
    [['revider'], /ukendt kommando 'revider'/],
    [['checklist', 'list', '--niveau', 'måske'], /ugyldig værdi "måske" for --niveau/],
    [['audit', fixture('eksempel-komplet.yaml'), '--ukendt'], /ukendt tilvalg '--ukendt'/],
    [['explain', '9.9.9'], /kravet "9\.9\.9" findes ikke i tjeklisterne/],
  ])('%j', (args, message) => {
    const run = cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
