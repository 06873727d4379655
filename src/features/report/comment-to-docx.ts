import {
  AlignmentType,
  ExternalHyperlink,
  LevelFormat,
  Paragraph,
  TextRun,
  type ILevelsOptions,
  type NumberingDefinition,
  type ParagraphChild,
} from 'docx';
import { isSafeLinkUrl } from '../../domain/report';

/**
 * Comment HTML → Word paragraphs. Comments are written in the app's editor (p, br, b/strong,
 * i/em, u, ul/ol/li, a[href]) but may have been edited in SharePoint, which wraps them in
 * `<div class="ExternalClass…">` and may add other tags; they are untrusted. So this reads the
 * HTML with the browser's own parser (no regex parsing), keeps only that vocabulary, turns any
 * other tag into its text, and links only http(s) and mailto addresses.
 */

/** The part of DOMParser this needs, so node code (the bench) can pass jsdom's. */
export interface HtmlParser {
  parseFromString(source: string, type: 'text/html'): Document;
}

/** How converted paragraphs look; set per converter, and per call to override. */
export interface CommentParagraphOptions {
  /** Paragraph style id for every paragraph (must exist in the document's styles). */
  readonly style?: string;
  /** Space after each paragraph, in twentieths of a point (default 80 = 4 pt). */
  readonly spacingAfter?: number;
}

/** Options of a converter: the parser and the paragraphs' default look. */
export interface CommentConverterOptions extends CommentParagraphOptions {
  /** Defaults to the global DOMParser (the browser's, or jsdom's in tests). */
  readonly parser?: HtmlParser;
}

/**
 * Converts one piece of HTML. Use one converter per document: it numbers every list as a list
 * of its own, so an `<ol>` in one comment does not go on counting from another's.
 */
export type CommentConverter = (html: string, paragraph?: CommentParagraphOptions) => Paragraph[];

/** Indent per list level, in twips (0.25 in, Word's default step). */
const LEVEL_INDENT = 360;
const BULLETS = ['•', '◦', '▪'] as const;

function levels(format: 'bullet' | 'decimal'): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: format === 'bullet' ? (BULLETS[level % BULLETS.length] ?? '•') : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: {
      paragraph: { indent: { left: LEVEL_INDENT * (level + 1), hanging: LEVEL_INDENT } },
    },
  }));
}

/** The numbering of bullet lists (`<ul>`) in comments. */
export const COMMENT_BULLETS: NumberingDefinition = {
  reference: 'comment-bullets',
  levels: levels('bullet'),
};

/** The numbering of numbered lists (`<ol>`) in comments. */
export const COMMENT_NUMBERS: NumberingDefinition = {
  reference: 'comment-numbers',
  levels: levels('decimal'),
};

interface Marks {
  readonly bold: boolean;
  readonly italics: boolean;
  readonly underline: boolean;
  readonly link: string | null;
}

type Inline = { kind: 'text'; text: string; marks: Marks } | { kind: 'break'; marks: Marks };

interface ListFrame {
  readonly ordered: boolean;
  /** docx numbering instance: every list is its own, so each `<ol>` counts from 1. */
  readonly instance: number;
}

const NO_MARKS: Marks = { bold: false, italics: false, underline: false, link: null };

/** Tags whose content is not text a reader sees. */
const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'title',
  'iframe',
  'object',
  'svg',
  'math',
]);

/** Tags that start and end a paragraph; besides p, other blocks keep their text as paragraphs. */
const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'table',
  'tr',
  'td',
  'th',
  'dl',
  'dt',
  'dd',
  'hr',
  'figure',
  'figcaption',
  'address',
]);

/**
 * Deeper than this, an element's text is taken as it is: a stored comment is untrusted and
 * 64 KB of nested tags would otherwise overflow the stack (Chromium's parser stops nesting at
 * 512 levels, jsdom's does not).
 */
const MAX_DEPTH = 200;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** HTML's white space (not U+00A0, which is content). */
const HTML_SPACE = /[ \t\n\r\f]+/g;

class Conversion {
  readonly paragraphs: Paragraph[] = [];
  private inlines: Inline[] = [];
  private readonly lists: ListFrame[] = [];
  /** True until the current list item's first paragraph is written (it gets the marker). */
  private itemMarker = false;

  constructor(
    private readonly options: CommentParagraphOptions,
    private readonly nextInstance: () => number,
  ) {}

  walk(node: Node, marks: Marks, depth = 0): void {
    if (node.nodeType === TEXT_NODE) {
      this.inlines.push({ kind: 'text', text: node.textContent ?? '', marks });
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.localName.toLowerCase();
    if (SKIPPED.has(tag)) return;
    if (depth > MAX_DEPTH) {
      this.inlines.push({ kind: 'text', text: element.textContent ?? '', marks });
      return;
    }
    const children = (childMarks: Marks) => this.children(element, childMarks, depth + 1);
    switch (tag) {
      case 'b':
      case 'strong':
        return children({ ...marks, bold: true });
      case 'i':
      case 'em':
        return children({ ...marks, italics: true });
      case 'u':
      case 'ins':
        return children({ ...marks, underline: true });
      case 'a': {
        const href = element.getAttribute('href')?.trim() ?? '';
        return children(isSafeLinkUrl(href) ? { ...marks, link: href } : marks);
      }
      case 'br':
        this.inlines.push({ kind: 'break', marks });
        return;
      case 'ul':
      case 'ol':
        this.flush();
        this.lists.push({ ordered: tag === 'ol', instance: this.nextInstance() });
        children(marks);
        this.flush();
        this.lists.pop();
        this.itemMarker = false;
        return;
      case 'li':
        this.flush();
        this.itemMarker = this.lists.length > 0;
        children(marks);
        this.flush();
        this.itemMarker = false;
        return;
      default:
        if (BLOCKS.has(tag)) {
          this.flush();
          children(marks);
          this.flush();
          return;
        }
        // Unknown inline tags (span, font, sup…): their text, with the marks around them.
        children(marks);
    }
  }

  private children(element: Element, marks: Marks, depth: number): void {
    for (const child of Array.from(element.childNodes)) this.walk(child, marks, depth);
  }

  /** Ends the current paragraph; one with no visible text is not written (as a browser shows). */
  flush(): void {
    const inlines = collapseSpace(this.inlines);
    this.inlines = [];
    if (!inlines.some((i) => i.kind === 'text' && i.text.trim() !== '')) return;
    const frame = this.lists[this.lists.length - 1];
    // Word has list levels 0–8; deeper lists stay at the deepest.
    const level = Math.min(8, Math.max(0, this.lists.length - 1));
    const inList = frame !== undefined;
    const marker = inList && this.itemMarker;
    if (marker) this.itemMarker = false;
    this.paragraphs.push(
      new Paragraph({
        children: toChildren(inlines),
        ...(this.options.style ? { style: this.options.style } : {}),
        spacing: { after: this.options.spacingAfter ?? 80 },
        ...(marker
          ? {
              numbering: {
                reference: frame.ordered ? COMMENT_NUMBERS : COMMENT_BULLETS,
                level,
                instance: frame.instance,
              },
            }
          : inList
            ? { indent: { left: LEVEL_INDENT * (level + 1) } }
            : {}),
      }),
    );
  }
}

/**
 * HTML's white-space rules for one paragraph: runs of spaces become one, none at the start or
 * end of the paragraph or around a line break.
 */
function collapseSpace(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let afterSpace = true; // the paragraph's start counts as a space
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      trimEnd(out);
      out.push(inline);
      afterSpace = true;
      continue;
    }
    let text = inline.text.replace(HTML_SPACE, ' ');
    if (afterSpace) text = text.replace(/^ /, '');
    if (text === '') continue;
    out.push({ ...inline, text });
    afterSpace = text.endsWith(' ');
  }
  trimEnd(out);
  return out;
}

function trimEnd(out: Inline[]): void {
  for (let last = out[out.length - 1]; last?.kind === 'text'; last = out[out.length - 1]) {
    const text = last.text.replace(/ $/, '');
    if (text !== '') {
      out[out.length - 1] = { ...last, text };
      return;
    }
    out.pop();
  }
}

function run(inline: Inline): TextRun {
  const { marks } = inline;
  return new TextRun({
    ...(inline.kind === 'break' ? { break: 1 } : { text: inline.text }),
    ...(marks.bold ? { bold: true } : {}),
    ...(marks.italics ? { italics: true } : {}),
    ...(marks.underline ? { underline: {} } : {}),
    ...(marks.link ? { style: 'Hyperlink' } : {}),
  });
}

/** Runs, with neighbouring runs of the same link joined into one hyperlink. */
function toChildren(inlines: readonly Inline[]): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  for (let i = 0; i < inlines.length;) {
    const first = inlines[i];
    if (!first) break;
    const href = first.marks.link;
    if (href === null) {
      children.push(run(first));
      i += 1;
      continue;
    }
    const runs: TextRun[] = [];
    for (let next = inlines[i]; next?.marks.link === href; next = inlines[++i])
      runs.push(run(next));
    children.push(new ExternalHyperlink({ link: href, children: runs }));
  }
  return children;
}

function defaultParser(): HtmlParser {
  if (typeof DOMParser === 'undefined') {
    throw new Error('commentToDocx needs a DOMParser: pass options.parser outside a browser');
  }
  return new DOMParser();
}

/**
 * A converter for the comments of one document: lists in different comments are numbered as
 * separate lists, so every `<ol>` starts at 1.
 */
export function createCommentConverter(options: CommentConverterOptions = {}): CommentConverter {
  let instance = 0;
  const nextInstance = () => ++instance;
  let parser: HtmlParser | undefined = options.parser;
  return (html, paragraph = {}) => {
    if (html.trim() === '') return [];
    parser ??= defaultParser();
    const body = parser.parseFromString(html, 'text/html').body;
    const look = { style: options.style, spacingAfter: options.spacingAfter, ...paragraph };
    const conversion = new Conversion(look, nextInstance);
    conversion.walk(body, NO_MARKS);
    conversion.flush();
    return conversion.paragraphs;
  };
}

/** Converts one comment's HTML to Word paragraphs ([] for a blank comment). */
export function commentToDocx(html: string, options: CommentConverterOptions = {}): Paragraph[] {
  return createCommentConverter(options)(html);
}
