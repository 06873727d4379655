import {
  Button,
  Link,
  makeStyles,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CloudArrowUpRegular, DocumentArrowDownRegular, PrintRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useMemo, useState } from 'react';
import { periodLabel, type Period, type PeriodKey } from '../../domain/period';
import { buildReport } from '../../domain/report';
import { useI18n } from '../../i18n/i18n';
import { LoadFailed } from '../shared/load-failed';
import { PeriodPicker } from '../shared/period-picker';
import { useServices } from '../shared/services-context';
import { useLoad } from '../shared/use-load';
import { writeUrlState } from '../shared/url-state';
import { startPeriod } from '../shared/first-screen-data';
import { useViewerAndPeriods } from '../shared/use-period-data';
import { ReportDocument } from './report-document';
import { usePageTitleDetail } from '../shell/use-page-title';
import { PlainMessageBar } from '../shared/plain-message-bar';
import { NoPeriod } from '../shared/no-period';
import { StatusLine } from '../shared/status-line';
import { isStoreFailure } from '../../domain/errors';
import { failureMessage } from '../shared/failure-message';
import type { Messages } from '../../i18n/sv';
import { useSaveToSharePoint, type SaveToSharePoint } from './use-save-to-sharepoint';
import type { Viewer } from '../../domain/rules';
import { useDataCache } from '../shared/data-cache-context';
import { VIEWER_AND_PERIODS } from '../shared/first-screen-data';

// Importera Bilaga 2 and its reader load only for coordinators on this screen.
const ImportReport = lazy(() => import('./import-report'));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    '@media print': { display: 'none' },
  },
  picker: { minWidth: 'min(18rem, 100%)' },
  noPrint: { '@media print': { display: 'none' } },
});

type Export =
  | { readonly state: 'idle' }
  | { readonly state: 'working' }
  | { readonly state: 'done'; readonly fileName: string }
  | { readonly state: 'failed'; readonly error: unknown };

/** Saves a file the browser way: a temporary object URL behind a download link. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Bilaga 2 for a period: shown as a page, printable, and exported to Word on request. */
export default function ReportScreen() {
  const { t } = useI18n();
  const services = useServices();
  const cache = useDataCache();
  const [epoch, setEpoch] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const loaded = useViewerAndPeriods(epoch);
  if (loaded.result.state === 'loading') return <Spinner label={t.loading} />;
  if (loaded.result.state === 'failed') {
    return <LoadFailed error={loaded.result.error} onRetry={loaded.retry} />;
  }
  const { periods: list, viewer } = loaded.result.data;
  const start = startPeriod(list);
  const importer = importerFor(viewer, services.periodAdmin, list, (key, text) => {
    // The imported period is new for every screen: load the periods again and show it.
    cache?.invalidate(VIEWER_AND_PERIODS);
    writeUrlState({ period: key, plan: null });
    setNotice(text);
    setEpoch((n) => n + 1);
  });
  const imported = <StatusLine>{notice && <Text>{notice}</Text>}</StatusLine>;
  if (!start) {
    return (
      <>
        {importer}
        {imported}
        <NoPeriod viewer={viewer} />
      </>
    );
  }
  return (
    <>
      {importer}
      {imported}
      <PeriodReport key={epoch} periods={list} initial={start.key} />
    </>
  );
}

function importerFor(
  viewer: Viewer,
  admin: ReturnType<typeof useServices>['periodAdmin'],
  periods: readonly Period[],
  onImported: (key: PeriodKey, notice: string) => void,
) {
  if (viewer.role !== 'coordinator' || !admin) return null;
  return (
    <Suspense fallback={null}>
      <ImportReport periods={periods} admin={admin} onImported={onImported} />
    </Suspense>
  );
}

function PeriodReport({ periods, initial }: { periods: readonly Period[]; initial: PeriodKey }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const services = useServices();
  const [key, setKey] = useState(initial);
  const [exported, setExported] = useState<Export>({ state: 'idle' });
  const period = periods.find((p) => p.key === key) ?? periods[0];
  usePageTitleDetail(null, period && periodLabel(period, locale));
  const followUps = useLoad(`report:${key}`, () => services.followUps.listForPeriods([key]));
  const report = useMemo(
    () =>
      period && followUps.result.state === 'ready'
        ? buildReport(period, followUps.result.data)
        : null,
    [period, followUps.result],
  );

  const saving = useSaveToSharePoint(report, period);

  const choose = (next: PeriodKey) => {
    setKey(next);
    setExported({ state: 'idle' });
    saving.reset();
    writeUrlState({ period: next, plan: null });
  };

  const exportWord = async () => {
    if (!report || !period) return;
    setExported({ state: 'working' });
    try {
      // The Word builder (docx) is loaded only when someone asks for a file.
      const { buildReportDocx, reportFileName } = await import('./build-docx');
      const fileName = reportFileName(period);
      download(await buildReportDocx(report), fileName);
      setExported({ state: 'done', fileName });
    } catch (error) {
      setExported({ state: 'failed', error });
    }
  };

  if (!period) return null;
  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <PeriodPicker
          periods={periods}
          value={period}
          onChange={choose}
          className={styles.picker}
        />
        {saving.available && saving.inTeams && <SaveButton saving={saving} disabled={!report} />}
        <Button
          // Inside Teams a download is not dependable (once per launch on desktop, never on
          // mobile): saving in SharePoint comes first there.
          appearance={saving.inTeams ? 'secondary' : 'primary'}
          icon={<DocumentArrowDownRegular />}
          disabledFocusable={!report || exported.state === 'working'}
          onClick={() => void exportWord()}
        >
          {t.report.exportWord}
        </Button>
        {saving.available && !saving.inTeams && <SaveButton saving={saving} disabled={!report} />}
        <Button icon={<PrintRegular />} disabledFocusable={!report} onClick={() => window.print()}>
          {t.report.print}
        </Button>
      </div>
      <StatusLine className={styles.noPrint}>
        {exported.state === 'working' && <Spinner size="tiny" label={t.report.exporting} />}
        {exported.state === 'done' && <Text>{t.report.exported(exported.fileName)}</Text>}
        {saving.result.state === 'working' && <Spinner size="tiny" label={t.reportFiles.saving} />}
        {saving.result.state === 'done' && <Saved saving={saving} />}
      </StatusLine>
      {saving.result.state === 'failed' && (
        <PlainMessageBar intent="error" role="alert" className={styles.noPrint}>
          <MessageBarBody>{saveFailure(saving.result.error, t)}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void saving.save()}>{t.errors.retry}</Button>
          </MessageBarActions>
        </PlainMessageBar>
      )}
      {exported.state === 'failed' && (
        <PlainMessageBar intent="error" role="alert" className={styles.noPrint}>
          <MessageBarBody>{t.report.exportFailed}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void exportWord()}>{t.errors.retry}</Button>
          </MessageBarActions>
        </PlainMessageBar>
      )}
      {followUps.result.state === 'loading' && <Spinner label={t.loading} />}
      {followUps.result.state === 'failed' && (
        <LoadFailed error={followUps.result.error} onRetry={followUps.retry} />
      )}
      {report && <ReportDocument report={report} />}
    </div>
  );
}

function SaveButton({ saving, disabled }: { saving: SaveToSharePoint; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <Button
      appearance={saving.inTeams ? 'primary' : 'secondary'}
      icon={<CloudArrowUpRegular />}
      disabledFocusable={disabled || saving.result.state === 'working'}
      onClick={() => void saving.save()}
    >
      {t.reportFiles.save}
    </Button>
  );
}

/** The saved file's name, version and link; inside Teams the link opens through Teams. */
function Saved({ saving }: { saving: SaveToSharePoint }) {
  const { t } = useI18n();
  if (saving.result.state !== 'done') return null;
  const { file, opened } = saving.result;
  return (
    <>
      <Text>{t.reportFiles.saved(file.name, file.version)}</Text>
      <Link
        href={file.url}
        target="_blank"
        rel="noopener noreferrer"
        onClick={
          saving.inTeams
            ? (event) => {
                event.preventDefault();
                void saving.open(file.url);
              }
            : undefined
        }
      >
        {t.reportFiles.open}
      </Link>
      {opened === false && <Text>{t.reportFiles.openFailed}</Text>}
    </>
  );
}

/** What went wrong, in words for this save: the library's rights and locks named as such. */
function saveFailure(error: unknown, t: Messages): string {
  if (isStoreFailure(error) && error.kind === 'forbidden') return t.reportFiles.forbidden;
  if (isStoreFailure(error) && error.kind === 'locked') return t.reportFiles.locked;
  return `${t.reportFiles.failed} ${failureMessage(error, t)}`;
}
