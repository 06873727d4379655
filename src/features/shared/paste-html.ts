/**
 * Pasted HTML (Word, Word for the web, Excel, web pages) turned into the comment's own small
 * structure: paragraphs, bold, italic, underline, links and nested bullet or numbered lists.
 *
 * Word does not put real lists on the clipboard: each item is a paragraph styled
 * `mso-list:l0 level1 lfo1`, its marker ("·", "o", "1)", "a.") written out as text inside
 * `<![if !supportLists]>` … `<![endif]>` or a `mso-list:Ignore` span. Here those paragraphs
 * become list items, nested by their level, numbered when Word's list definition (or the marker)
 * says so. Table cells become paragraphs of their own, row by row. Everything else (classes,
 * styles, o:p, comments, Word for the web's span wrappers) is dropped, keeping the text.
 *
 * Uses the DOM (DOMParser, Range), as it runs in the browser; the result is not yet sanitized:
 * the caller passes it through sanitizeCommentHtml, as every comment HTML.
 */

type Inline = string;

interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly html: Inline;
  /** A Word "list paragraph" with no number: more text of the list item above. */
  readonly continuesList?: boolean;
}

interface ItemBlock {
  readonly kind: 'item';
  /** Items with the same list belong together; another list starts a new one. */
  readonly list: string;
  readonly level: number;
  readonly ordered: boolean;
  readonly html: Inline;
}

type Block = ParagraphBlock | ItemBlock;

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'UL',
]);

/** Elements whose content is never text of the comment. */
const DROPPED_TAGS = new Set([
  'HEAD',
  'STYLE',
  'SCRIPT',
  'TEMPLATE',
  'META',
  'LINK',
  'TITLE',
  'XML',
  'O:P',
  'IMG',
  'SVG',
  'OBJECT',
  'IFRAME',
  'COL',
  'COLGROUP',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
]);

const MSO_LIST = /mso-list\s*:\s*(l\d+)\s+level(\d+)(?:\s+(lfo\d+))?/i;

/** Word's list definitions in the clipboard's <style>: "l0:1" → is that level bullets? */
function wordListFormats(doc: Document): Map<string, boolean> {
  const formats = new Map<string, boolean>();
  const css = [...doc.querySelectorAll('style')].map((s) => s.textContent).join('\n');
  for (const match of css.matchAll(/@list\s+(l\d+):level(\d+)\s*\{([^}]*)\}/gi)) {
    const [, list = '', level = '', body = ''] = match;
    const bullet = /mso-level-number-format\s*:\s*bullet/i.test(body);
    formats.set(`${list.toLowerCase()}:${level}`, bullet);
  }
  return formats;
}

/** A marker that counts ("1)", "2.", "a.", "iv)", "(b)") rather than a bullet ("·", "o", "§"). */
function isNumberMarker(marker: string): boolean {
  const text = marker.replace(/\s+/g, '');
  return /\d/.test(text) || /^\(?[a-z]{1,5}[.)]$/i.test(text);
}

/**
 * Takes the list marker out of a Word list paragraph and returns its text: the content between
 * `[if !supportLists]` and `[endif]` comments, or a `mso-list:Ignore` span.
 */
function takeWordMarker(paragraph: Element): string {
  const doc = paragraph.ownerDocument;
  const walker = doc.createTreeWalker(paragraph, NodeFilter.SHOW_COMMENT);
  let start: Comment | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Comment).data.trim();
    if (!start && /^\[if !supportLists\]/i.test(data)) start = node as Comment;
    else if (start && /^\[endif\]/i.test(data)) {
      const range = doc.createRange();
      range.setStartAfter(start);
      range.setEndBefore(node);
      const marker = range.toString();
      range.deleteContents();
      return marker;
    }
  }
  let marker = '';
  for (const span of paragraph.querySelectorAll('span')) {
    if (/mso-list\s*:\s*ignore/i.test(span.getAttribute('style') ?? '')) {
      marker += span.textContent;
      span.remove();
    }
  }
  return marker;
}

function styleOf(element: Element): string {
  return element.getAttribute('style') ?? '';
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** Clean inline HTML of a node's children: text and the marks the comment knows. */
function inlineOf(parent: Node): Inline {
  let html = '';
  for (const child of parent.childNodes) html += inlineNode(child);
  return html;
}

function inlineNode(node: Node): Inline {
  if (node.nodeType === Node.TEXT_NODE) {
    // Word wraps its source lines; in HTML those line ends are spaces.
    return escapeText((node.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' '));
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const element = node as Element;
  const tag = element.tagName.toUpperCase();
  if (DROPPED_TAGS.has(tag)) return '';
  if (tag === 'BR') return '<br>';
  const inner = inlineOf(element);
  if (inner === '') return '';
  const style = styleOf(element);
  const normalWeight = /font-weight\s*:\s*(normal|[1-4]00)\b/i.test(style);
  if (tag === 'A') {
    const href = element.getAttribute('href');
    return href && !href.startsWith('#')
      ? `<a href="${escapeAttribute(href)}">${inner}</a>`
      : inner;
  }
  let html = inner;
  if (/text-decoration[^;]*underline/i.test(style) || tag === 'U' || tag === 'INS') {
    html = `<u>${html}</u>`;
  }
  if (/font-style\s*:\s*italic/i.test(style) || tag === 'I' || tag === 'EM') {
    html = `<em>${html}</em>`;
  }
  // Google Docs wraps everything in <b style="font-weight:normal">.
  const bold =
    /font-weight\s*:\s*(bold|bolder|[6-9]00)\b/i.test(style) ||
    ((tag === 'B' || tag === 'STRONG') && !normalWeight);
  if (bold) html = `<strong>${html}</strong>`;
  return html;
}

/** Paragraph text without Word's spacing at its edges; '' for an empty one. */
function trimInline(html: Inline): Inline {
  const trimmed = html
    .replace(/^(?:\s|\u00a0|<br>)+/, '')
    .replace(/(?:\s|\u00a0|<br>)+$/, '')
    .replace(/^((?:<(?:strong|em|u|a [^>]*)>)+)(?:\s|\u00a0)+/, '$1')
    .replace(/(?:\s|\u00a0)+((?:<\/(?:strong|em|u|a)>)+)$/, '$1');
  const text = trimmed.replace(/<[^>]*>/g, '').replace(/[\s\u00a0]+/g, '');
  return text === '' ? '' : trimmed;
}

class Reader {
  readonly blocks: Block[] = [];
  private generated = 0;

  constructor(private readonly formats: Map<string, boolean>) {}

  /** The blocks of a container whose children may mix text and blocks. */
  container(parent: Element): void {
    let run: Node[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const html = trimInline(run.map(inlineNode).join(''));
      if (html !== '') this.blocks.push({ kind: 'paragraph', html });
      run = [];
    };
    for (const child of parent.childNodes) {
      if (child.nodeType === Node.ELEMENT_NODE && this.isBlock(child as Element)) {
        flush();
        this.block(child as Element);
      } else {
        run.push(child);
      }
    }
    flush();
  }

  private isBlock(element: Element): boolean {
    const tag = element.tagName.toUpperCase();
    if (BLOCK_TAGS.has(tag) || tag === 'BODY' || tag === 'CENTER') return true;
    if (DROPPED_TAGS.has(tag)) return false;
    // A span or font that wraps paragraphs (Word for the web, old Outlook) is a container too.
    return element.querySelector([...BLOCK_TAGS].join(',')) !== null;
  }

  private block(element: Element): void {
    const tag = element.tagName.toUpperCase();
    if (DROPPED_TAGS.has(tag) || tag === 'HR') return;
    if (tag === 'TABLE') return this.table(element as HTMLTableElement);
    if (tag === 'UL' || tag === 'OL') return this.list(element, 1, `html${this.generated++}`);
    if (tag === 'LI') return this.item(element, 1, `html${this.generated++}`, false);
    const wordList = MSO_LIST.exec(styleOf(element));
    if (wordList && !/mso-list\s*:\s*ignore/i.test(styleOf(element))) {
      return this.wordItem(element, wordList);
    }
    if (element.querySelector([...BLOCK_TAGS].join(','))) return this.container(element);
    const html = trimInline(inlineOf(element));
    if (html === '') return;
    const continuesList = /^MsoListParagraph/i.test(element.getAttribute('class') ?? '');
    this.blocks.push({ kind: 'paragraph', html, continuesList });
  }

  private wordItem(element: Element, match: RegExpExecArray): void {
    const [, list = '', levelText = '1', override = ''] = match;
    const level = Math.max(1, Number(levelText));
    const marker = takeWordMarker(element);
    const bullet = this.formats.get(`${list.toLowerCase()}:${level}`);
    const ordered = bullet === undefined ? isNumberMarker(marker) : !bullet;
    const html = trimInline(inlineOf(element));
    this.blocks.push({
      kind: 'item',
      list: `${list}${override}`.toLowerCase(),
      level,
      ordered,
      html,
    });
  }

  /** Each cell's content in paragraphs of its own, row by row. */
  private table(table: HTMLTableElement): void {
    for (const row of table.rows) {
      for (const cell of row.cells) this.container(cell);
    }
  }

  /** A real list (web pages, Word for the web): its items, nested lists one level deeper. */
  private list(list: Element, level: number, key: string): void {
    const ordered = list.tagName.toUpperCase() === 'OL';
    for (const child of list.children) {
      if (child.tagName.toUpperCase() === 'LI') this.item(child, level, key, ordered);
      else if (/^(UL|OL)$/i.test(child.tagName)) this.list(child, level + 1, key);
    }
  }

  private item(li: Element, depth: number, key: string, ordered: boolean): void {
    // Word for the web puts each item in a list of its own and says where it belongs.
    const listId = li.getAttribute('data-listid');
    const ariaLevel = Number(li.getAttribute('data-aria-level'));
    const level = listId !== null && ariaLevel >= 1 ? ariaLevel : depth;
    const list = listId !== null ? `online${listId}` : key;
    const content = li.cloneNode(true) as Element;
    const nested = [...content.children].filter((c) => /^(UL|OL)$/i.test(c.tagName));
    for (const n of nested) n.remove();
    const reader = new Reader(this.formats);
    reader.container(content);
    const [first, ...rest] = reader.blocks;
    const html = first?.kind === 'paragraph' ? first.html : '';
    this.blocks.push({ kind: 'item', list, level, ordered, html });
    for (const more of first?.kind === 'paragraph' ? rest : reader.blocks) {
      this.blocks.push(more.kind === 'paragraph' ? { ...more, continuesList: true } : more);
    }
    for (const n of nested) this.list(n, level + 1, list);
  }
}

interface OpenList {
  level: number;
  readonly ordered: boolean;
  readonly items: string[][];
  readonly parentItem: string[] | null;
}

/** Renders the blocks, list items nested by level into real lists. */
function render(blocks: readonly Block[]): string {
  const out: string[] = [];
  const stack: OpenList[] = [];
  let currentList = '';

  const renderList = (list: OpenList): string => {
    const tag = list.ordered ? 'ol' : 'ul';
    return `<${tag}>${list.items.map((parts) => `<li>${parts.join('')}</li>`).join('')}</${tag}>`;
  };
  // A list is written out when it closes: into its parent item, or the top level.
  const pop = () => {
    const list = stack.pop();
    if (!list) return;
    if (list.parentItem) list.parentItem.push(renderList(list));
    else out.push(renderList(list));
  };
  const closeAll = () => {
    while (stack.length > 0) pop();
  };

  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const top = stack[stack.length - 1];
      const lastItem = top?.items[top.items.length - 1];
      if (block.continuesList && lastItem) {
        lastItem.push(`<p>${block.html}</p>`);
        continue;
      }
      closeAll();
      out.push(`<p>${block.html}</p>`);
      continue;
    }
    if (block.list !== currentList) closeAll();
    currentList = block.list;
    while (stack.length > 1 && stack[stack.length - 1]!.level > block.level) pop();
    let top = stack[stack.length - 1];
    // A selection that starts in a sub list: its items and the shallower ones share one list.
    if (top && stack.length === 1 && top.level > block.level) top.level = block.level;
    if (top && top.level === block.level && top.ordered !== block.ordered) {
      const parentItem = top.parentItem;
      pop();
      top = { level: block.level, ordered: block.ordered, items: [], parentItem };
      stack.push(top);
    } else if (!top || top.level < block.level) {
      const parentItem = top ? (top.items[top.items.length - 1] ?? null) : null;
      top = { level: block.level, ordered: block.ordered, items: [], parentItem };
      stack.push(top);
    }
    top.items.push([`<p>${block.html}</p>`]);
  }
  closeAll();
  return out.join('');
}

/** The comment's structure for HTML from the clipboard (not yet sanitized). */
export function pastedHtmlToComment(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const reader = new Reader(wordListFormats(doc));
  reader.container(doc.body);
  return render(reader.blocks);
}
