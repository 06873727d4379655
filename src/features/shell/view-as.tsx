import { Dropdown, Field, Option } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { DemoSessionPort, DraftStore } from '../../domain/ports';
import type { Viewer } from '../../domain/rules';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../shared/use-load';

/**
 * Switching user draws the screen anew (nothing of the last user lingers), and the control that
 * had focus goes with it: the new one takes focus back once it can, so focus never falls to the
 * page's body. Kept outside the component, which is gone by then.
 */
let refocusAfterSwitch = false;

/** Local mode: "Visa som" switches the signed-in demo user. */
export function ViewAs({
  demoSession,
  viewer,
  onSwitched,
  hasUnsavedChanges,
  drafts,
}: {
  demoSession: DemoSessionPort;
  viewer: Viewer;
  onSwitched: () => void;
  /** Switching user starts afresh: unsaved text would be dropped, so ask first. */
  hasUnsavedChanges: boolean;
  /** The leaving user's drafts are cleared: nothing of theirs stays on a shared machine. */
  drafts: DraftStore | undefined;
}) {
  const { t } = useI18n();
  const { result } = useLoad('demo-users', () => demoSession.users());
  const [busy, setBusy] = useState(false);
  const users = result.state === 'ready' ? result.data : [];
  const label = (u: { name: string; isCoordinator: boolean }) =>
    u.isCoordinator ? `${u.name} ${t.settings.coordinatorSuffix}` : u.name;
  const current = users.find((u) => u.siteUserId === viewer.id);
  const control = useRef<HTMLButtonElement>(null);
  const ready = users.length > 0;
  useEffect(() => {
    if (!ready || !refocusAfterSwitch) return;
    refocusAfterSwitch = false;
    const active = document.activeElement;
    if (active === null || active === document.body) control.current?.focus();
  }, [ready]);
  return (
    <Field label={t.settings.viewAs}>
      <Dropdown
        ref={control}
        value={current ? label(current) : viewer.name}
        selectedOptions={current ? [current.key] : []}
        disabled={busy || users.length === 0}
        onOptionSelect={(_, data) => {
          const key = data.optionValue;
          if (key === undefined || key === current?.key) return;
          if (hasUnsavedChanges && !window.confirm(t.settings.viewAsUnsaved)) return;
          setBusy(true);
          const signOut = drafts
            ? drafts.clearUser(viewer.id).catch(() => undefined)
            : Promise.resolve();
          signOut
            .then(() => demoSession.signInAs(key))
            .then(
              () => {
                refocusAfterSwitch = true;
                onSwitched();
              },
              () => setBusy(false),
            );
        }}
      >
        {users.map((u) => (
          <Option key={u.key} value={u.key} text={label(u)}>
            {label(u)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
