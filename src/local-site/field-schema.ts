/**
 * Fields as SharePoint keeps them: a field is its `<Field>` element (`SchemaXml`); the typed
 * properties REST answers (Title, Required, Indexed, Choices, RichText, …) are derived from it,
 * and changing a typed property changes the element. Sources:
 * - Field element: https://learn.microsoft.com/en-us/sharepoint/dev/schema/field-element-field
 * - FieldTypeKind: https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-csom/ee540543(v=office.15)
 * - REST field resources: https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-rest-reference/dn600182(v=office.15)
 * What SharePoint adds when it stores a field (ID, SourceID, StaticName, ColName, RowOrdinal,
 * Version) is added here too; docs/emulation.md lists where the stand-in's XML differs.
 */
import { badRequestBody, notEmulated, SharePointError } from './errors';
import type { FieldRecord } from './site-state';

/** The field types the stand-in stores and serves items for (`TypeAsString`). */
export const FIELD_TYPES = [
  'Text',
  'Note',
  'Choice',
  'MultiChoice',
  'Number',
  'Boolean',
  'DateTime',
  'User',
  'UserMulti',
  'URL',
  'Lookup',
  'LookupMulti',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** SharePoint's FieldTypeKind, REST `odata.type` and the SQL column family (`ColName`) per type. */
const TYPE_INFO: Readonly<
  Record<FieldType, { kind: number; odataType: string; column: string | null }>
> = {
  Text: { kind: 2, odataType: 'SP.FieldText', column: 'nvarchar' },
  Note: { kind: 3, odataType: 'SP.FieldMultiLineText', column: 'ntext' },
  DateTime: { kind: 4, odataType: 'SP.FieldDateTime', column: 'datetime' },
  Choice: { kind: 6, odataType: 'SP.FieldChoice', column: 'nvarchar' },
  Lookup: { kind: 7, odataType: 'SP.FieldLookup', column: 'int' },
  // Multi-value lookups live in a separate table in SharePoint: no ColName.
  LookupMulti: { kind: 7, odataType: 'SP.FieldLookup', column: null },
  Boolean: { kind: 8, odataType: 'SP.Field', column: 'bit' },
  Number: { kind: 9, odataType: 'SP.FieldNumber', column: 'float' },
  URL: { kind: 11, odataType: 'SP.FieldUrl', column: 'nvarchar' },
  MultiChoice: { kind: 15, odataType: 'SP.FieldMultiChoice', column: 'ntext' },
  User: { kind: 20, odataType: 'SP.FieldUser', column: 'int' },
  UserMulti: { kind: 20, odataType: 'SP.FieldUser', column: null },
};

/** The typed view of a field that items, queries and REST answers need. */
export interface FieldInfo {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly indexed: boolean;
  readonly unique: boolean;
  readonly hidden: boolean;
  readonly readOnly: boolean;
  readonly choices: readonly string[];
  readonly richText: boolean;
  /** Text: MaxLength (255 at most). */
  readonly maxLength: number;
  /** Lookup: the target list's GUID and the field it shows. */
  readonly lookupList: string | null;
  readonly lookupField: string;
  readonly customFormatter: string | null;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function unescapeXml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (entity, dec, hex) => {
    if (typeof dec === 'string') return String.fromCodePoint(Number(dec));
    if (typeof hex === 'string') return String.fromCodePoint(parseInt(hex, 16));
    return ENTITIES[entity] ?? entity;
  });
}

/** A `<Field>` element read: attributes in document order, choices and default. */
export interface ParsedField {
  readonly attributes: Array<[string, string]>;
  readonly choices: string[] | null;
  readonly defaultValue: string | null;
}

/** Reads one `<Field …/>` element with optional `<CHOICES>` and `<Default>` children. */
export function parseFieldElement(xml: string): ParsedField {
  const match =
    /^\s*<Field\s+((?:[A-Za-z_:][\w:.-]*\s*=\s*"[^"]*"\s*)*)(\/>|>([\s\S]*)<\/Field>)\s*$/.exec(
      xml,
    );
  if (!match) throw badRequestBody(`Not a single <Field> element: ${xml.slice(0, 120)}`);
  const attributes: Array<[string, string]> = [];
  for (const [, name, value] of (match[1] ?? '').matchAll(
    /([A-Za-z_:][\w:.-]*)\s*=\s*"([^"]*)"/g,
  )) {
    if (name === undefined || value === undefined) continue;
    if (attributes.some(([n]) => n === name)) {
      throw badRequestBody(`The attribute '${name}' appears twice in the field's XML.`);
    }
    attributes.push([name, unescapeXml(value)]);
  }
  let rest = (match[3] ?? '').trim();
  let choices: string[] | null = null;
  let defaultValue: string | null = null;
  while (rest !== '') {
    const list = /^<CHOICES>((?:\s*<CHOICE>[^<]*<\/CHOICE>\s*)*)<\/CHOICES>|^<CHOICES\s*\/>/.exec(
      rest,
    );
    const dflt = /^<Default>([^<]*)<\/Default>/.exec(rest);
    if (list) {
      choices = [...(list[1] ?? '').matchAll(/<CHOICE>([^<]*)<\/CHOICE>/g)].map((m) =>
        unescapeXml(m[1] ?? ''),
      );
      rest = rest.slice(list[0].length).trim();
    } else if (dflt) {
      defaultValue = unescapeXml(dflt[1] ?? '');
      rest = rest.slice(dflt[0].length).trim();
    } else {
      throw notEmulated(
        `field XML children other than <CHOICES> and <Default> (${rest.slice(0, 40)})`,
        400,
      );
    }
  }
  return { attributes, choices, defaultValue };
}

function attribute(field: FieldRecord, name: string): string | undefined {
  return field.attributes.find(([n]) => n === name)?.[1];
}

function flag(field: FieldRecord, name: string): boolean {
  return /^true$/i.test(attribute(field, name) ?? '');
}

/** Sets (or with null removes) one attribute, keeping the others in their order. */
export function setAttribute(field: FieldRecord, name: string, value: string | null): void {
  const index = field.attributes.findIndex(([n]) => n === name);
  if (value === null) {
    if (index >= 0) field.attributes.splice(index, 1);
  } else if (index >= 0) field.attributes[index] = [name, value];
  else field.attributes.push([name, value]);
}

export function xmlFlag(value: boolean): string {
  return value ? 'TRUE' : 'FALSE';
}

/** The field's `SchemaXml` as SharePoint answers it. */
export function fieldSchemaXml(field: FieldRecord): string {
  const open = `<Field ${field.attributes.map(([n, v]) => `${n}="${escapeXml(v)}"`).join(' ')}`;
  const children =
    (field.defaultValue !== null ? `<Default>${escapeXml(field.defaultValue)}</Default>` : '') +
    (field.choices !== null
      ? `<CHOICES>${field.choices.map((c) => `<CHOICE>${escapeXml(c)}</CHOICE>`).join('')}</CHOICES>`
      : '');
  return children === '' ? `${open} />` : `${open}>${children}</Field>`;
}

function fieldType(field: FieldRecord): FieldType {
  const type = attribute(field, 'Type') ?? '';
  return (FIELD_TYPES as readonly string[]).includes(type) ? (type as FieldType) : 'Text';
}

/** The typed properties SharePoint derives from the field's XML. */
export function fieldInfo(field: FieldRecord): FieldInfo {
  const type = fieldType(field);
  const name = attribute(field, 'Name') ?? '';
  const maxLength = Number(attribute(field, 'MaxLength') ?? '255');
  return {
    id: field.Id,
    name,
    title: attribute(field, 'DisplayName') ?? name,
    type,
    required: flag(field, 'Required'),
    indexed: flag(field, 'Indexed'),
    unique: flag(field, 'EnforceUniqueValues'),
    hidden: flag(field, 'Hidden'),
    readOnly: flag(field, 'ReadOnly'),
    choices: field.choices ?? [],
    richText: flag(field, 'RichText'),
    maxLength: Number.isFinite(maxLength) ? maxLength : 255,
    lookupList: (attribute(field, 'List') ?? '').replace(/[{}]/g, '') || null,
    lookupField: attribute(field, 'ShowField') ?? 'Title',
    customFormatter: attribute(field, 'CustomFormatter') ?? null,
  };
}

/** A field's type as REST names it. */
export function odataTypeOf(type: FieldType): string {
  return TYPE_INFO[type].odataType;
}

const INTERNAL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;

/**
 * SharePoint's internal name for a display name: characters outside [A-Za-z0-9_] written as
 * `_xHHHH_`, cut to 32 characters (https://learn.microsoft.com/en-us/sharepoint/dev/schema/field-element-field,
 * StaticName/Name).
 */
export function encodedInternalName(title: string): string {
  return encodedName(title).slice(0, 32);
}

/** Text with characters outside [A-Za-z0-9_] written as `_xHHHH_`, as SharePoint names things. */
export function encodedName(text: string): string {
  let encoded = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    encoded += /[A-Za-z0-9_]/.test(ch) ? ch : `_x${code.toString(16).padStart(4, '0')}_`;
  }
  return encoded;
}

/** What a new field needs from the list it joins. */
export interface NewFieldContext {
  readonly listId: string;
  readonly existing: readonly FieldRecord[];
  readonly newId: () => string;
  /** Whether to keep `Name` as written (AddFieldInternalNameHint, or schema seeded as data). */
  readonly keepName: boolean;
}

/**
 * A field as SharePoint stores it from a `<Field>` element: `Type="User" Mult="TRUE"` becomes
 * `UserMulti` (likewise Lookup), and ID, SourceID, StaticName, Name, ColName, RowOrdinal and
 * Version are added.
 */
export function storedField(xml: string, ctx: NewFieldContext): FieldRecord {
  const parsed = parseFieldElement(xml);
  const get = (n: string) => parsed.attributes.find(([k]) => k === n)?.[1];
  let type = get('Type') ?? '';
  const mult = /^true$/i.test(get('Mult') ?? '');
  if (type === 'User' && mult) type = 'UserMulti';
  if (type === 'Lookup' && mult) type = 'LookupMulti';
  if (!(FIELD_TYPES as readonly string[]).includes(type)) {
    throw notEmulated(`fields of type '${type}' (emulated: ${FIELD_TYPES.join(', ')})`, 400);
  }
  const display = get('DisplayName') ?? get('Name') ?? '';
  if (display.trim() === '') throw badRequestBody('A field needs a DisplayName or a Name.');
  const written = get('Name') ?? get('StaticName');
  const name = ctx.keepName && written !== undefined ? written : encodedInternalName(display);
  if (!INTERNAL_NAME.test(name)) {
    throw badRequestBody(`'${name}' is not an internal name SharePoint would keep.`);
  }
  if ((type === 'Lookup' || type === 'LookupMulti') && !get('List')) {
    throw badRequestBody('A lookup field needs List (the GUID of the list it looks up).');
  }
  const record: FieldRecord = {
    Id: ctx.newId(),
    attributes: parsed.attributes.filter(
      ([n]) =>
        !['ID', 'SourceID', 'StaticName', 'Name', 'ColName', 'RowOrdinal', 'Version'].includes(n),
    ),
    choices: type === 'Choice' || type === 'MultiChoice' ? (parsed.choices ?? []) : null,
    defaultValue: parsed.defaultValue,
  };
  setAttribute(record, 'Type', type);
  if (type === 'UserMulti' || type === 'LookupMulti') setAttribute(record, 'Mult', 'TRUE');
  setAttribute(record, 'ID', `{${record.Id}}`);
  setAttribute(record, 'SourceID', `{${ctx.listId}}`);
  setAttribute(record, 'StaticName', name);
  setAttribute(record, 'Name', name);
  const family = TYPE_INFO[type as FieldType].column;
  if (family !== null) {
    const used = ctx.existing.filter((f) => attribute(f, 'ColName')?.startsWith(family)).length;
    setAttribute(record, 'ColName', `${family}${used + 1}`);
    setAttribute(record, 'RowOrdinal', '0');
  }
  setAttribute(record, 'Version', '1');
  return record;
}

/** The names the field's identity rests on: a SchemaXml update may not change them. */
const IDENTITY = ['ID', 'SourceID', 'StaticName', 'Name', 'ColName', 'RowOrdinal', 'Type'];

/** A field's `SchemaXml` replaced: identity kept, Version raised, as SharePoint does. */
export function replaceSchemaXml(field: FieldRecord, xml: string): void {
  const parsed = parseFieldElement(xml);
  const before = fieldInfo(field);
  const get = (n: string) => parsed.attributes.find(([k]) => k === n)?.[1];
  const name = get('Name') ?? get('StaticName');
  if (name !== undefined && name !== before.name) {
    throw badRequestBody('SchemaXml may not change a field’s Name.');
  }
  let type = get('Type') ?? before.type;
  if (type === 'User' && /^true$/i.test(get('Mult') ?? '')) type = 'UserMulti';
  if (type === 'Lookup' && /^true$/i.test(get('Mult') ?? '')) type = 'LookupMulti';
  if (type !== before.type) {
    throw notEmulated('changing a field’s Type through SchemaXml', 400);
  }
  const version = Number(attribute(field, 'Version') ?? '1') + 1;
  const kept = field.attributes.filter(([n]) => IDENTITY.includes(n));
  field.attributes.splice(
    0,
    field.attributes.length,
    ...kept,
    ...parsed.attributes.filter(([n]) => !IDENTITY.includes(n) && n !== 'Version'),
  );
  field.choices =
    type === 'Choice' || type === 'MultiChoice' ? (parsed.choices ?? field.choices ?? []) : null;
  field.defaultValue = parsed.defaultValue;
  setAttribute(field, 'Version', String(version));
}

/** Raises the field's Version (every change through REST does). */
export function bumpVersion(field: FieldRecord): void {
  setAttribute(field, 'Version', String(Number(attribute(field, 'Version') ?? '1') + 1));
}

/** The typed JSON of a field (minimal metadata envelope added by the caller). */
export function fieldProperties(field: FieldRecord, listBuiltin: boolean): Record<string, unknown> {
  const info = fieldInfo(field);
  const typed: Record<string, unknown> = {};
  switch (info.type) {
    case 'Text':
      typed.MaxLength = info.maxLength;
      break;
    case 'Note':
      typed.AllowHyperlink = flag(field, 'AllowHyperlink');
      typed.AppendOnly = flag(field, 'AppendOnly');
      typed.NumberOfLines = Number(attribute(field, 'NumLines') ?? '6');
      typed.RestrictedMode = flag(field, 'RestrictedMode');
      typed.RichText = info.richText;
      // Enhanced rich text is RichTextMode FullHtml (SP.RichTextMode 1).
      typed.RichTextMode = attribute(field, 'RichTextMode') === 'FullHtml' ? 1 : 0;
      typed.UnlimitedLengthInDocumentLibrary = false;
      break;
    case 'Choice':
    case 'MultiChoice':
      typed.Choices = [...info.choices];
      typed.EditFormat = attribute(field, 'Format') === 'RadioButtons' ? 1 : 0;
      typed.FillInChoice = flag(field, 'FillInChoice');
      typed.Mappings = null;
      break;
    case 'User':
    case 'UserMulti':
    case 'Lookup':
    case 'LookupMulti':
      typed.AllowMultipleValues = info.type === 'UserMulti' || info.type === 'LookupMulti';
      typed.LookupField = info.type.startsWith('User') ? 'ImnName' : info.lookupField;
      typed.LookupList = info.type.startsWith('User') ? '{UserInfo}' : `{${info.lookupList ?? ''}}`;
      typed.LookupWebId = null;
      if (info.type.startsWith('User')) {
        typed.SelectionGroup = Number(attribute(field, 'UserSelectionScope') ?? '0');
        typed.SelectionMode = attribute(field, 'UserSelectionMode') === 'PeopleAndGroups' ? 1 : 0;
      }
      break;
    case 'URL':
      typed.DisplayFormat = attribute(field, 'Format') === 'Image' ? 1 : 0;
      break;
    case 'DateTime':
      typed.DisplayFormat = attribute(field, 'Format') === 'DateOnly' ? 0 : 1;
      typed.DateTimeCalendarType = 0;
      typed.FriendlyDisplayFormat = 0;
      break;
    case 'Number':
      typed.MaximumValue = Number(attribute(field, 'Max') ?? '1.7976931348623157E+308');
      typed.MinimumValue = Number(attribute(field, 'Min') ?? '-1.7976931348623157E+308');
      break;
    case 'Boolean':
      break;
  }
  return {
    CustomFormatter: info.customFormatter,
    DefaultValue: field.defaultValue,
    Description: attribute(field, 'Description') ?? '',
    EnforceUniqueValues: info.unique,
    FieldTypeKind: TYPE_INFO[info.type].kind,
    Group: attribute(field, 'Group') ?? (listBuiltin ? 'Custom Columns' : 'Anpassade kolumner'),
    Hidden: info.hidden,
    Id: field.Id,
    Indexed: info.indexed,
    InternalName: info.name,
    ReadOnlyField: info.readOnly,
    Required: info.required,
    SchemaXml: fieldSchemaXml(field),
    StaticName: attribute(field, 'StaticName') ?? info.name,
    Title: info.title,
    TypeAsString: info.type,
    ...typed,
  };
}

/** A REST property that maps to one `<Field>` attribute. */
const FLAG_PROPERTIES: Readonly<Record<string, string>> = {
  Required: 'Required',
  Indexed: 'Indexed',
  EnforceUniqueValues: 'EnforceUniqueValues',
  Hidden: 'Hidden',
  FillInChoice: 'FillInChoice',
  RichText: 'RichText',
  AppendOnly: 'AppendOnly',
};

/**
 * Applies typed REST properties (a MERGE body, or the body of `POST fields`) to the field's XML.
 * Properties outside the emulated set are refused, never silently dropped.
 */
export function applyProperties(field: FieldRecord, body: Record<string, unknown>): void {
  const type = fieldInfo(field).type;
  for (const [key, value] of Object.entries(body)) {
    if (key in FLAG_PROPERTIES) {
      if (typeof value !== 'boolean') throw badRequestBody(`${key} must be true or false.`);
      setAttribute(field, FLAG_PROPERTIES[key] ?? key, xmlFlag(value));
      continue;
    }
    switch (key) {
      case 'Title':
        if (typeof value !== 'string' || value.trim() === '') {
          throw badRequestBody('Title must be a non-empty string.');
        }
        setAttribute(field, 'DisplayName', value);
        break;
      case 'Description':
        if (typeof value !== 'string') throw badRequestBody('Description must be a string.');
        setAttribute(field, 'Description', value);
        break;
      case 'CustomFormatter':
        if (value !== null && typeof value !== 'string') {
          throw badRequestBody('CustomFormatter must be a string (JSON text) or null.');
        }
        if (typeof value === 'string' && value !== '') {
          try {
            JSON.parse(value);
          } catch {
            throw badRequestBody('CustomFormatter is not valid JSON.');
          }
        }
        setAttribute(field, 'CustomFormatter', value === '' ? null : value);
        break;
      case 'Choices': {
        if (type !== 'Choice' && type !== 'MultiChoice') {
          throw badRequestBody(`Choices is not a property of ${odataTypeOf(type)}.`);
        }
        if (!Array.isArray(value) || !value.every((c) => typeof c === 'string')) {
          throw badRequestBody('Choices must be an array of strings.');
        }
        field.choices = [...value];
        break;
      }
      case 'MaxLength':
        if (type !== 'Text')
          throw badRequestBody(`MaxLength is not a property of ${odataTypeOf(type)}.`);
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 255) {
          throw badRequestBody('MaxLength must be a whole number from 1 to 255.');
        }
        setAttribute(field, 'MaxLength', String(value));
        break;
      case 'NumberOfLines':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
          throw badRequestBody('NumberOfLines must be a positive whole number.');
        }
        setAttribute(field, 'NumLines', String(value));
        break;
      case 'DisplayFormat':
        if (typeof value !== 'number') throw badRequestBody('DisplayFormat must be a number.');
        if (type === 'DateTime')
          setAttribute(field, 'Format', value === 0 ? 'DateOnly' : 'DateTime');
        else if (type === 'URL') setAttribute(field, 'Format', value === 1 ? 'Image' : 'Hyperlink');
        else throw badRequestBody(`DisplayFormat is not a property of ${odataTypeOf(type)}.`);
        break;
      case 'SelectionMode':
        if (!type.startsWith('User') || (value !== 0 && value !== 1)) {
          throw badRequestBody(
            'SelectionMode (0 people only, 1 people and groups) is for person fields.',
          );
        }
        setAttribute(field, 'UserSelectionMode', value === 1 ? 'PeopleAndGroups' : 'PeopleOnly');
        break;
      case 'EditFormat':
        if (type !== 'Choice' && type !== 'MultiChoice') {
          throw badRequestBody(`EditFormat is not a property of ${odataTypeOf(type)}.`);
        }
        setAttribute(field, 'Format', value === 1 ? 'RadioButtons' : 'Dropdown');
        break;
      case 'DateTimeCalendarType':
        // Only the Gregorian calendar (0 or 1, SP.CalendarType) is emulated.
        if (type !== 'DateTime' || (value !== 0 && value !== 1)) {
          throw notEmulated(`DateTimeCalendarType ${String(value)}`, 400);
        }
        break;
      case 'FriendlyDisplayFormat': {
        const friendly = ['Unspecified', 'Disabled', 'Relative'][Number(value)];
        if (type !== 'DateTime' || friendly === undefined) {
          throw badRequestBody('FriendlyDisplayFormat (0, 1 or 2) is for date fields.');
        }
        setAttribute(field, 'FriendlyDisplayFormat', friendly);
        break;
      }
      case 'MinimumValue':
      case 'MaximumValue':
        if (type !== 'Number' || typeof value !== 'number') {
          throw badRequestBody(`${key} is a number of a Number field.`);
        }
        setAttribute(field, key === 'MinimumValue' ? 'Min' : 'Max', String(value));
        break;
      case 'AllowHyperlink':
      case 'RestrictedMode':
        if (type !== 'Note' || typeof value !== 'boolean') {
          throw badRequestBody(`${key} (true or false) is for multiple lines of text.`);
        }
        setAttribute(
          field,
          key === 'AllowHyperlink' ? 'AllowHyperlink' : 'RestrictedMode',
          xmlFlag(value),
        );
        break;
      case 'DefaultValue':
        if (value !== null && typeof value !== 'string') {
          throw badRequestBody('DefaultValue must be a string or null.');
        }
        field.defaultValue = value;
        break;
      default:
        throw notEmulated(`writing the property '${key}' of ${odataTypeOf(type)}`, 400);
    }
  }
}

/**
 * `<Field>` XML for `POST fields` with a typed body (what PnP's `fields.add*` send,
 * @pnp/sp fields/types.js `add`): FieldTypeKind picks the type, the rest are typed properties.
 */
export function xmlForFieldCreation(body: Record<string, unknown>): {
  xml: string;
  rest: Record<string, unknown>;
} {
  const { Title: title, FieldTypeKind: kind, ...rest } = body;
  if (typeof title !== 'string' || title.trim() === '') {
    throw badRequestBody('A new field needs a Title.');
  }
  const type = (Object.keys(TYPE_INFO) as FieldType[]).find(
    (t) => TYPE_INFO[t].kind === kind && !t.endsWith('Multi'),
  );
  if (type === undefined || type === 'Lookup') {
    throw notEmulated(
      `POST fields with FieldTypeKind ${String(kind)} (lookups: fields/addfield)`,
      400,
    );
  }
  let xmlType: string = type;
  if (type === 'User' && rest.AllowMultipleValues === true) xmlType = 'UserMulti';
  delete rest.AllowMultipleValues;
  const xml = `<Field Type="${xmlType}" DisplayName="${escapeXml(title)}"${
    xmlType === 'UserMulti' ? ' Mult="TRUE"' : ''
  }${type === 'Choice' || type === 'MultiChoice' ? '><CHOICES /></Field>' : ' />'}`;
  return { xml, rest };
}

/** `<Field>` XML for `fields/addfield` (SP.FieldCreationInformation), used for lookups. */
export function xmlForCreationInformation(info: Record<string, unknown>): string {
  const { Title: title, FieldTypeKind: kind, LookupListId: listId, LookupFieldName: show } = info;
  for (const key of Object.keys(info)) {
    if (!['Title', 'FieldTypeKind', 'LookupListId', 'LookupFieldName', 'Required'].includes(key)) {
      throw notEmulated(`SP.FieldCreationInformation.${key}`, 400);
    }
  }
  if (typeof title !== 'string' || title.trim() === '') {
    throw badRequestBody('A new field needs a Title.');
  }
  if (kind !== TYPE_INFO.Lookup.kind) {
    throw notEmulated(`fields/addfield with FieldTypeKind ${String(kind)} (only lookups, 7)`, 400);
  }
  if (typeof listId !== 'string') throw badRequestBody('A lookup needs LookupListId.');
  const showField = typeof show === 'string' && show !== '' ? show : 'Title';
  const required = info.Required === true ? ' Required="TRUE"' : '';
  return `<Field Type="Lookup" DisplayName="${escapeXml(title)}" List="{${escapeXml(
    listId.replace(/[{}]/g, ''),
  )}}" ShowField="${escapeXml(showField)}"${required} />`;
}

/** SharePoint's answer when a field name is taken. */
export function duplicateField(name: string): SharePointError {
  return new SharePointError(
    500,
    '-2146232832, Microsoft.SharePoint.SPException',
    `A duplicate field name "${name}" was found.`,
  );
}
