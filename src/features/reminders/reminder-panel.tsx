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
  Field,
  makeStyles,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { isStoreFailure } from '../../domain/errors';
import type { FollowUp, Person } from '../../domain/follow-up';
import { periodLabel, type Period } from '../../domain/period';
import { periodOverview } from '../../domain/period-overview';
import {
  INPUT_REMINDER_ACTIVITY,
  nudgeRecipients,
  personalOutcome,
  planNudges,
  reminderLogEntry,
  sendsChannel,
  sendsPersonal,
  type NudgeResult,
  type ReminderDelivery,
} from '../../domain/nudge';
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
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** Mentions rendered as "@Name" for the preview; the rest is sanitized by SafeHtml. */
export function previewHtml(html: string): string {
  return html.replace(/<at id="\d+">(.*?)<\/at>/g, '<strong>@$1</strong>');
}

type Step =
  | { readonly step: 'idle' }
  | { readonly step: 'looking' }
  | { readonly step: 'sending' }
  | { readonly step: 'notifying' }
  | { readonly step: 'failed'; readonly text: string }
  /** Part of the reminder went out, part did not: one line per part and person. */
  | { readonly step: 'partial'; readonly lines: readonly string[]; readonly report: string };

/** The coordinator's choice of delivery, kept for the page's session. */
let rememberedDelivery: ReminderDelivery | null = null;

function channelFailure(error: unknown, t: Messages): string {
  if (isStoreFailure(error)) {
    if (error.kind === 'forbidden' || error.kind === 'unauthorized')
      return t.nudge.channelForbidden;
    if (error.kind === 'not-found') return t.reminders.channelNotFound;
  }
  return failureMessage(error, t);
}

function personalFailure(error: unknown, t: Messages): string {
  if (isStoreFailure(error)) {
    if (error.kind === 'forbidden') return t.nudge.personalForbidden;
    if (error.kind === 'unauthorized') return t.nudge.personalSignIn;
    // Graph's 412: the token expires within 45 minutes (sendActivityNotificationToRecipients).
    if (error.kind === 'conflict') return t.nudge.personalTokenExpiring;
  }
  return failureMessage(error, t);
}

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
  const { messenger, notifier, channel, periodAdmin, outbox, links } = useServices();
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
  const nudgePlan = useMemo(() => planNudges(reminder, period, viewer), [reminder, period, viewer]);
  // Personal notifications need Graph and Teams deep links (a tab in a Teams channel).
  const personalAvailable = notifier !== undefined && nudgePlan.ok;
  const [delivery, setDeliveryState] = useState<ReminderDelivery>(
    () => rememberedDelivery ?? 'both',
  );
  const effectiveDelivery: ReminderDelivery = personalAvailable ? delivery : 'channel';
  const setDelivery = (value: ReminderDelivery) => {
    rememberedDelivery = value;
    setDeliveryState(value);
  };
  const nudges = nudgePlan.ok ? nudgePlan.nudges : [];
  const busy = step.step === 'looking' || step.step === 'sending' || step.step === 'notifying';
  const label = periodLabel(period, locale);

  const toggle = (person: Person, checked: boolean) =>
    setSelected((set) => {
      const next = new Set(set);
      if (checked) next.add(person.id);
      else next.delete(person.id);
      return next;
    });

  const send = async () => {
    if (!messenger) return;
    const withChannel = sendsChannel(effectiveDelivery);
    const withPersonal = sendsPersonal(effectiveDelivery) && notifier !== undefined;
    if (withChannel && !channel) return;
    const personal = withPersonal ? nudges : [];
    const mentioned = withChannel ? reminder.recipients : [];
    const people = [...mentioned, ...nudgeRecipients(personal)];
    setStep({ step: 'looking' });
    let users: Map<string, DirectoryUser>;
    try {
      // By user principal name: Graph finds no one by e-mail, which often differs from it.
      users = await messenger.resolveUsers(
        [...new Set(people.map((p) => p.upn))].filter((k) => k !== ''),
      );
    } catch (error) {
      setStep({ step: 'failed', text: sendFailure(error, t, 'lookup') });
      return;
    }
    const unknown = [...new Map(people.map((p) => [p.id, p])).values()].filter(
      (p) => !users.has(p.upn),
    );
    if (unknown.length > 0) {
      setStep({
        step: 'failed',
        text: t.reminders.unknownUsers(unknown.map((p) => p.name).join(', ')),
      });
      return;
    }
    const userOf = (upn: string): DirectoryUser => {
      const user = users.get(upn);
      // Every recipient was found above.
      if (!user) throw new Error(`unresolved ${upn}`);
      return user;
    };

    // The channel message, when asked for.
    let channelPart: { readonly messageId: string } | { readonly error: unknown } | null = null;
    if (withChannel && channel) {
      const message: ChannelMessage = {
        html: reminder.html,
        mentions: reminder.mentions.map((m) => ({
          id: m.id,
          mentionText: m.person.name,
          user: userOf(m.person.upn),
        })),
      };
      setStep({ step: 'sending' });
      try {
        channelPart = await messenger.send(channel, message);
      } catch (error) {
        // Channel-only: nothing went out, as before.
        if (!withPersonal) {
          setStep({ step: 'failed', text: sendFailure(error, t, 'send') });
          return;
        }
        channelPart = { error };
      }
    }

    // The personal notifications: one request per plan, whatever the channel's outcome.
    const results: NudgeResult[] = [];
    if (withPersonal && notifier) {
      setStep({ step: 'notifying' });
      for (const nudge of personal) {
        try {
          await notifier.notify({
            activityType: INPUT_REMINDER_ACTIVITY,
            topic: { text: nudge.topic, webUrl: nudge.webUrl },
            previewText: nudge.previewText,
            templateParameters: nudge.templateParameters,
            recipientIds: nudge.recipients.map((p) => userOf(p.upn).id),
          });
          results.push({ nudge, ok: true });
        } catch (error) {
          results.push({ nudge, ok: false, error });
        }
      }
    }
    const outcome = withPersonal ? personalOutcome(results) : null;
    const channelSent = channelPart !== null && 'messageId' in channelPart ? channelPart : null;

    const lines: string[] = [];
    if (withChannel) {
      lines.push(
        channelSent
          ? t.nudge.channelSent(reminder.recipients.length)
          : t.nudge.channelFailed(
              channelFailure(channelPart && 'error' in channelPart ? channelPart.error : null, t),
            ),
      );
    }
    if (outcome && outcome.sent.length > 0) {
      lines.push(t.nudge.personalSent(outcome.sent.map((p) => p.name).join(', ')));
    }
    for (const f of outcome?.failed ?? []) {
      lines.push(t.nudge.personalFailed(f.person.name, personalFailure(f.error, t)));
    }

    const entry = reminderLogEntry({
      at: new Date().toISOString(),
      by: viewer.name,
      channel: channelSent ? { messageId: channelSent.messageId, reminded: mentioned } : null,
      personal: outcome,
    });
    let logFailed = false;
    if (entry) {
      try {
        await periodAdmin?.appendLog(period, entry);
      } catch {
        logFailed = true;
      }
    }
    const allWent = (!withChannel || channelSent !== null) && (outcome?.failed.length ?? 0) === 0;
    const report = [
      ...(withChannel && !withPersonal ? [t.reminders.sent(reminder.recipients.length)] : lines),
      ...(logFailed ? [t.reminders.logFailed] : []),
    ].join(' ');
    if (allWent) {
      setStep({ step: 'idle' });
      setOpen(false);
      onSent(report);
      return;
    }
    if (!entry) {
      // Nothing went out: every part failed.
      setStep({ step: 'failed', text: lines.join(' ') });
      return;
    }
    // Part went out: what did not stays chosen, so that it can be sent again.
    if (withChannel && channelSent && outcome && outcome.failed.length > 0) {
      setDelivery('personal');
    } else if (withPersonal && outcome?.failed.length === 0) {
      setDelivery('channel');
    }
    if (outcome && outcome.failed.length > 0 && (channelSent || !withChannel)) {
      setSelected(new Set(outcome.failed.map((f) => f.person.id)));
    }
    setStep({ step: 'partial', lines, report });
  };

  /** Closing after a partial send reports it (the period log has a new entry). */
  const close = () => {
    const partial = step.step === 'partial' ? step.report : null;
    setOpen(false);
    setStep({ step: 'idle' });
    if (partial !== null) onSent(partial);
  };

  if (!messenger) return null;
  const problem = !channel && sendsChannel(effectiveDelivery) ? t.reminders.noChannel : null;
  const nothingToSend =
    (sendsChannel(effectiveDelivery) && reminder.mentions.length === 0) ||
    (effectiveDelivery === 'personal' && nudges.length === 0);

  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(_, data) => {
          if (busy) return;
          if (!data.open) {
            close();
            return;
          }
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
                  <Field
                    label={t.nudge.delivery}
                    hint={personalAvailable ? t.nudge.deliveryHint : t.nudge.unavailable}
                  >
                    <RadioGroup
                      value={effectiveDelivery}
                      disabled={busy}
                      onChange={(_, data) =>
                        setDelivery(
                          data.value === 'channel' || data.value === 'personal'
                            ? data.value
                            : 'both',
                        )
                      }
                    >
                      <Radio value="channel" label={t.nudge.channel} />
                      <Radio
                        value="personal"
                        label={t.nudge.personal}
                        disabled={!personalAvailable}
                      />
                      <Radio value="both" label={t.nudge.both} disabled={!personalAvailable} />
                    </RadioGroup>
                  </Field>
                  {personalAvailable &&
                    sendsPersonal(effectiveDelivery) &&
                    nudgePlan.ok &&
                    nudgePlan.senderSkipped && <Text>{t.nudge.senderSkipped}</Text>}
                  {personalAvailable &&
                    effectiveDelivery === 'personal' &&
                    reminder.plans.length > 0 &&
                    nudges.length === 0 && <Text>{t.nudge.nobodyPersonal}</Text>}
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
                {step.step === 'notifying' && <Spinner size="tiny" label={t.nudge.notifying} />}
              </StatusLine>
              {step.step === 'partial' && (
                <PlainMessageBar intent="warning" role="alert">
                  <MessageBarBody>
                    <ul className={styles.lines}>
                      {step.lines.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                    <Text>{t.nudge.retryHint}</Text>
                  </MessageBarBody>
                </PlainMessageBar>
              )}
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
                disabledFocusable={busy || problem !== null || nothingToSend}
                onClick={() => void send()}
              >
                {t.reminders.send}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button disabledFocusable={busy}>
                  {step.step === 'partial' ? t.nudge.close : t.reminders.cancel}
                </Button>
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
