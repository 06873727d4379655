import { MessageBar, type MessageBarProps } from '@fluentui/react-components';

/**
 * A message bar without a `MessageBarTitle`. Fluent labels every bar with
 * `aria-labelledby` = its title's id, which points at nothing when there is no title (an
 * invalid reference, WCAG 4.1.2): here the bar is not labelled by a title; its role (alert or
 * group) and its text say what it is.
 */
export function PlainMessageBar(props: MessageBarProps) {
  return <MessageBar {...props} aria-labelledby={undefined} />;
}
