/**
 * The shape of the demo data transcribed from the two seed reports in ../shared/seeds/.
 * Plain data: the local site turns it into list items.
 */

export type SeedStatus = 'good' | 'partly' | 'poor' | 'not-assessed';

export interface SeedRow {
  /** Position in the report (1-based), also the sort order. */
  readonly number: number;
  /** Stable key of the plan across periods, e.g. "lakemedel". */
  readonly planKey: string;
  /** Plan title without the leading number, validity years kept as the report writes them. */
  readonly title: string;
  /** Validity years, e.g. "2016–2018", "2017", or "" when the report gives none. */
  readonly validity: string;
  /** Decision, e.g. "RD 2016-11-16", "HSdir 2016-11-28", or "". */
  readonly decision: string;
  /** Diary number, e.g. "RS/1957/2016", "Centuri 33786", or "". */
  readonly diaryNumber: string;
  /** Link to the plan document where the report has one. */
  readonly documentUrl?: string;
  /** null when neither the symbol nor the summary settles it. */
  readonly status: SeedStatus | null;
  /** Where the status came from: the arrow in the table, the report's summary, or nowhere. */
  readonly statusSource: 'symbol' | 'summary' | 'note' | 'none';
  /** Short note for not-assessed rows ("Ska omarbetas"), else "". */
  readonly statusNote: string;
  /** The comment as HTML (<p>, <i>, <b>, <ul><li>, <a href>); "" when none. */
  readonly comment: string;
  /** A remark about the transcription itself (lost symbol, truncated title…), else undefined. */
  readonly dataNote?: string;
}

export interface SeedReport {
  /** Period key, "2017-08" or "2020-04". */
  readonly periodKey: string;
  /** Report title as printed, e.g. "Bilaga 2: Uppföljning av övergripande handlingsplaner per augusti 2017". */
  readonly reportTitle: string;
  /** The "Sammantaget visar…" summary paragraph(s) as HTML. */
  readonly summary: string;
  /** The introduction before the summary, as printed: plain paragraphs apart by a blank line. */
  readonly introduction: string;
  /** Whether the report prints its legend before the summary (2020) or after it (2017). */
  readonly legendPlacement: 'before-summary' | 'after-summary';
  readonly report: {
    readonly unit: string;
    /** Contact as printed, a line each (name, "Tfn: …", "E-post: …"), "" when none. */
    readonly contact: string;
    /** Report date YYYY-MM-DD, "" when none. */
    readonly date: string;
    readonly diaryNumber: string;
  };
  readonly rows: readonly SeedRow[];
}
