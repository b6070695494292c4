// Makes the import's test corpus in fixtures/import/ from one content: Fjordby's plain du-language
// standard (fixtures/fjordby-du-standard.yaml), published the ways municipalities publish:
//   fjordby.html  a page saved from the website, with navigation, cookie banner, breadcrumbs and footer
//   fjordby.pdf   the same text printed by Chromium, with a running header and "Side x af y" footer
//   fjordby.docx  a Word file: some headings in Word's heading styles, others as bold short paragraphs
//   fjordby.md    Markdown, the offers as a table
//   fjordby.txt   text as a PDF extractor gives it: one line a row, blank lines between, numbered headings
//   helsingoer-001.txt  seeds/001 as it is
// The generated files are committed; run again (node scripts/make-import-fixtures.mjs) after
// changing the content. The tests import content() to know which words and headings must be kept.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'fixtures', 'import');
const SEED = join(root, '..', 'shared', 'seeds', '001_17d60edeaf6d916d.txt');

/** Page chrome of the saved web page and the printed PDF: none of it may reach the draft. */
export const CHROME_WORDS = ['Cookieindstillinger', 'Erhverv', 'Selvbetjening', 'Rådhuspladsen', 'Tilgængelighedserklæring', 'Forsidebillede', 'Sidehoved'];
/** The running header printed on every PDF page. */
export const PDF_HEADER = 'Fjordby Kommune · Kvalitetsstandard 2025 · Sidehoved';

const ORDER = ['lovgrundlag', 'opgaver', 'målgruppe', 'formål', 'organisering', 'visitation', 'behandlingsgaranti', 'frit_valg', 'behandlingsplan', 'handleplaner', 'brugerinddragelse', 'kost_og_logi', 'klageadgang', 'personale', 'monitorering', 'gavekort'];

/**
 * The standard as a list of parts: the title, a subtitle and an introduction stating its facts,
 * then each section's heading and paragraphs; the offers as a table.
 */
export function content() {
  const data = parse(readFileSync(join(root, 'fixtures', 'fjordby-du-standard.yaml'), 'utf8'));
  const paras = (text) => (text ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const parts = [
    { kind: 'title', text: data.titel },
    { kind: 'p', text: data.undertitel },
    { kind: 'p', text: `Vedtaget af ${data.vedtaget.af} den 20. maj 2025. Standarden revideres senest i maj 2027 og kan læses på ${data.url}. ${data.brugerorganisationer[0]} har været med til at revidere standarden.` },
  ];
  const sections = [...ORDER.map((k) => data[k]), ...data.øvrige_afsnit];
  for (const s of sections) {
    parts.push({ kind: 'h', text: s.overskrift });
    for (const p of [...paras(s.tekst), ...paras(s.værdier_og_normer), ...paras(s.mål)]) parts.push({ kind: 'p', text: p });
    if (s.tilbud) {
      parts.push({ kind: 'h', text: 'Det kan vi tilbyde dig' });
      parts.push({ kind: 'table', head: ['Tilbud', 'Hvad går det ud på?'], rows: s.tilbud.map((o) => [o.navn, o.indhold.trim()]) });
    }
  }
  return parts;
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The content as HTML; `boldFrom` makes headings from that section on bold paragraphs, not <h2>. */
function bodyHtml(parts, boldFrom = Infinity) {
  let h = 0;
  return parts
    .map((p) => {
      if (p.kind === 'title') return `<h1>${esc(p.text)}</h1>`;
      if (p.kind === 'h') return h++ >= boldFrom ? `<p><strong>${esc(p.text)}</strong></p>` : `<h2>${esc(p.text)}</h2>`;
      if (p.kind === 'p') return `<p>${esc(p.text)}</p>`;
      const row = (cells, tag) => `<tr>${cells.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;
      return `<table><thead>${row(p.head, 'th')}</thead><tbody>${p.rows.map((r) => row(r, 'td')).join('\n')}</tbody></table>`;
    })
    .join('\n');
}

function savedPage(parts) {
  return `<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>Kvalitetsstandard for stofmisbrugsbehandling | Fjordby Kommune</title>
<link rel="stylesheet" href="/static/css/site.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
</head>
<body class="page-article">
<a class="skip-link" href="#indhold">Gå til indhold</a>
<div id="cookie-banner" class="cookie-consent" role="dialog">
  <p>Fjordby Kommune bruger cookies til statistik. Læs mere under Cookieindstillinger.</p>
  <button>Accepter alle</button> <button>Kun nødvendige</button>
</div>
<header class="site-header">
  <img src="/static/logo.svg" alt="Forsidebillede Fjordby Kommune">
  <nav aria-label="Hovedmenu"><ul><li><a href="/borger">Borger</a></li><li><a href="/erhverv">Erhverv</a></li><li><a href="/politik">Politik og demokrati</a></li><li><a href="/selvbetjening">Selvbetjening</a></li></ul></nav>
  <form class="search" action="/soeg"><input name="q" placeholder="Søg på fjordby.dk"><button>Søg</button></form>
</header>
<nav class="breadcrumb" aria-label="Brødkrumme"><a href="/">Forside</a> › <a href="/borger">Borger</a> › <a href="/rusmidler">Rusmidler</a></nav>
<main id="indhold">
<article>
${bodyHtml(parts)}
</article>
</main>
<aside class="related"><h2>Se også</h2><ul><li><a href="/erhverv/alkoholbevilling">Erhverv: alkoholbevilling</a></li></ul></aside>
<footer class="site-footer">
  <p>Fjordby Kommune · Rådhuspladsen 1 · 7000 Fjordby · Telefon 70 00 00 00</p>
  <ul><li><a href="/tilgaengelighed">Tilgængelighedserklæring</a></li><li><a href="/cookies">Cookieindstillinger</a></li></ul>
</footer>
<script src="/static/js/site.js"></script>
</body>
</html>
`;
}

function printPage(parts) {
  return `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><style>
body { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 22pt; } h2 { font-size: 15pt; margin-top: 1.2em; }
p strong { font-size: 11pt; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: 4pt; text-align: left; vertical-align: top; }
</style></head><body>${bodyHtml(parts, 14)}</body></html>`;
}

async function printPdf(parts, file) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.setContent(printPage(parts), { waitUntil: 'load' });
    await page.pdf({
      path: file,
      format: 'A4',
      margin: { top: '25mm', bottom: '25mm', left: '22mm', right: '22mm' },
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:8pt;width:100%;text-align:center;font-family:sans-serif">${esc(PDF_HEADER)}</div>`,
      footerTemplate: '<div style="font-size:8pt;width:100%;text-align:center;font-family:sans-serif">Side <span class="pageNumber"></span> af <span class="totalPages"></span></div>',
    });
  } finally {
    await browser.close();
  }
}

async function writeDocx(parts, file) {
  const { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');
  let h = 0;
  const children = parts.map((p) => {
    if (p.kind === 'title') return new Paragraph({ text: p.text, heading: HeadingLevel.TITLE });
    // Every other heading in Word's heading style; the rest bold, as many write them.
    if (p.kind === 'h') return h++ % 2 === 0 ? new Paragraph({ text: p.text, heading: HeadingLevel.HEADING_2 }) : new Paragraph({ children: [new TextRun({ text: p.text, bold: true })] });
    if (p.kind === 'p') return new Paragraph({ text: p.text });
    const cell = (text, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ children: p.head.map((c) => cell(c, true)) }), ...p.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
    });
  });
  const doc = new Document({ creator: 'Fjordby Kommune', title: parts[0].text, sections: [{ children }] });
  writeFileSync(file, await Packer.toBuffer(doc));
}

/** As Markdown, the offers as a Markdown table. */
function markdown(parts) {
  return parts
    .map((p) => {
      if (p.kind === 'title') return `# ${p.text}`;
      if (p.kind === 'h') return `## ${p.text}`;
      if (p.kind === 'p') return p.text;
      const row = (cells) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
      return [row(p.head), row(p.head.map(() => '---')), ...p.rows.map(row)].join('\n');
    })
    .join('\n\n') + '\n';
}

/** Wrapped at about 80 characters, every line followed by a blank line, as seeds/001. */
function extractedText(parts) {
  const lines = [];
  const wrap = (text, bullet = '') => {
    let line = '';
    let indent = bullet;
    for (const word of text.split(/\s+/)) {
      if (line && (line + ' ' + word).length > 80) {
        lines.push(indent + line + ' ', '');
        indent = '';
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(indent + line + ' ', '');
  };
  let n = 0;
  for (const p of parts) {
    if (p.kind === 'title') lines.push(p.text, '');
    else if (p.kind === 'h') lines.push(`${++n} ${p.text}`, '');
    else if (p.kind === 'p') wrap(p.text);
    else for (const r of p.rows) wrap(`${r[0]}: ${r[1]}`, ' • ');
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(out, { recursive: true });
  const parts = content();
  writeFileSync(join(out, 'fjordby.html'), savedPage(parts));
  writeFileSync(join(out, 'fjordby.txt'), extractedText(parts));
  writeFileSync(join(out, 'fjordby.md'), markdown(parts));
  writeFileSync(join(out, 'helsingoer-001.txt'), readFileSync(SEED));
  await writeDocx(parts, join(out, 'fjordby.docx'));
  await printPdf(parts, join(out, 'fjordby.pdf'));
  console.log(`skrevet til ${out}`);
}
