import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { isStoreFailure } from '../../domain/errors';
import type { FollowUp, Person } from '../../domain/follow-up';
import { periodLabel, type Period } from '../../domain/period';
import { periodOverview } from '../../domain/period-overview';
import type { ChannelMessage, DirectoryUser, OutboxEntry } from '../../domain/ports';
import { buildReminder, planFormLink } from '../../domain/reminder';
import type { Viewer } from '../../domain/rules';
import { formatDateTime, useI18n } from '../../i18n/i18n';
import type { Messages } from '../../i18n/sv';
import { failureMessage } from '../shared/failure-message';
import { SafeHtml } from '../shared/safe-html';
import { useServices } from '../shared/services-context';
import { PlainMessageBar } from '../shared/plain-message-bar';
import { StatusLine } from '../shared/status-line';

const useStyles = makeStyles({
  surface: { maxWidth: '48rem', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  owners: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, border: 'none' },
  owner: { display: 'flex', alignItems: 'baseline', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  preview: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    maxHeight: '18rem',
    overflowY: 'auto',
    // A long message scrolls: the box takes focus so the keyboard can scroll it (WCAG 2.1.1).
    ':focus-visible': {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: tokens.strokeWidthThin,
    },
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  outbox: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** Mentions rendered as "@Name" for the preview; the rest is sanitized by SafeHtml. */
export function previewHtml(html: string): string {
  return html.replace(/<at id="\d+">(.*?)<\/at>/g, '<strong>@$1</strong>');
}

type Step =
  | { readonly step: 'idle' }
  | { readonly step: 'looking' }
  | { readonly step: 'sending' }
  | { readonly step: 'failed'; readonly text: string };

function sendFailure(error: unknown, t: Messages, phase: 'lookup' | 'send'): string {
  if (isStoreFailure(error)) {
    if (error.kind === 'forbidden' || error.kind === 'unauthorized') return t.reminders.forbidden;
    if (error.kind === 'not-found' && phase === 'send') return t.reminders.channelNotFound;
  }
  return `${t.reminders.failed} ${failureMessage(error, t)}`;
}

/**
 * "Påminn" for coordinators: one channel message that @-mentions the chosen owners who still owe
 * input, with each plan's link and the due date. All people are looked up first; the message is
 * sent only when every one of them is found, so it is never half-sent. Logged with the period.
 */
export default function ReminderPanel({
  period,
  followUps,
  viewer,
  onSent,
}: {
  period: Period;
  followUps: readonly FollowUp[];
  viewer: Viewer;
  /** Called after sending, with the sentence to show (the period log has a new entry). */
  onSent: (report: string) => void;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const { messenger, channel, periodAdmin, outbox, links } = useServices();
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>({ step: 'idle' });
  const owing = useMemo(() => periodOverview(followUps).owing, [followUps]);
  const [selected, setSelected] = useState<ReadonlySet<number>>(
    () => new Set(owing.map((o) => o.owner.id)),
  );
  const reminder = useMemo(
    () =>
      buildReminder({
        period,
        followUps,
        selectedOwnerIds: selected,
        // A Teams deep link to this tab inside Teams, the plain address elsewhere.
        link: (f) => links?.planForm(f) ?? planFormLink(window.location.href, f),
      }),
    [period, followUps, selected, links],
  );
  const busy = step.step === 'looking' || step.step === 'sending';
  const label = periodLabel(period, locale);

  const toggle = (person: Person, checked: boolean) =>
    setSelected((set) => {
      const next = new Set(set);
      if (checked) next.add(person.id);
      else next.delete(person.id);
      return next;
    });

  const send = async () => {
    if (!messenger || !channel) return;
    const recipients = reminder.recipients;
    setStep({ step: 'looking' });
    let users: Map<string, DirectoryUser>;
    try {
      // By user principal name: Graph finds no one by e-mail, which often differs from it.
      users = await messenger.resolveUsers(recipients.map((p) => p.upn).filter((k) => k !== ''));
    } catch (error) {
      setStep({ step: 'failed', text: sendFailure(error, t, 'lookup') });
      return;
    }
    const unknown = recipients.filter((p) => !users.has(p.upn));
    if (unknown.length > 0) {
      setStep({
        step: 'failed',
        text: t.reminders.unknownUsers(unknown.map((p) => p.name).join(', ')),
      });
      return;
    }
    const message: ChannelMessage = {
      html: reminder.html,
      mentions: reminder.mentions.map((m) => {
        const user = users.get(m.person.upn);
        // Every recipient was found above.
        if (!user) throw new Error(`unresolved ${m.person.upn}`);
        return { id: m.id, mentionText: m.person.name, user };
      }),
    };
    setStep({ step: 'sending' });
    let messageId: string;
    try {
      ({ messageId } = await messenger.send(channel, message));
    } catch (error) {
      setStep({ step: 'failed', text: sendFailure(error, t, 'send') });
      return;
    }
    let report = t.reminders.sent(recipients.length);
    try {
      await periodAdmin?.appendLog(period, {
        kind: 'reminder',
        at: new Date().toISOString(),
        by: viewer.name,
        reminded: recipients.map((p) => p.name),
        messageId,
      });
    } catch {
      report = `${report} ${t.reminders.logFailed}`;
    }
    setStep({ step: 'idle' });
    setOpen(false);
    onSent(report);
  };

  if (!messenger) return null;
  const problem = !channel ? t.reminders.noChannel : null;

  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(_, data) => {
          if (busy) return;
          setOpen(data.open);
          if (data.open) {
            setStep({ step: 'idle' });
            setSelected(new Set(owing.map((o) => o.owner.id)));
          }
        }}
      >
        <DialogTrigger disableButtonEnhancement>
          <Button>{t.reminders.remind}</Button>
        </DialogTrigger>
        <DialogSurface className={styles.surface}>
          <DialogBody>
            <DialogTitle>{t.reminders.title(label)}</DialogTitle>
            <DialogContent className={styles.content}>
              {owing.length === 0 ? (
                <Text>{t.reminders.nobodyOwes}</Text>
              ) : (
                <>
                  <Text>{t.reminders.intro}</Text>
                  {period.dueDate && <Text>{t.period.dueDate(period.dueDate)}</Text>}
                  <fieldset className={styles.owners}>
                    <legend>
                      <Text weight="semibold">{t.reminders.recipients}</Text>
                    </legend>
                    {owing.map(({ owner, plans }) => (
                      <div key={owner.id} className={styles.owner}>
                        <Checkbox
                          label={owner.name}
                          checked={selected.has(owner.id)}
                          disabled={busy}
                          onChange={(_, data) => toggle(owner, data.checked === true)}
                        />
                        <Text size={200} className={styles.muted}>
                          {t.reminders.ownerPlans(
                            plans.map((p) => `${p.sortOrder}. ${p.title}`).join('; '),
                          )}
                        </Text>
                      </div>
                    ))}
                  </fieldset>
                  <div>
                    <h3 id="reminder-preview" className={styles.heading}>
                      {t.reminders.preview}
                    </h3>
                    {reminder.html === '' ? (
                      <Text>{t.reminders.nobodySelected}</Text>
                    ) : (
                      <div
                        className={styles.preview}
                        data-testid="reminder-preview"
                        role="region"
                        aria-labelledby="reminder-preview"
                        tabIndex={0}
                      >
                        <SafeHtml html={previewHtml(reminder.html)} />
                      </div>
                    )}
                  </div>
                </>
              )}
              <StatusLine>
                {step.step === 'looking' && <Spinner size="tiny" label={t.reminders.looking} />}
                {step.step === 'sending' && <Spinner size="tiny" label={t.reminders.sending} />}
              </StatusLine>
              {(problem ?? (step.step === 'failed' ? step.text : null)) && (
                <PlainMessageBar intent="error" role="alert">
                  <MessageBarBody>
                    {problem ?? (step.step === 'failed' ? step.text : '')}
                  </MessageBarBody>
                </PlainMessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabledFocusable={busy || problem !== null || reminder.mentions.length === 0}
                onClick={() => void send()}
              >
                {t.reminders.send}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button disabledFocusable={busy}>{t.reminders.cancel}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {outbox && <OutboxView load={() => outbox.list()} locale={locale} t={t} />}
    </>
  );
}

/** Local mode: what the local Graph recorded, newest first. */
function OutboxView({
  load,
  locale,
  t,
}: {
  load: () => Promise<OutboxEntry[]>;
  locale: 'sv' | 'en';
  t: Messages;
}) {
  const styles = useStyles();
  const [entries, setEntries] = useState<OutboxEntry[] | null>(null);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const toggle = async () => {
    if (shown) {
      setShown(false);
      return;
    }
    setShown(true);
    setError(null);
    try {
      setEntries((await load()).reverse());
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <Button appearance="subtle" aria-expanded={shown} onClick={() => void toggle()}>
        {shown ? t.reminders.hideOutbox : t.reminders.showOutbox}
      </Button>
      {shown && (
        <section aria-labelledby="reminder-outbox" style={{ flexBasis: '100%' }}>
          <h3 id="reminder-outbox" className={styles.heading}>
            {t.reminders.outboxHeading}
          </h3>
          {error !== null && (
            <PlainMessageBar intent="error" role="alert">
              <MessageBarBody>{failureMessage(error, t)}</MessageBarBody>
            </PlainMessageBar>
          )}
          {entries === null && error === null && <Spinner size="tiny" label={t.loading} />}
          {entries?.length === 0 && <Text>{t.reminders.outboxEmpty}</Text>}
          {entries && entries.length > 0 && (
            <ul className={styles.outbox}>
              {entries.map((m) => (
                <li key={m.id} className={styles.preview} tabIndex={0}>
                  <div className={styles.row}>
                    <Text weight="semibold">{formatDateTime(m.createdDateTime, locale)}</Text>
                    <Text>
                      {t.reminders.outboxTo(
                        [...new Set(m.mentions.map((x) => x.displayName))].join(', '),
                      )}
                    </Text>
                  </div>
                  <SafeHtml html={previewHtml(m.html)} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
