import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import { AddFieldOptions } from '@pnp/sp/fields';
import '@pnp/sp/lists';
import { PermissionKind } from '@pnp/sp/security';
import '@pnp/sp/security/list';
import '@pnp/sp/security/web';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/views';
import '@pnp/sp/webs';
import { z } from 'zod/mini';
import { StoreFailure } from '../../domain/errors';
import type { SetupItem, SetupReport, SiteSetup } from '../../domain/ports';
import { mapFailures } from './errors';
import { fieldSchemaXml, isFullHtml } from './field-xml';
import {
  COORDINATOR_GROUP,
  LIST_ROLES,
  LISTS,
  READER_GROUP,
  type FieldDefinition,
  type ListDefinition,
  type ViewDefinition,
} from './schema';

const observedField = z.object({
  InternalName: z.string(),
  Title: z.string(),
  TypeAsString: z.string(),
  Indexed: z.boolean(),
  EnforceUniqueValues: z.boolean(),
  Required: z.boolean(),
  CustomFormatter: z.nullish(z.string()),
  SchemaXml: z.string(),
});
type ObservedField = z.infer<typeof observedField>;

const observedView = z.object({
  Title: z.string(),
  ViewQuery: z.nullish(z.string()),
  RowLimit: z.number(),
  CustomFormatter: z.nullish(z.string()),
  ViewFields: z.object({ Items: z.array(z.string()) }),
});
type ObservedView = z.infer<typeof observedView>;

const titled = z.array(z.object({ Title: z.string() }));
const groupsWithIds = z.array(z.object({ Id: z.number(), Title: z.string() }));
const roleDefinitions = z.array(z.object({ Id: z.number(), RoleTypeKind: z.number() }));
const uniqueness = z.object({ HasUniqueRoleAssignments: z.boolean() });
const assignments = z.array(
  z.object({
    PrincipalId: z.number(),
    RoleDefinitionBindings: z.array(z.object({ Id: z.number() })),
  }),
);
const withId = z.object({ Id: z.number() });
const permissions = z.object({ High: z.coerce.number(), Low: z.coerce.number() });

/** One list as found on the site: null when it does not exist. */
interface ObservedList {
  readonly fields: readonly ObservedField[];
  readonly views: readonly ObservedView[];
  /** `principal/roleDefinition` pairs of the list's own assignments; null while it inherits or unreadable. */
  readonly roles: ReadonlySet<string> | null;
  /** The signed-in user's rights on the list (its EffectiveBasePermissions). */
  readonly canRead: boolean;
  readonly canWrite: boolean;
}

/** What one read of the site found. */
interface Observed {
  readonly lists: ReadonlyMap<string, ObservedList | null>;
  /** Group ids by lower-case title. */
  readonly groups: ReadonlyMap<string, number>;
  /** Role definition ids by RoleType. */
  readonly roleIds: ReadonlyMap<number, number>;
  readonly canManageLists: boolean;
  readonly canCreateGroups: boolean;
  readonly canManagePermissions: boolean;
}

/** A set-up item and the writes that make it as it should be. */
interface Step {
  readonly item: SetupItem;
  readonly run: () => Promise<void>;
}

/** A list's own role assignments as `principal/roleDefinition` pairs (null: inherits, unreadable). */
async function listRoles(
  unique: Promise<unknown>,
  assigned: Promise<unknown>,
): Promise<ReadonlySet<string> | null> {
  try {
    if (!uniqueness.parse(await unique).HasUniqueRoleAssignments) return null;
    const pairs = assignments
      .parse(await assigned)
      .flatMap((a) => a.RoleDefinitionBindings.map((b) => `${a.PrincipalId}/${b.Id}`));
    return new Set(pairs);
  } catch {
    return null;
  }
}

/** The JSON text of two formatters means the same (key order and spacing aside). */
export function sameJson(a: string | null | undefined, b: string | undefined): boolean {
  if (!a || !b) return !a && !b;
  try {
    return canonical(JSON.parse(a)) === canonical(JSON.parse(b));
  } catch {
    return false;
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * CAML as SharePoint may give it back: whitespace between elements dropped, `<X />` as `<X/>`,
 * `TRUE`/`FALSE` in either case.
 */
export function normalizeCaml(caml: string | null | undefined): string {
  return (caml ?? '')
    .replace(/>\s+</g, '><')
    .replace(/\s*\/>/g, '/>')
    .replace(/="(true|false)"/gi, (_, flag: string) => `="${flag.toUpperCase()}"`)
    .trim();
}

function choicesOf(schemaXml: string): string[] {
  return [...schemaXml.matchAll(/<CHOICE>([^<]*)<\/CHOICE>/g)].map((m) =>
    (m[1] ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
  );
}

/** Whether a field found on the site has the definition's name, type, choices and text mode. */
function fieldMatches(def: FieldDefinition, found: ObservedField): boolean {
  if (found.Title !== def.displayName || found.TypeAsString !== def.type) return false;
  if (def.internalName !== 'Title' && found.Required !== (def.required === true)) return false;
  if (def.type === 'Choice') {
    const choices = choicesOf(found.SchemaXml);
    const wanted = def.choices ?? [];
    if (choices.length !== wanted.length || choices.some((c, i) => c !== wanted[i])) return false;
  }
  if (def.type === 'Note' && isFullHtml(found.SchemaXml) !== (def.richText === true)) {
    return false;
  }
  return true;
}

function viewMatches(def: ViewDefinition, found: ObservedView): boolean {
  return (
    normalizeCaml(found.ViewQuery) === normalizeCaml(def.query) &&
    found.RowLimit === def.rowLimit &&
    found.ViewFields.Items.length === def.fields.length &&
    found.ViewFields.Items.every((f, i) => f === def.fields[i])
  );
}

/** A copy of `value` without `keys`. */
function omit<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

/** A definition as set-up first creates it: index, unique values and formatting come after. */
function plainField(def: FieldDefinition): FieldDefinition {
  return omit(def, 'indexed', 'unique', 'customFormatter');
}

/**
 * Set-up of a SharePoint site with @pnp/sp: reads the lists, fields, views and groups in one
 * `$batch`, compares them with schema.ts, and creates or corrects only what is missing or
 * differs, one request at a time (so progress can be shown and a failure leaves every earlier
 * step done: running it again continues). A complete site costs the one read and no write.
 *
 * Rights: Manage Lists on the site for lists, fields and views; Create Groups for the two site
 * groups; Manage Permissions for the lists' permissions. They are checked
 * (`EffectiveBasePermissions`) before the first write; without one that is needed `apply`
 * rejects with StoreFailure 'forbidden' and changes nothing.
 */
export class SharePointSiteSetup implements SiteSetup {
  constructor(
    private readonly sp: SPFI,
    private readonly siteUrl: string,
    private readonly lists: readonly ListDefinition[] = LISTS,
    private readonly groups: readonly string[] = [COORDINATOR_GROUP, READER_GROUP],
  ) {}

  inspect(): Promise<SetupReport> {
    return mapFailures(async () => this.report(await this.read()));
  }

  apply(onProgress?: (done: number, total: number, item: SetupItem) => void): Promise<SetupReport> {
    return mapFailures(async () => {
      const observed = await this.read();
      const steps = this.steps(observed);
      if (steps.length === 0) return this.report(observed);
      const listWork = (kind: SetupItem['kind']) => kind !== 'group' && kind !== 'permissions';
      if (steps.some((s) => listWork(s.item.kind)) && !observed.canManageLists) {
        throw new StoreFailure(
          'forbidden',
          'Set-up needs the Manage Lists permission (Hantera listor) on the site.',
        );
      }
      if (steps.some((s) => s.item.kind === 'group') && !observed.canCreateGroups) {
        throw new StoreFailure(
          'forbidden',
          'Set-up needs the Create Groups permission (Skapa grupper) on the site.',
        );
      }
      if (steps.some((s) => s.item.kind === 'permissions') && !observed.canManagePermissions) {
        throw new StoreFailure(
          'forbidden',
          'Set-up needs the Manage Permissions permission (Hantera behörigheter) on the site.',
        );
      }
      let done = 0;
      for (const step of steps) {
        await step.run();
        done += 1;
        onProgress?.(done, steps.length, { ...step.item, state: 'present' });
      }
      return this.report(await this.read());
    });
  }

  /**
   * One `$batch`: lists, groups, role definitions, the user's permissions, and each list's
   * fields, views and role assignments.
   */
  private async read(): Promise<Observed> {
    const [batched, execute] = this.sp.batched();
    const web = batched.web;
    const lists = web.lists.select('Title')();
    const groups = web.siteGroups.select('Id', 'Title')();
    const rights = web.getCurrentUserEffectivePermissions();
    const roles = web.roleDefinitions.select('Id', 'RoleTypeKind')();
    const perList = this.lists.map((def) => {
      const list = web.lists.getByTitle(def.title);
      return {
        fields: list.fields.select(
          'InternalName',
          'Title',
          'TypeAsString',
          'Indexed',
          'EnforceUniqueValues',
          'Required',
          'CustomFormatter',
          'SchemaXml',
        )(),
        views: list.views.expand('ViewFields')(),
        unique: list.select('HasUniqueRoleAssignments')(),
        // Needs Enumerate Permissions: unreadable counts as not set up.
        assignments: list.roleAssignments.expand('RoleDefinitionBindings')(),
        // The user's own rights on the list: anyone who can open the list may read them.
        rights: list.getCurrentUserEffectivePermissions(),
      };
    });
    const all = [
      lists,
      groups,
      rights,
      roles,
      ...perList.flatMap((l) => [l.fields, l.views, l.unique, l.assignments, l.rights]),
    ];
    const settled = Promise.allSettled(all);
    await execute();
    await settled;
    const titles = new Set(titled.parse(await lists).map((l) => l.Title.toLowerCase()));
    const found = new Map<string, ObservedList | null>();
    for (const [i, def] of this.lists.entries()) {
      const requests = perList[i];
      if (!requests || !titles.has(def.title.toLowerCase())) {
        // The list's own reads failed with 404 (settled above, never unhandled).
        found.set(def.title, null);
        continue;
      }
      const listRights = await requests.rights.then(
        (value) => permissions.parse(value),
        () => ({ High: 0, Low: 0 }),
      );
      found.set(def.title, {
        fields: z.array(observedField).parse(await requests.fields),
        views: z.array(observedView).parse(await requests.views),
        roles: await listRoles(requests.unique, requests.assignments),
        canRead: this.sp.web.hasPermissions(listRights, PermissionKind.ViewListItems),
        canWrite: this.sp.web.hasPermissions(listRights, PermissionKind.EditListItems),
      });
    }
    const mask = permissions.parse(await rights);
    return {
      lists: found,
      groups: new Map(groupsWithIds.parse(await groups).map((g) => [g.Title.toLowerCase(), g.Id])),
      roleIds: new Map(roleDefinitions.parse(await roles).map((r) => [r.RoleTypeKind, r.Id])),
      canManageLists: this.sp.web.hasPermissions(mask, PermissionKind.ManageLists),
      canCreateGroups: this.sp.web.hasPermissions(mask, PermissionKind.CreateGroups),
      canManagePermissions: this.sp.web.hasPermissions(mask, PermissionKind.ManagePermissions),
    };
  }

  private report(observed: Observed): SetupReport {
    const items = this.steps(observed, true).map((s) => s.item);
    const lists = this.lists.map((def) => {
      const found = observed.lists.get(def.title) ?? null;
      return {
        title: def.title,
        exists: found !== null,
        canRead: found?.canRead ?? false,
        canWrite: found?.canWrite ?? false,
      };
    });
    return {
      siteUrl: this.siteUrl,
      items,
      lists,
      complete: items.every((i) => i.state === 'present'),
      canManageLists: observed.canManageLists,
      canCreateGroups: observed.canCreateGroups,
      canManagePermissions: observed.canManagePermissions,
    };
  }

  /**
   * Every item set-up checks, in the order it makes them (list, fields, indexes, unique values,
   * column formatting, views, row formatting, groups), each with its writes; only those not
   * present unless `all`.
   */
  private steps(observed: Observed, all = false): Step[] {
    const steps: Step[] = [];
    const add = (item: SetupItem, run: () => Promise<void>) => {
      if (all || item.state !== 'present') steps.push({ item, run });
    };
    for (const def of this.lists) {
      const found = observed.lists.get(def.title) ?? null;
      const list = () => this.sp.web.lists.getByTitle(def.title);
      const field = (name: string) => list().fields.getByInternalNameOrTitle(name);
      const fieldOf = (name: string) => found?.fields.find((f) => f.InternalName === name);
      const at = (kind: SetupItem['kind'], key: string) => `${kind}:${def.title}/${key}`;

      add(
        {
          id: `list:${def.title}`,
          kind: 'list',
          name: def.title,
          state: found ? 'present' : 'missing',
        },
        async () => {
          await this.sp.web.lists.add(def.title, def.description, 100, false);
        },
      );
      for (const f of def.fields) {
        const current = fieldOf(f.internalName);
        const state = !current ? 'missing' : fieldMatches(f, current) ? 'present' : 'differs';
        add(
          {
            id: at('field', f.internalName),
            kind: 'field',
            list: def.title,
            name: f.displayName,
            state,
          },
          async () => {
            // A new list's Title field exists already: it is corrected, not created.
            if (!current && f.internalName !== 'Title') {
              await list().fields.createFieldAsXml({
                SchemaXml: fieldSchemaXml(plainField(f)),
                Options:
                  AddFieldOptions.AddToDefaultContentType |
                  AddFieldOptions.AddFieldInternalNameHint |
                  AddFieldOptions.AddFieldToDefaultView,
              });
              return;
            }
            if (f.internalName === 'Title') {
              await field('Title').update({ Title: f.displayName }, 'SP.FieldText');
              return;
            }
            // The schema XML carries display name, choices, rich-text mode and required alike;
            // index, unique values and formatting are kept as the site has them.
            const keep: FieldDefinition = {
              ...plainField(f),
              ...(current?.Indexed ? { indexed: true } : {}),
              ...(current?.EnforceUniqueValues ? { unique: true } : {}),
              ...(current?.CustomFormatter ? { customFormatter: current.CustomFormatter } : {}),
            };
            await field(f.internalName).update({ SchemaXml: fieldSchemaXml(keep) }, 'SP.Field');
          },
        );
      }
      for (const f of def.fields.filter((d) => d.indexed === true)) {
        add(
          {
            id: at('index', f.internalName),
            kind: 'index',
            list: def.title,
            name: f.displayName,
            state: fieldOf(f.internalName)?.Indexed ? 'present' : 'missing',
          },
          async () => {
            await field(f.internalName).update({ Indexed: true }, 'SP.Field');
          },
        );
      }
      for (const f of def.fields.filter((d) => d.unique === true)) {
        add(
          {
            id: at('unique', f.internalName),
            kind: 'unique',
            list: def.title,
            name: f.displayName,
            state: fieldOf(f.internalName)?.EnforceUniqueValues ? 'present' : 'missing',
          },
          async () => {
            await field(f.internalName).update({ EnforceUniqueValues: true }, 'SP.Field');
          },
        );
      }
      for (const f of def.fields) {
        if (f.customFormatter === undefined) continue;
        const current = fieldOf(f.internalName)?.CustomFormatter;
        add(
          {
            id: at('formatter', f.internalName),
            kind: 'formatter',
            list: def.title,
            name: f.displayName,
            state: !current
              ? 'missing'
              : sameJson(current, f.customFormatter)
                ? 'present'
                : 'differs',
          },
          async () => {
            await field(f.internalName).update({ CustomFormatter: f.customFormatter }, 'SP.Field');
          },
        );
      }
      for (const v of def.views ?? []) {
        const current = found?.views.find((x) => x.Title === v.title);
        const state = !current ? 'missing' : viewMatches(v, current) ? 'present' : 'differs';
        add(
          { id: at('view', v.title), kind: 'view', list: def.title, name: v.title, state },
          async () => {
            const settings = { ViewQuery: v.query, RowLimit: v.rowLimit };
            if (current) await list().views.getByTitle(v.title).update(settings);
            else await list().views.add(v.title, false, settings);
            const fields = list().views.getByTitle(v.title).fields;
            await fields.removeAll();
            for (const name of v.fields) await fields.add(name);
          },
        );
      }
      for (const v of def.views ?? []) {
        if (v.rowFormatter === undefined) continue;
        const current = found?.views.find((x) => x.Title === v.title)?.CustomFormatter;
        add(
          {
            id: at('row-formatter', v.title),
            kind: 'row-formatter',
            list: def.title,
            name: v.title,
            state: !current ? 'missing' : sameJson(current, v.rowFormatter) ? 'present' : 'differs',
          },
          async () => {
            await list().views.getByTitle(v.title).update({ CustomFormatter: v.rowFormatter });
          },
        );
      }
    }
    for (const group of this.groups) {
      add(
        {
          id: `group:${group}`,
          kind: 'group',
          name: group,
          state: observed.groups.has(group.toLowerCase()) ? 'present' : 'missing',
        },
        async () => {
          await this.sp.web.siteGroups.add({ Title: group });
        },
      );
    }
    // After the groups: the lists' own permissions name them.
    for (const def of this.lists) {
      const roles = observed.lists.get(def.title)?.roles ?? null;
      const wanted = LIST_ROLES.map(({ group, roleType }) => {
        const groupId = observed.groups.get(group.toLowerCase());
        const roleId = observed.roleIds.get(roleType);
        return groupId === undefined || roleId === undefined ? null : `${groupId}/${roleId}`;
      });
      const present = roles !== null && wanted.every((w) => w !== null && roles.has(w));
      add(
        {
          id: `permissions:${def.title}`,
          kind: 'permissions',
          list: def.title,
          name: def.title,
          state: present ? 'present' : 'missing',
        },
        async () => {
          const list = this.sp.web.lists.getByTitle(def.title);
          // Keeps what the site gives (owners, members) and adds the app's groups.
          await list.breakRoleInheritance(true, false);
          for (const { group, roleType } of LIST_ROLES) {
            const [groupInfo, role] = await Promise.all([
              this.sp.web.siteGroups.getByName(group).select('Id')(),
              this.sp.web.roleDefinitions.getByType(roleType).select('Id')(),
            ]);
            await list.roleAssignments.add(withId.parse(groupInfo).Id, withId.parse(role).Id);
          }
        },
      );
    }
    return steps;
  }
}
