import { z } from 'zod/mini';
import { StoreFailure } from '../../domain/errors';
import type { DemoSessionPort, DemoUser } from '../../domain/ports';
import { mapFailures } from '../sharepoint/errors';
import { COORDINATOR_GROUP } from '../sharepoint/schema';

/** The local site's people with the titles of their site groups (it knows nothing of roles). */
const usersSchema = z.array(
  z.object({
    id: z.nullable(z.number()),
    login: z.string(),
    title: z.string(),
    groups: z.array(z.string()),
  }),
);

/**
 * "Visa som" for the local site: lists the demo users and signs in as one of them through the
 * local site's own endpoints (not SharePoint's), which set the session cookie that the local
 * SharePoint endpoints read. Never used against a real tenant.
 */
export class LocalDemoSession implements DemoSessionPort {
  constructor(
    private readonly siteUrl: string,
    private readonly fetchFn: typeof fetch = (...args) => fetch(...args),
  ) {}

  users(): Promise<DemoUser[]> {
    return mapFailures(async () => {
      const response = await this.fetchFn(`${this.siteUrl}/_local/users`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) throw new StoreFailure('server', `Demo users: HTTP ${response.status}`);
      return usersSchema.parse(await response.json()).map((u) => ({
        key: u.login,
        siteUserId: u.id,
        name: u.title,
        isCoordinator: u.groups.includes(COORDINATOR_GROUP),
      }));
    });
  }

  signInAs(key: string): Promise<void> {
    return mapFailures(async () => {
      const response = await this.fetchFn(`${this.siteUrl}/_local/signin`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ login: key }),
      });
      if (!response.ok) throw new StoreFailure('server', `Sign in: HTTP ${response.status}`);
    });
  }
}
