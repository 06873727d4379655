import { describe, expect, it } from 'vitest';
import {
  basePermissionsSchema,
  roleFromPermissions,
} from '../../src/adapters/sharepoint/coordinator-role';
import { upnFromLogin } from '../../src/adapters/sharepoint/item-mapping';

/*
 * The pure parts of who someone is to SharePoint: the UPN in a login (claims) name, and the
 * coordinator role from effective permissions. Masks are SharePoint Online's built-in levels as
 * `roledefinitions` answers them (High, Low).
 */

const FULL_CONTROL = basePermissionsSchema.parse({ High: '2147483647', Low: '4294967295' });
const EDIT = { High: 432, Low: 1011030767 };
const CONTRIBUTE = { High: 432, Low: 1011028719 };
const READ = { High: 176, Low: 138612833 };
const NONE = { High: 0, Low: 0 };
/** Exactly EditListItems (bit 2 of Low) and ManagePermissions (bit 25 of Low). */
const EDIT_ITEMS_ONLY = { High: 0, Low: 2 ** 2 };
const MANAGE_PERMISSIONS_ONLY = { High: 0, Low: 2 ** 25 };

describe('upnFromLogin', () => {
  it('takes the UPN out of an Entra user’s claims login', () => {
    expect(upnFromLogin('i:0#.f|membership|anna.lindgren@region.example')).toBe(
      'anna.lindgren@region.example',
    );
    expect(upnFromLogin('I:0#.F|Membership|David.Astrom@region.example')).toBe(
      'David.Astrom@region.example',
    );
  });

  it('keeps a guest’s UPN whole (its #EXT# part included)', () => {
    expect(upnFromLogin('i:0#.f|membership|kim_partner.example#ext#@region.onmicrosoft.com')).toBe(
      'kim_partner.example#ext#@region.onmicrosoft.com',
    );
  });

  it('gives nothing for logins that are not an Entra user’s', () => {
    expect(upnFromLogin('c:0t.c|tenant|02229407-bf73-44ad-adb0-d8e2b0e592cb')).toBe('');
    expect(upnFromLogin('c:0o.c|federateddirectoryclaimprovider|5f0c4b7e')).toBe('');
    expect(upnFromLogin('i:0#.w|region\\anna')).toBe('');
    expect(upnFromLogin('i:0#.f|membership|')).toBe('');
    expect(upnFromLogin('anna.lindgren@region.example')).toBe('');
    expect(upnFromLogin('')).toBe('');
    expect(upnFromLogin(null)).toBe('');
    expect(upnFromLogin(undefined)).toBe('');
  });
});

describe('roleFromPermissions', () => {
  it('makes Full Control on both lists (the coordinator group) a coordinator', () => {
    expect(roleFromPermissions({ periods: FULL_CONTROL, followUps: FULL_CONTROL })).toBe(
      'coordinator',
    );
  });

  it('needs both bits: editing the periods and managing the follow-ups’ permissions', () => {
    expect(
      roleFromPermissions({ periods: EDIT_ITEMS_ONLY, followUps: MANAGE_PERMISSIONS_ONLY }),
    ).toBe('coordinator');
    expect(roleFromPermissions({ periods: FULL_CONTROL, followUps: EDIT })).toBe('member');
    expect(roleFromPermissions({ periods: READ, followUps: FULL_CONTROL })).toBe('member');
    expect(roleFromPermissions({ periods: MANAGE_PERMISSIONS_ONLY, followUps: FULL_CONTROL })).toBe(
      'member',
    );
  });

  it('keeps owners, readers and site members (Edit, Contribute) members', () => {
    for (const mask of [EDIT, CONTRIBUTE, READ, NONE]) {
      expect(roleFromPermissions({ periods: mask, followUps: mask })).toBe('member');
    }
  });
});
