import { tokens } from '@fluentui/react-components';

/** The surface every panel of the app sits on (a card on the page colour); spread into makeStyles. */
export const PANEL_SURFACE = {
  padding: tokens.spacingHorizontalL,
  backgroundColor: tokens.colorNeutralBackground1,
  borderRadius: tokens.borderRadiusLarge,
  boxShadow: tokens.shadow4,
} as const;
