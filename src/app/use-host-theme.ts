import { useEffect, useState } from 'react';
import type { HostContext, HostPort } from '../domain/ports';

type Theme = NonNullable<HostContext['theme']>;

/** The host's theme, following its changes live; undefined standalone. */
export function useHostTheme(host: HostPort | undefined): Theme | undefined {
  const [theme, setTheme] = useState<Theme | undefined>(host?.context.theme);
  useEffect(() => host?.onThemeChange(setTheme), [host]);
  return theme;
}
