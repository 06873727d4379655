/**
 * SharePoint's field schema XML (`SchemaXml`, `createfieldasxml`) for the fields of schema.ts,
 * written and read back. Pure: set-up writes it, the local SharePoint site reads what set-up
 * sent and writes it back in its answers, so both speak the one dialect defined here.
 */
import type { FieldDefinition, FieldType } from './schema';

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Field-level attributes beyond the definition, e.g. the field's `ID` as a site answers it. */
export interface FieldXmlExtras {
  readonly id?: string;
}

/**
 * The `<Field …/>` element of a definition: ASCII `Name`/`StaticName`, Swedish `DisplayName`,
 * Swedish choices, `RichText`/`RichTextMode="FullHtml"` for rich notes, `Mult` for several
 * people, and `Indexed`/`EnforceUniqueValues`/`CustomFormatter` when the definition says so.
 */
export function fieldSchemaXml(field: FieldDefinition, extras: FieldXmlExtras = {}): string {
  const attributes: Array<[string, string]> = [];
  const add = (name: string, value: string) => attributes.push([name, value]);
  if (extras.id !== undefined) add('ID', `{${extras.id}}`);
  add('Type', field.type);
  add('Name', field.internalName);
  add('StaticName', field.internalName);
  add('DisplayName', field.displayName);
  add('Required', field.required === true ? 'TRUE' : 'FALSE');
  switch (field.type) {
    case 'Text':
      add('MaxLength', String(field.maxLength ?? 255));
      break;
    case 'Note':
      add('NumLines', '6');
      add('RichText', field.richText === true ? 'TRUE' : 'FALSE');
      if (field.richText === true) add('RichTextMode', 'FullHtml');
      break;
    case 'Choice':
      add('Format', 'Dropdown');
      add('FillInChoice', 'FALSE');
      break;
    case 'User':
    case 'UserMulti':
      add('UserSelectionMode', 'PeopleOnly');
      add('UserSelectionScope', '0');
      if (field.type === 'UserMulti') add('Mult', 'TRUE');
      break;
    case 'URL':
      add('Format', 'Hyperlink');
      break;
    case 'DateTime':
      add('Format', 'DateTime');
      break;
    case 'Number':
      break;
  }
  if (field.indexed === true) add('Indexed', 'TRUE');
  if (field.unique === true) add('EnforceUniqueValues', 'TRUE');
  if (field.customFormatter !== undefined) add('CustomFormatter', field.customFormatter);
  const open = `<Field ${attributes.map(([n, v]) => `${n}="${escapeXml(v)}"`).join(' ')}`;
  if (field.type !== 'Choice') return `${open} />`;
  const choices = (field.choices ?? []).map((c) => `<CHOICE>${escapeXml(c)}</CHOICE>`).join('');
  return `${open}><CHOICES>${choices}</CHOICES></Field>`;
}

/** Field XML the dialect of this module cannot read. */
export class FieldXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldXmlError';
  }
}

const FIELD_TYPES: readonly FieldType[] = [
  'Text',
  'Note',
  'Number',
  'Choice',
  'User',
  'UserMulti',
  'URL',
  'DateTime',
];

/** Attributes fieldSchemaXml writes, and those SharePoint adds in its answers. */
const KNOWN_ATTRIBUTES = new Set([
  'ID',
  'SourceID',
  'ColName',
  'RowOrdinal',
  'Version',
  'Type',
  'Name',
  'StaticName',
  'DisplayName',
  'Required',
  'MaxLength',
  'NumLines',
  'RichText',
  'RichTextMode',
  'Format',
  'FillInChoice',
  'UserSelectionMode',
  'UserSelectionScope',
  'Mult',
  'Indexed',
  'EnforceUniqueValues',
  'CustomFormatter',
]);

/** The `<Field>` attributes (unescaped) and its choices. */
export interface ParsedFieldXml {
  readonly attributes: ReadonlyMap<string, string>;
  readonly choices: readonly string[];
}

/** Reads one `<Field …/>` or `<Field …><CHOICES>…</CHOICES></Field>` element. */
export function parseFieldXml(xml: string): ParsedFieldXml {
  const match = /^\s*<Field\s+((?:[A-Za-z]+\s*=\s*"[^"]*"\s*)*)(\/>|>([\s\S]*)<\/Field>)\s*$/.exec(
    xml,
  );
  if (!match) throw new FieldXmlError(`Not a single <Field> element: ${xml.slice(0, 120)}`);
  const attributes = new Map<string, string>();
  for (const [, name, value] of (match[1] ?? '').matchAll(/([A-Za-z]+)\s*=\s*"([^"]*)"/g)) {
    if (name === undefined || value === undefined) continue;
    if (!KNOWN_ATTRIBUTES.has(name)) {
      throw new FieldXmlError(`The field attribute '${name}' is not emulated.`);
    }
    attributes.set(name, unescapeXml(value));
  }
  const inner = (match[3] ?? '').trim();
  let choices: string[] = [];
  if (inner !== '') {
    const list = /^<CHOICES>((?:\s*<CHOICE>[^<]*<\/CHOICE>\s*)*)<\/CHOICES>$/.exec(inner);
    if (!list) throw new FieldXmlError('Only <CHOICES> may stand inside <Field>.');
    choices = [...(list[1] ?? '').matchAll(/<CHOICE>([^<]*)<\/CHOICE>/g)].map((m) =>
      unescapeXml(m[1] ?? ''),
    );
  }
  return { attributes, choices };
}

function flag(attributes: ReadonlyMap<string, string>, name: string): boolean {
  return /^true$/i.test(attributes.get(name) ?? '');
}

/** The definition a `<Field>` element describes (the inverse of fieldSchemaXml). */
export function fieldDefinitionFromXml(xml: string): FieldDefinition {
  const { attributes, choices } = parseFieldXml(xml);
  const type = attributes.get('Type');
  const name = attributes.get('Name') ?? attributes.get('StaticName');
  if (!FIELD_TYPES.includes(type as FieldType)) {
    throw new FieldXmlError(`The field type '${type ?? ''}' is not emulated.`);
  }
  if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(name)) {
    throw new FieldXmlError('A field needs an ASCII Name of at most 32 characters.');
  }
  const fieldType = type as FieldType;
  const maxLength = attributes.get('MaxLength');
  const formatter = attributes.get('CustomFormatter');
  return {
    internalName: name,
    displayName: attributes.get('DisplayName') ?? name,
    type: fieldType === 'User' && flag(attributes, 'Mult') ? 'UserMulti' : fieldType,
    ...(flag(attributes, 'Required') ? { required: true } : {}),
    ...(flag(attributes, 'Indexed') ? { indexed: true } : {}),
    ...(flag(attributes, 'EnforceUniqueValues') ? { unique: true } : {}),
    ...(fieldType === 'Choice' ? { choices } : {}),
    ...(fieldType === 'Note' && flag(attributes, 'RichText') ? { richText: true } : {}),
    ...(fieldType === 'Text' && maxLength !== undefined && maxLength !== '255'
      ? { maxLength: Number(maxLength) }
      : {}),
    ...(formatter !== undefined && formatter !== '' ? { customFormatter: formatter } : {}),
  };
}

/** True when the XML describes enhanced rich text (`RichText="TRUE" RichTextMode="FullHtml"`). */
export function isFullHtml(xml: string): boolean {
  try {
    const { attributes } = parseFieldXml(xml);
    return flag(attributes, 'RichText') && attributes.get('RichTextMode') === 'FullHtml';
  } catch {
    // Real SharePoint adds attributes this dialect does not know; read just the two.
    return /\bRichText="TRUE"/i.test(xml) && /\bRichTextMode="FullHtml"/.test(xml);
  }
}
