// The committee report as a PDF: the HTML printed by headless Chromium (its @page rules give A4,
// the running header and the page numbers). I/O, so not a formatter: the HTML is rendered first,
// written to a private temporary folder, printed there, and the PDF's bytes come back to be written
// with the command's other outputs, all or nothing.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from './errors.js';

/** The names Chromium goes by on Linux, macOS and Windows installs, in the order they are tried. */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'msedge'];
const MAC = ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The Chromium to print with: the one named (option, then CHROMIUM_PATH), else the first on PATH. */
export function findChromium(named: string | undefined, env: Record<string, string | undefined>): string {
  const given = named ?? env.CHROMIUM_PATH;
  if (given) {
    if (!executable(given)) throw new InputError(given, undefined, 'pdf.badChromium');
    return given;
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => isAbsolute(d));
  for (const name of NAMES) for (const dir of dirs) if (executable(join(dir, name))) return join(dir, name);
  const mac = MAC.find(executable);
  if (mac) return mac;
  throw new InputError('', undefined, 'pdf.noChromium');
}

/** Print an HTML document to PDF bytes with headless Chromium. */
export function printPdf(html: string, chromium: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'kvalitetstjek-pdf-'));
  try {
    const page = join(dir, 'rapport.html');
    const pdf = join(dir, 'rapport.pdf');
    writeFileSync(page, html, { mode: 0o600 });
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The HTML fetches nothing (its Content-Security-Policy says so); no proxy, no network either.
      '--no-proxy-server',
      '--no-pdf-header-footer',
      `--user-data-dir=${join(dir, 'profil')}`,
      `--print-to-pdf=${pdf}`,
      // Chromium's sandbox cannot run as root (containers, CI); the page runs no script.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(page).href,
    ];
    const run = spawnSync(chromium, args, { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(pdf);
    } catch {
      bytes = undefined;
    }
    if (run.error || !bytes || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      const detail = run.error ? run.error.message : (run.stderr ?? '').split('\n').filter((l) => l.trim() && !/dbus|DBus/.test(l)).slice(-1)[0] ?? `afslutningskode ${run.status}`;
      throw new InputError(chromium, undefined, 'pdf.failed', { detail });
    }
    return new Uint8Array(bytes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
