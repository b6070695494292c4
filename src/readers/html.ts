// A web page as saved from a municipality's website (or the HTML mammoth makes of a Word file) →
// the document model. Only the main content is kept: <main>, role=main or <article> when the page
// has one; navigation, cookie banners, scripts, forms and (outside the main content) the page's
// header and footer are dropped. Headings h1–h6, paragraphs, list items and table rows become
// blocks; a paragraph that is all bold and short is a heading, as Word users and web editors write
// one.
import { load } from 'cheerio';
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { block, joinCells, normalizeSpace } from '../document.js';
import type { Block, DocumentFormat, SourceDocument } from '../document.js';

/** Never content: scripts, forms, navigation and what is hidden from the reader. */
const NEVER = 'script, style, noscript, template, form, nav, iframe, svg, button, select, dialog, [hidden], [aria-hidden="true"], [role="navigation"], [role="search"], [role="dialog"], [role="alertdialog"]';
/** Cookie and consent banners, breadcrumbs and skip links, by their id or class. */
const CHROME = /cookie|consent|gdpr|breadcrumb|skip-?link|share-?bar/iu;
/** Elements that end a run of inline text. */
const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul']);
/** A bold paragraph this short, without final punctuation, is a heading. */
const BOLD_HEADING_WORDS = 12;

export interface HtmlOptions {
  /** The format to report (a Word file read through its HTML says 'docx'). */
  format?: DocumentFormat;
  /** Keep line numbers (not for HTML generated from another format). */
  lines?: boolean;
}

export function readHtml(html: string, options: HtmlOptions = {}): SourceDocument {
  const keepLines = options.lines ?? true;
  const $ = load(html, { sourceCodeLocationInfo: keepLines });
  $('br').replaceWith(' ');
  const root = mainContent($);
  root.find(NEVER).remove();
  root.find('[id], [class]').filter((_, el) => CHROME.test(`${$(el).attr('id') ?? ''} ${$(el).attr('class') ?? ''}`)).remove();
  // Without a main element the page's own header and footer surround the content: drop them.
  if (root.is('body')) root.find('body > header, body > footer, [role="banner"], [role="contentinfo"]').remove();

  const blocks: Block[] = [];
  const lineOf = (el: AnyNode): { line?: number } => {
    const line = keepLines ? (el as Element).sourceCodeLocation?.startLine : undefined;
    return line === undefined ? {} : { line };
  };
  const add = (b: Block | null) => {
    if (b) blocks.push(b);
  };

  const walk = (parent: Element) => {
    let inline: string[] = [];
    let inlineAt: AnyNode | null = null;
    const flush = () => {
      if (inlineAt) add(block('paragraph', inline.join(''), lineOf(inlineAt)));
      inline = [];
      inlineAt = null;
    };
    for (const node of parent.children) {
      if (node.type === 'text') {
        if (node.data.trim()) inlineAt ??= node.parent ?? node;
        inline.push(node.data);
        continue;
      }
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const el = node as Element;
      const tag = el.tagName.toLowerCase();
      if (!BLOCKS.has(tag)) {
        // Inline markup (a, span, strong …): its text runs on with the paragraph.
        const text = $(el).text();
        if (text.trim()) inlineAt ??= el;
        inline.push(text);
        continue;
      }
      flush();
      const level = /^h([1-6])$/.exec(tag)?.[1];
      if (level) add(block('heading', $(el).text(), lineOf(el), Number(level)));
      else if (tag === 'p') add(boldHeading($, el) ? block('heading', $(el).text(), lineOf(el), 3) : block('paragraph', $(el).text(), lineOf(el)));
      else if (tag === 'li') {
        const own = $(el).clone();
        own.find('ul, ol').remove();
        add(block('item', own.text(), lineOf(el)));
        $(el)
          .find('ul, ol')
          .filter((_, list) => $(list).parentsUntil(el, 'li').length === 0)
          .each((_, list) => walk(list));
      } else if (tag === 'tr') add(block('row', joinCells($(el).children('td, th').map((_, c) => $(c).text()).get()), lineOf(el)));
      else if (tag === 'pre' || tag === 'dt' || tag === 'dd' || tag === 'caption' || tag === 'figcaption' || tag === 'summary') add(block('paragraph', $(el).text(), lineOf(el)));
      else walk(el);
    }
    flush();
  };
  const top = root.get(0);
  if (top) walk(top);
  return { format: options.format ?? 'html', blocks };
}

/** The page's main content: <main>, role=main, the longest <article>, or else the body. */
function mainContent($: CheerioAPI): Cheerio<Element> {
  const main = $('main').first();
  if (main.length) return main;
  const role = $('[role="main"]').first();
  if (role.length) return role;
  const articles = $('article')
    .toArray()
    .sort((a, b) => $(b).text().length - $(a).text().length);
  if (articles[0]) return $(articles[0]);
  // A fragment without <body> (the parser adds one to every document) cannot occur.
  return $('body');
}

/** A paragraph whose every word is bold, short and without final punctuation. */
function boldHeading($: CheerioAPI, el: Element): boolean {
  const text = normalizeSpace($(el).text());
  if (!text || text.split(' ').length > BOLD_HEADING_WORDS || /[.,;:]$/.test(text)) return false;
  const bold = normalizeSpace(
    $(el)
      .find('strong, b')
      .filter((_, b) => $(b).parents('strong, b').length === 0)
      .map((_, b) => $(b).text())
      .get()
      .join(' '),
  );
  return bold === text;
}
