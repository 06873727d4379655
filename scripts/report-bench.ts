import { createRequire } from 'node:module';
import type { FollowUp, PlanKey } from '../src/domain/follow-up';
import { buildReport } from '../src/domain/report';
import { buildReportDocx } from '../src/features/report/build-docx';
import type { HtmlParser } from '../src/features/report/comment-to-docx';
import { demoData } from '../tests/fixtures/demo-report';

/**
 * Bench of the "Bilaga 2" export: how long building the report model and packing the .docx
 * takes for a period with many plans. The follow-ups are the demo's with the longest comments,
 * repeated, so the document is at least as heavy as a real one. Runs in node: the comments are
 * parsed with jsdom's DOMParser, which is slower than a browser's, so the figure is an upper
 * bound for the browser.
 */

/** The demo's follow-ups (both seed reports), longest comment first. */
function longestFirst(): FollowUp[] {
  return [...demoData('2017-08').followUps, ...demoData('2020-04').followUps].sort(
    (a, b) => b.comment.length - a.comment.length,
  );
}

/** A period of the demo with `plans` follow-ups, reusing the longest demo comments in turn. */
export function syntheticPeriod(plans: number) {
  const { period } = demoData('2017-08');
  const samples = longestFirst().slice(0, 8);
  const followUps = Array.from({ length: plans }, (_, index): FollowUp => {
    const sample = samples[index % samples.length];
    if (!sample) throw new Error('The demo has no follow-ups');
    return {
      ...sample,
      itemId: index + 1,
      planKey: `bench-${index + 1}` as PlanKey,
      periodKey: period.key,
      sortOrder: index + 1,
      title: `${sample.title} (${index + 1})`,
    };
  });
  return { period, followUps };
}

/** jsdom's constructor, as much of it as this needs (jsdom ships no types, @types/jsdom is not installed). */
type JsdomModule = {
  JSDOM: new (html: string) => { window: { DOMParser: new () => HtmlParser } };
};

let parser: HtmlParser | undefined;
/** The browser's DOMParser where there is one, else jsdom's (node has none). */
function htmlParser(): HtmlParser {
  if (!parser) {
    if (typeof DOMParser !== 'undefined') {
      parser = new DOMParser();
    } else {
      const { JSDOM } = createRequire(import.meta.url)('jsdom') as JsdomModule;
      parser = new new JSDOM('').window.DOMParser();
    }
  }
  return parser;
}

/**
 * Milliseconds to build the report model and the packed .docx (a Blob) for a period with
 * `plans` follow-ups. Data set-up and the parser's creation are not timed.
 */
export async function timeReport(plans: number): Promise<number> {
  const { period, followUps } = syntheticPeriod(plans);
  const options = { parser: htmlParser() };
  const start = performance.now();
  const blob = await buildReportDocx(buildReport(period, followUps), options);
  const elapsed = performance.now() - start;
  if (blob.size === 0) throw new Error('The report came out empty');
  return elapsed;
}
