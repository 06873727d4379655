import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { FollowUp, FollowUpInput } from '../../domain/follow-up';
import { formatDateTime, useI18n } from '../../i18n/i18n';
import { SafeHtml } from '../shared/safe-html';
import { StatusLabel } from '../shared/status-label';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(64rem, 95vw)' },
  versions: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(18rem, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalM,
  },
  version: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: '40vh',
    overflowY: 'auto',
    // The box takes focus so that a long version can be scrolled with the keyboard (WCAG 2.1.1):
    // its focus is drawn like the app's other scrolling boxes (TableScroll).
    ':focus-visible': {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: tokens.strokeWidthThin,
    },
  },
  versionHeading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  note: { color: tokens.colorNeutralForeground3 },
});

/**
 * Shown when a save met a newer version (HTTP 412): both versions side by side, and three ways
 * on: merge by editing (the safe default, focused first), keep theirs, keep mine. It is an alert
 * dialog: it cannot be dismissed without a choice, and no choice drops the user's text except
 * "keep theirs", which says so. Each version is a named box that takes focus, so a long one can
 * be read to its end with the arrow and page keys before choosing.
 */
export function ConflictDialog({
  theirs,
  mine,
  onMerge,
  onTakeTheirs,
  onKeepMine,
}: {
  theirs: FollowUp | null;
  mine: FollowUpInput;
  onMerge: () => void;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  // The safe choice has focus first, though the versions' boxes come before it. Fluent's dialog
  // focuses its first focusable element in an effect of its own, which runs before this one.
  const mergeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => mergeRef.current?.focus(), []);
  const who = theirs?.modifiedBy?.name ?? t.errors.someone;
  const when = theirs ? formatDateTime(theirs.modifiedAt, locale) : '';
  return (
    <Dialog open modalType="alert">
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t.errors.conflictTitle}</DialogTitle>
          <DialogContent>
            <Text block>{t.errors.conflict(who, when)}</Text>
            {theirs ? (
              <div className={styles.versions}>
                <section
                  className={styles.version}
                  aria-labelledby="conflict-theirs"
                  role="region"
                  tabIndex={0}
                >
                  <h3 id="conflict-theirs" className={styles.versionHeading}>
                    {t.errors.conflictTheirs}
                  </h3>
                  <Text className={styles.note}>
                    {who}, {when}
                  </Text>
                  <StatusLabel status={theirs.status} />
                  {theirs.statusNote && <Text>{theirs.statusNote}</Text>}
                  <SafeHtml html={theirs.comment} />
                </section>
                <section
                  className={styles.version}
                  aria-labelledby="conflict-mine"
                  role="region"
                  tabIndex={0}
                >
                  <h3 id="conflict-mine" className={styles.versionHeading}>
                    {t.errors.conflictMine}
                  </h3>
                  <StatusLabel status={mine.status} />
                  {mine.statusNote && <Text>{mine.statusNote}</Text>}
                  <SafeHtml html={mine.comment} />
                </section>
              </div>
            ) : (
              <Text block>{t.errors.conflictUnavailable}</Text>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onMerge} ref={mergeRef}>
              {t.errors.conflictMerge}
            </Button>
            {theirs && <Button onClick={onTakeTheirs}>{t.errors.conflictTakeTheirs}</Button>}
            {theirs && <Button onClick={onKeepMine}>{t.errors.conflictKeepMine}</Button>}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
