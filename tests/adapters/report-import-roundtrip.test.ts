// @vitest-environment jsdom
import { Packer } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noTokenProvider } from '../../src/adapters/auth/token-provider';
import { SharePointPeriodAdmin } from '../../src/adapters/sharepoint/period-admin';
import {
  SharePointFollowUpRepository,
  SharePointPeriodRepository,
} from '../../src/adapters/sharepoint/sharepoint-repositories';
import { createSpClient } from '../../src/adapters/sharepoint/sp-client';
import { DEMO_COORDINATOR_ID } from '../../src/demo/demo-people';
import { loadDemoState } from '../../src/demo/load-demo-state';
import { importedPeriod, proposeImport } from '../../src/domain/report-import';
import { normalizeCommentHtml } from '../../src/domain/rich-text';
import { buildReportDocument } from '../../src/features/report/build-docx';
import { readDocx } from '../../src/features/report/read-docx';
import { createLocalSite } from '../../src/local-site/local-site';
import { serveSite, type FixtureServer } from '../../src/local-site/test-fixture';
import { demoReport, demoSeed } from '../fixtures/demo-report';
import { signedIn } from './signed-in';

/**
 * The round trip of part 7: each seed period exported with the app's own Word builder, read back
 * by the import and written into an empty site, then read from the site and compared field by
 * field with the transcribed seed. (jsdom for the reader's DOMParser.)
 */

const empty = createLocalSite({
  createInitialState: () => {
    const state = loadDemoState();
    for (const list of state.lists) list.items = [];
    return state;
  },
});
let server: FixtureServer;
beforeAll(async () => {
  server = await serveSite(empty);
});
afterAll(async () => {
  await server.close();
});

describe('Bilaga 2 round trip through Word into an empty site', () => {
  it.each(['2017-08', '2020-04'])('%s comes back with nothing lost', async (key) => {
    const sp = createSpClient(server.siteUrl, noTokenProvider, signedIn(DEMO_COORDINATOR_ID, []));
    const admin = new SharePointPeriodAdmin(sp);
    const periods = new SharePointPeriodRepository(sp);
    const followUps = new SharePointFollowUpRepository(sp);
    const bytes = new Uint8Array(await Packer.toBuffer(buildReportDocument(demoReport(key))));
    const result = proposeImport(readDocx(bytes), []);
    if (!result.ok) throw new Error(result.reason);
    const period = result.proposal.period;
    if (!period) throw new Error('no period proposed');
    const planned = importedPeriod(result.proposal, period, []);
    await admin.importPeriod(planned.period, planned.followUps);

    const seed = demoSeed(key);
    const stored = (await periods.list()).find((p) => p.key === key);
    expect(stored).toMatchObject({
      state: 'locked',
      introduction: seed.introduction,
      legendPlacement: seed.legendPlacement,
      report: seed.report,
    });
    expect(normalizeCommentHtml(stored?.summary ?? '')).toBe(normalizeCommentHtml(seed.summary));
    const items = await followUps.listForPeriods([stored!.key]);
    expect(items.map((f) => f.title)).toEqual(seed.rows.map((r) => r.title));
    for (const [index, row] of seed.rows.entries()) {
      const item = items[index];
      expect(item, row.title).toMatchObject({
        decision: row.decision,
        diaryNumber: row.diaryNumber,
        status: row.status,
        statusNote: row.statusNote,
        documentUrl: row.documentUrl ?? null,
        inputState: 'submitted',
      });
      expect(normalizeCommentHtml(item?.comment ?? ''), row.title).toBe(
        normalizeCommentHtml(row.comment),
      );
    }
  });
});
