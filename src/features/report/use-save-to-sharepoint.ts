import { useCallback, useState } from 'react';
import type { Period } from '../../domain/period';
import type { SavedReportFile } from '../../domain/ports';
import type { ReportModel } from '../../domain/report';
import { useServices } from '../shared/services-context';

export type SaveState =
  | { readonly state: 'idle' }
  | { readonly state: 'working' }
  | {
      readonly state: 'done';
      readonly file: SavedReportFile;
      /** Inside Teams: whether Teams opened the file (false: it refused; the link stays). */
      readonly opened: boolean | null;
    }
  | { readonly state: 'failed'; readonly error: unknown };

export interface SaveToSharePoint {
  /** Whether the app can save files in SharePoint here. */
  readonly available: boolean;
  /** Inside Teams, where saving is the way to get the file (downloads are not dependable). */
  readonly inTeams: boolean;
  readonly result: SaveState;
  save(): Promise<void>;
  /** Forgets the last result (another period was chosen). */
  reset(): void;
  /** Opens the saved file the host's way (Teams' `openLink`). */
  open(url: string): Promise<boolean>;
}

/**
 * "Spara i SharePoint": builds the period's Word file and saves it in the site's document library
 * (one file per period, replaced on each save, SharePoint keeping the earlier versions). Inside
 * Teams the saved file is then opened through Teams, which opens it in Word for the web.
 */
export function useSaveToSharePoint(
  report: ReportModel | null,
  period: Period | undefined,
): SaveToSharePoint {
  const services = useServices();
  const [result, setResult] = useState<SaveState>({ state: 'idle' });
  const files = services.reportFiles;
  const host = services.host;
  const inTeams = host?.context.kind === 'teams';

  const open = useCallback(
    async (url: string) => {
      if (!host) return false;
      try {
        await host.openLink(url);
        return true;
      } catch {
        return false;
      }
    },
    [host],
  );

  const save = useCallback(async () => {
    if (!files || !report || !period) return;
    setResult({ state: 'working' });
    try {
      // The Word builder (docx) is loaded only when someone asks for a file.
      const { buildReportDocx, reportFileName } = await import('./build-docx');
      const file = await files.save(reportFileName(period), await buildReportDocx(report));
      setResult({ state: 'done', file, opened: null });
      if (inTeams) {
        const opened = await open(file.url);
        setResult((now) => (now.state === 'done' && now.file === file ? { ...now, opened } : now));
      }
    } catch (error) {
      setResult({ state: 'failed', error });
    }
  }, [files, report, period, inTeams, open]);

  const reset = useCallback(() => setResult({ state: 'idle' }), []);
  return { available: files !== undefined, inTeams, result, save, reset, open };
}
