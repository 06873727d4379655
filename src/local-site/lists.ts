/**
 * Making lists and their fields as SharePoint makes them: a new custom list (template 100) has
 * the Title field and the view "Alla objekt" (the site is Swedish); fields join from their
 * `<Field>` XML (field-schema.ts). Used by the REST endpoints and to seed states from SchemaXml.
 */
import { duplicateField, fieldInfo, parseFieldElement, storedField } from './field-schema';
import type { FieldRecord, ListState, ViewRecord } from './site-state';

/** SharePoint's Title field of every custom list (its GUID is the same in every list). */
const TITLE_FIELD_ID = 'fa564e0f-0c70-4ab9-b863-0177e6ddd247';

/** The title of the default view of a new list in a Swedish site. */
export const DEFAULT_VIEW_TITLE = 'Alla objekt';

/** Built-in columns every list has, that views may show and field listings include. */
export const BUILTIN_FIELDS: ReadonlyArray<{
  readonly name: string;
  readonly title: string;
  readonly type: string;
  readonly kind: number;
  readonly id: string;
}> = [
  { name: 'ID', title: 'ID', type: 'Counter', kind: 1, id: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1' },
  {
    name: 'LinkTitle',
    title: 'Title',
    type: 'Computed',
    kind: 12,
    id: '82642ec8-ef9b-478f-acf9-31f7d45fbc31',
  },
  {
    name: 'Created',
    title: 'Created',
    type: 'DateTime',
    kind: 4,
    id: '8c06beca-0777-48f7-91c7-6da68bc07b69',
  },
  {
    name: 'Modified',
    title: 'Modified',
    type: 'DateTime',
    kind: 4,
    id: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f',
  },
  {
    name: 'Author',
    title: 'Created By',
    type: 'User',
    kind: 20,
    id: '1df5e554-ec7e-46a6-901d-d85a3881cb18',
  },
  {
    name: 'Editor',
    title: 'Modified By',
    type: 'User',
    kind: 20,
    id: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2',
  },
];

function titleField(): FieldRecord {
  return {
    Id: TITLE_FIELD_ID,
    attributes: [
      ['ID', `{${TITLE_FIELD_ID}}`],
      ['Type', 'Text'],
      ['Name', 'Title'],
      ['DisplayName', 'Title'],
      ['Required', 'TRUE'],
      ['SourceID', 'http://schemas.microsoft.com/sharepoint/v3'],
      ['StaticName', 'Title'],
      ['FromBaseType', 'TRUE'],
      ['ColName', 'nvarchar1'],
    ],
    choices: null,
    defaultValue: null,
  };
}

/** What a new list needs. */
export interface NewList {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly created: string;
  /** Makes the GUIDs of the list's fields and views. */
  readonly newId: () => string;
}

/** A new, empty custom list: the Title field and the default view. */
export function newList(spec: NewList): ListState {
  return {
    id: spec.id,
    Title: spec.title,
    Description: spec.description,
    Created: spec.created,
    fields: [titleField()],
    views: [
      {
        Id: spec.newId(),
        Title: DEFAULT_VIEW_TITLE,
        ViewQuery: '<OrderBy><FieldRef Name="ID" /></OrderBy>',
        ViewFields: ['LinkTitle'],
        RowLimit: 30,
        CustomFormatter: '',
        DefaultView: true,
      },
    ],
    nextItemId: 1,
    items: [],
  };
}

/** The list's own field with this internal name (case-sensitive, as SharePoint's names). */
export function listField(list: ListState, name: string): FieldRecord | undefined {
  return list.fields.find((f) => fieldInfo(f).name === name);
}

/**
 * Adds a field from its `<Field>` XML, as `createfieldasxml` does; `keepName` keeps `Name`
 * (AddFieldInternalNameHint), otherwise the internal name comes from DisplayName.
 */
export function addField(
  list: ListState,
  xml: string,
  options: { keepName: boolean; toDefaultView: boolean; newId: () => string },
): FieldRecord {
  const field = storedField(xml, {
    listId: list.id,
    existing: list.fields,
    newId: options.newId,
    keepName: options.keepName,
  });
  const name = fieldInfo(field).name;
  if (listField(list, name) || BUILTIN_FIELDS.some((f) => f.name === name)) {
    throw duplicateField(name);
  }
  list.fields.push(field);
  const byDefault = list.views.find((v) => v.DefaultView);
  if (options.toDefaultView && byDefault) byDefault.ViewFields.push(name);
  return field;
}

/** A view seeded as data (the same record `POST views` makes). */
export function addView(list: ListState, view: Omit<ViewRecord, 'DefaultView'>): ViewRecord {
  const record: ViewRecord = { ...view, DefaultView: false };
  list.views.push(record);
  return record;
}

/** A list written as SharePoint data: its fields' `<Field>` XML and its views. */
export interface ListSchema {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** `<Field>` elements with their internal names; a `Name="Title"` one renames the Title field. */
  readonly fields: readonly string[];
  readonly views?: ReadonlyArray<Omit<ViewRecord, 'Id' | 'DefaultView'>>;
}

/**
 * A list made from schema data, as the REST endpoints would make it (new list, then
 * `createfieldasxml` with AddFieldInternalNameHint, then views), for seeding states.
 */
export function listFromSchema(
  schema: ListSchema,
  created: string,
  newId: () => string,
): ListState {
  const list = newList({ ...schema, created, newId });
  for (const xml of schema.fields) {
    const { attributes } = parseFieldElement(xml);
    const title = listField(list, 'Title');
    if (attributes.some(([n, v]) => n === 'Name' && v === 'Title') && title) {
      const display = attributes.find(([n]) => n === 'DisplayName')?.[1] ?? 'Title';
      title.attributes = title.attributes.map(([n, v]) => [n, n === 'DisplayName' ? display : v]);
      continue;
    }
    addField(list, xml, { keepName: true, toDefaultView: false, newId });
  }
  for (const view of schema.views ?? []) addView(list, { ...view, Id: newId() });
  return list;
}
