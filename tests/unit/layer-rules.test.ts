import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules of STYLE.md, checked by running the project's own ESLint config on code. */
const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

describe('layer rules', () => {
  it.each([
    ['src/domain/x.ts', "import { spfi } from '@pnp/sp';"],
    ['src/domain/x.ts', "import { useState } from 'react';"],
    ['src/domain/x.ts', "import { sv } from '../i18n/sv';"],
    [
      'src/features/owner/x.ts',
      "import { createSpClient } from '../../adapters/sharepoint/sp-client';",
    ],
    ['src/features/owner/x.ts', "import { app } from '@microsoft/teams-js';"],
    ['src/features/owner/x.ts', "import { createLocalSite } from '../../local-site/local-site';"],
    ['src/adapters/sharepoint/x.ts', "import { Button } from '@fluentui/react-components';"],
    ['src/app/x.ts', "import { createLocalSite } from '../local-site/local-site';"],
    // The local SharePoint stands alone: nothing of the app, in its code or its tests.
    ['src/local-site/x.ts', "import { LISTS } from '../adapters/sharepoint/schema';"],
    ['src/local-site/x.ts', "import type { ListDefinition } from '../adapters/sharepoint/schema';"],
    ['src/local-site/x.ts', "import { periodLabel } from '../domain/period';"],
    ['src/local-site/x.test.ts', "import { FOLLOW_UP_LIST } from '../adapters/sharepoint/schema';"],
    ['src/local-site/x.ts', "import { sv } from '../i18n/sv';"],
    ['src/local-site/x.ts', "import { loadDemoState } from '../demo/load-demo-state';"],
    ['src/local-site/vite-plugin.ts', "import { loadDemoState } from '../demo/load-demo-state';"],
    ['src/local-site/x.ts', "import { DEMO_DIRECTORY } from './demo/directory-demo';"],
    // The tenant-mode resources use the local site, never the app.
    ['src/local-tenant/resource/x.ts', "import { LISTS } from '../../adapters/sharepoint/schema';"],
    ['src/local-tenant/resource/x.ts', "import { periodLabel } from '../../domain/period';"],
    [
      'src/local-tenant/resource/x.ts',
      "import { loadDemoState } from '../../demo/load-demo-state';",
    ],
    ['src/local-tenant/resource/x.ts', "import { sv } from '../../i18n/sv';"],
    ['src/local-tenant/resource/x.ts', "import { App } from '../../main';"],
    ['src/local-tenant/resource/x.test.ts', "import { spfi } from '@pnp/sp';"],
    [
      'src/local-tenant/identity/x.ts',
      "import { DEMO_DIRECTORY } from '../../demo/directory-demo';",
    ],
    ['src/local-tenant/identity/x.ts', "import { StoreFailure } from '../../domain/errors';"],
    ['src/local-tenant/identity/x.ts', "import { ensureUser } from '../../local-site/directory';"],
    ['src/local-tenant/identity/x.ts', "import { localCertificate } from '../tls';"],
  ])('%s may not %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport {};\n`)).toBe(true);
  });

  it.each([
    ['src/features/owner/x.ts', "import type { Services } from '../../domain/ports';"],
    ['src/adapters/sharepoint/x.ts', "import type { FollowUp } from '../../domain/follow-up';"],
    ['src/app/x.ts', "import { createSpClient } from '../adapters/sharepoint/sp-client';"],
    ['src/local-site/x.ts', "import { parseBatch } from './batch';"],
    ['src/local-site/x.test.ts', "import { spfi } from '@pnp/sp';"],
    [
      'src/local-tenant/resource/x.ts',
      "import { createLocalSite } from '../../local-site/local-site';",
    ],
    ['src/local-tenant/resource/x.ts', "import { verifyBearer } from './bearer';"],
  ])('%s may %s', async (file, code) => {
    expect(await restricted(file, `${code}\nexport {};\n`)).toBe(false);
  });

  it('keeps the full Zod build out of the app (zod/mini only)', async () => {
    const rule = async (code: string) => {
      const [result] = await eslint.lintText(`${code}\nexport { z };\n`, {
        filePath: 'src/adapters/sharepoint/x.ts',
      });
      return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-syntax');
    };
    expect(await rule("import { z } from 'zod';")).toBe(true);
    expect(await rule("import { z } from 'zod/mini';")).toBe(false);
  });
});
