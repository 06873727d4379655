import { unzipSync, strFromU8 } from 'fflate';
import type {
  DocBlock,
  DocCell,
  DocModel,
  DocParagraph,
  DocRun,
  NotAReport,
} from '../../domain/report-import';

/**
 * Reads a .docx (Office Open XML, ECMA-376 Part 1) into the import's neutral document model: the
 * zip with fflate, `word/document.xml` with the browser's DOMParser, hyperlink targets from
 * `word/_rels/document.xml.rels`, list kinds from `word/numbering.xml`, and the page header from
 * the `word/header*.xml` with the most text (the first page's, which carries the contact).
 * Loaded on demand with the import.
 */

/** The file is not a Word document a Bilaga 2 can be read from. */
export class NotAReportError extends Error {
  constructor(readonly reason: NotAReport) {
    super(`Not a Bilaga 2 (${reason})`);
    this.name = 'NotAReportError';
  }
}

/** Parses XML text; the global DOMParser by default. */
export type XmlParser = (xml: string) => Document;

const defaultParser: XmlParser = (xml) => new DOMParser().parseFromString(xml, 'application/xml');

function children(node: Element, name: string): Element[] {
  return Array.from(node.children).filter((c) => c.localName === name);
}

function child(node: Element | undefined, name: string): Element | undefined {
  return node ? children(node, name)[0] : undefined;
}

/** An attribute by local name, whatever its prefix (`w:val`, `r:id`). */
function attr(node: Element | undefined, name: string): string | null {
  if (!node) return null;
  for (const a of Array.from(node.attributes)) if (a.localName === name) return a.value;
  return null;
}

/** `<w:b/>`, `<w:b w:val="1"/>` are on; `w:val="0"`/`"false"` off. */
function isOn(props: Element | undefined, name: string): boolean {
  const el = child(props, name);
  if (!el) return false;
  const value = attr(el, 'val');
  return value === null || !['0', 'false', 'off', 'none'].includes(value);
}

interface Context {
  readonly links: ReadonlyMap<string, string>;
  /** numId → ilvl → ordered. */
  readonly lists: ReadonlyMap<string, ReadonlyMap<string, boolean>>;
}

/**
 * A Word symbol's character (ISO/IEC 29500-1 §17.3.3.30 `sym`, as Microsoft's Open XML SDK
 * documents it for `SymbolChar`): `w:char` is hex, stored either as the font's own code or with
 * F000 added; both are read as the private-use character (Word writes "F0E9"; "E9" becomes
 * U+F0E9 too), which `readStatusSymbol` knows.
 */
function symbolChar(sym: Element): string {
  const code = Number.parseInt(attr(sym, 'char') ?? '', 16);
  if (!Number.isFinite(code)) return '';
  return String.fromCodePoint(code < 0x100 ? 0xf000 + code : code);
}

function runsOf(node: Element, context: Context, href?: string): DocRun[] {
  const runs: DocRun[] = [];
  for (const el of Array.from(node.children)) {
    switch (el.localName) {
      case 'r': {
        const props = child(el, 'rPr');
        const marks = {
          ...(isOn(props, 'b') ? { bold: true } : {}),
          ...(isOn(props, 'i') ? { italic: true } : {}),
          ...(href ? { href } : {}),
        };
        let text = '';
        for (const part of Array.from(el.children)) {
          if (part.localName === 't') text += part.textContent ?? '';
          else if (part.localName === 'tab') text += '\t';
          else if (part.localName === 'br' || part.localName === 'cr') text += ' ';
          else if (part.localName === 'noBreakHyphen') text += '-';
          else if (part.localName === 'sym') text += symbolChar(part);
        }
        if (text !== '') runs.push({ text, ...marks });
        break;
      }
      case 'hyperlink': {
        const id = attr(el, 'id');
        runs.push(...runsOf(el, context, (id && context.links.get(id)) || href));
        break;
      }
      case 'smartTag':
      case 'fldSimple':
      case 'ins':
      case 'sdt':
      case 'sdtContent':
        runs.push(...runsOf(el, context, href));
        break;
      default:
        break;
    }
  }
  return runs;
}

function paragraphOf(p: Element, context: Context): DocParagraph {
  const numPr = child(child(p, 'pPr'), 'numPr');
  const numId = attr(child(numPr, 'numId'), 'val');
  const level = attr(child(numPr, 'ilvl'), 'val') ?? '0';
  const list =
    numId && numId !== '0'
      ? { ordered: context.lists.get(numId)?.get(level) ?? false, level: Number(level) || 0 }
      : null;
  return { runs: runsOf(p, context), list };
}

/** Every paragraph of a cell, nested tables' included, in order. */
function cellParagraphs(node: Element, context: Context): DocParagraph[] {
  const out: DocParagraph[] = [];
  for (const el of Array.from(node.children)) {
    if (el.localName === 'p') out.push(paragraphOf(el, context));
    else if (['tbl', 'tr', 'tc', 'sdt', 'sdtContent'].includes(el.localName)) {
      out.push(...cellParagraphs(el, context));
    }
  }
  return out;
}

function blocksOf(node: Element, context: Context): DocBlock[] {
  const blocks: DocBlock[] = [];
  for (const el of Array.from(node.children)) {
    if (el.localName === 'p') {
      blocks.push({ kind: 'paragraph', paragraph: paragraphOf(el, context) });
    } else if (el.localName === 'tbl') {
      const rows = children(el, 'tr').map((tr) =>
        children(tr, 'tc').map((tc): DocCell => ({ paragraphs: cellParagraphs(tc, context) })),
      );
      blocks.push({ kind: 'table', table: { rows } });
    } else if (el.localName === 'sdt' || el.localName === 'sdtContent') {
      blocks.push(...blocksOf(el, context));
    }
  }
  return blocks;
}

function parse(parser: XmlParser, xml: string): Element {
  const doc = parser(xml);
  const root = doc.documentElement;
  if (!root || root.localName === 'parsererror' || doc.getElementsByTagName('parsererror')[0]) {
    throw new NotAReportError('not-docx');
  }
  return root;
}

function relationships(parser: XmlParser, xml: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (!xml) return map;
  for (const rel of Array.from(parse(parser, xml).children)) {
    const id = attr(rel, 'Id');
    const target = attr(rel, 'Target');
    if (id && target) map.set(id, target);
  }
  return map;
}

function numbering(parser: XmlParser, xml: string | undefined): Map<string, Map<string, boolean>> {
  const lists = new Map<string, Map<string, boolean>>();
  if (!xml) return lists;
  const root = parse(parser, xml);
  const abstract = new Map<string, Map<string, boolean>>();
  for (const a of children(root, 'abstractNum')) {
    const levels = new Map<string, boolean>();
    for (const lvl of children(a, 'lvl')) {
      const format = attr(child(lvl, 'numFmt'), 'val') ?? 'decimal';
      levels.set(attr(lvl, 'ilvl') ?? '0', format !== 'bullet' && format !== 'none');
    }
    abstract.set(attr(a, 'abstractNumId') ?? '', levels);
  }
  for (const num of children(root, 'num')) {
    const levels = abstract.get(attr(child(num, 'abstractNumId'), 'val') ?? '');
    if (levels) lists.set(attr(num, 'numId') ?? '', levels);
  }
  return lists;
}

/** Reads a .docx; throws NotAReportError('not-docx') for anything that is not one. */
export function readDocx(bytes: Uint8Array, parser: XmlParser = defaultParser): DocModel {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new NotAReportError('not-docx');
  }
  const text = (name: string) => {
    const file = files[name];
    return file ? strFromU8(file) : undefined;
  };
  const documentXml = text('word/document.xml');
  if (!documentXml) throw new NotAReportError('not-docx');
  const context: Context = {
    links: relationships(parser, text('word/_rels/document.xml.rels')),
    lists: numbering(parser, text('word/numbering.xml')),
  };
  const body = child(parse(parser, documentXml), 'body');
  if (!body) throw new NotAReportError('not-docx');
  // The page header with the most text: the first page's, with the contact, where there are two.
  let header: DocParagraph[] = [];
  let longest = -1;
  for (const name of Object.keys(files).sort()) {
    if (!/^word\/header\d*\.xml$/.test(name)) continue;
    const rels = relationships(parser, text(name.replace(/^word\//, 'word/_rels/') + '.rels'));
    const paragraphs = cellParagraphs(parse(parser, text(name) ?? ''), { ...context, links: rels });
    const length = paragraphs.reduce(
      (n, p) =>
        n +
        p.runs
          .map((r) => r.text)
          .join('')
          .trim().length,
      0,
    );
    if (length > longest) {
      longest = length;
      header = paragraphs;
    }
  }
  return { header, body: blocksOf(body, context) };
}
