import type { SPFI } from '@pnp/sp';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/lists';
import { z } from 'zod/mini';
import type { ReportFiles, SavedReportFile } from '../../domain/ports';
import { mapFailures } from './errors';

/** The folder of the reports in the site's default document library. */
export const REPORT_FOLDER = 'Bilaga 2';

const rootFolderSchema = z.object({ ServerRelativeUrl: z.string() });

/** What `Files/AddUsingPath` answers (SP.File), as far as the app reads it. */
const fileSchema = z.object({
  Name: z.string(),
  ServerRelativeUrl: z.string(),
  UIVersionLabel: z.string(),
  LinkingUri: z.optional(z.nullable(z.string())),
});

function hasStatus(error: unknown, status: number): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'status' in error &&
    (error as { status: unknown }).status === status
  );
}

/**
 * Bilaga 2 in the site's document library: the web's default library (whatever its localized
 * title: `web/DefaultDocumentLibrary`), folder "Bilaga 2" made on the first save, one file per
 * name written with `Files/AddUsingPath(…,Overwrite=true)`, so that a save replaces the file and
 * SharePoint's version history keeps the earlier ones. Requests: the library's root folder once,
 * then one upload (plus, on the first save, the folder and the upload again).
 */
export class SharePointReportFiles implements ReportFiles {
  private root: Promise<string> | undefined;

  constructor(private readonly sp: SPFI) {}

  save(name: string, content: Blob): Promise<SavedReportFile> {
    return mapFailures(async () => {
      const root = await this.rootFolder();
      const folderPath = `${root}/${REPORT_FOLDER}`;
      const upload = () =>
        this.sp.web
          .getFolderByServerRelativePath(folderPath)
          .files.addUsingPath(name, content, { Overwrite: true });
      let answer: unknown;
      try {
        answer = await upload();
      } catch (error) {
        // The folder is not there yet (404: SharePoint's DirectoryNotFound/FileNotFound).
        if (!hasStatus(error, 404)) throw error;
        await this.createFolder(root, folderPath);
        answer = await upload();
      }
      const file = fileSchema.parse(answer);
      return {
        name: file.Name,
        url:
          file.LinkingUri ||
          `${new URL(this.sp.web.toUrl()).origin}${encodeURI(file.ServerRelativeUrl)}?web=1`,
        version: file.UIVersionLabel,
      };
    });
  }

  /** The default library's root folder (`/sites/x/Shared Documents`), asked once. */
  private rootFolder(): Promise<string> {
    this.root ??= this.sp.web.defaultDocumentLibrary.rootFolder
      .select('ServerRelativeUrl')()
      .then((folder: unknown) => rootFolderSchema.parse(folder).ServerRelativeUrl);
    // A failed look-up is asked again on the next save.
    this.root.catch(() => {
      this.root = undefined;
    });
    return this.root;
  }

  private async createFolder(root: string, folderPath: string): Promise<void> {
    try {
      await this.sp.web.getFolderByServerRelativePath(root).folders.addUsingPath(folderPath);
    } catch (error) {
      // Someone else made it in between (409: a file or folder of that name exists).
      if (!hasStatus(error, 409)) throw error;
    }
  }
}
