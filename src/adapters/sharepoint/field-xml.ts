/**
 * SharePoint's field schema XML (`SchemaXml`, `createfieldasxml`) for the fields of schema.ts,
 * and the little set-up reads back from what a site answers. Pure. A site answers with more than
 * set-up wrote (ID, SourceID, StaticName, ColName, RowOrdinal, Version, attributes in its own
 * order, maybe attributes an admin added), so reading never expects set-up's own dialect.
 */
import type { FieldDefinition } from './schema';

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
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

/** The value of one attribute of the `<Field>` element (any attribute order, any others). */
function fieldAttribute(xml: string, name: string): string | undefined {
  const element = /<Field\s[^>]*>/.exec(xml)?.[0] ?? '';
  return new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
}

/** True when the XML describes enhanced rich text (`RichText="TRUE" RichTextMode="FullHtml"`). */
export function isFullHtml(xml: string): boolean {
  return (
    /^true$/i.test(fieldAttribute(xml, 'RichText') ?? '') &&
    fieldAttribute(xml, 'RichTextMode') === 'FullHtml'
  );
}
