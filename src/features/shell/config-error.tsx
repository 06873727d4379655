import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Link,
  teamsLightTheme,
} from '@fluentui/react-components';
import { sv } from '../../i18n/sv';
import { statementPageUrl } from '../accessibility/statement-pages';
import { withRemTextSizes } from '../shared/rem-theme';

const THEME = withRemTextSizes(teamsLightTheme);

/** Shown instead of the app when the configuration is wrong: what to fix, in Swedish. */
export function ConfigError({ problems }: { problems: readonly string[] }) {
  return (
    <FluentProvider theme={THEME}>
      <main style={{ padding: '2rem', maxWidth: '50rem' }}>
        <h1>Planuppföljning kan inte starta</h1>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Konfigurationen är ofullständig.</MessageBarTitle>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
            Se docs/it-admin.md. Utan några värden alls körs appen mot den lokala
            SharePoint-webbplatsen.
          </MessageBarBody>
        </MessageBar>
        {/* The statement must be reachable from every screen, this one too: its public page
            needs no configuration. */}
        <footer style={{ marginTop: '2rem' }}>
          <Link href={statementPageUrl('sv')}>{sv.accessibility.link}</Link>
        </footer>
      </main>
    </FluentProvider>
  );
}
