import { FOLLOW_UP_LIST } from './schema';

/**
 * The follow-up list's default view on a site, where "open in browser" in Teams goes. SharePoint
 * gives a list created by its title the address `Lists/<title>`; set-up creates it so.
 */
export function followUpListViewUrl(siteUrl: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/Lists/${encodeURIComponent(FOLLOW_UP_LIST.title)}/AllItems.aspx`;
}
