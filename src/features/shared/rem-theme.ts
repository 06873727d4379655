import type { FontSizeTokens, LineHeightTokens, Theme } from '@fluentui/react-components';

/** Every Fluent token that sizes text: the font sizes and their line heights. */
export const TEXT_SIZE_TOKENS = [
  'fontSizeBase100',
  'fontSizeBase200',
  'fontSizeBase300',
  'fontSizeBase400',
  'fontSizeBase500',
  'fontSizeBase600',
  'fontSizeHero700',
  'fontSizeHero800',
  'fontSizeHero900',
  'fontSizeHero1000',
  'lineHeightBase100',
  'lineHeightBase200',
  'lineHeightBase300',
  'lineHeightBase400',
  'lineHeightBase500',
  'lineHeightBase600',
  'lineHeightHero700',
  'lineHeightHero800',
  'lineHeightHero900',
  'lineHeightHero1000',
] as const satisfies ReadonlyArray<keyof FontSizeTokens | keyof LineHeightTokens>;

/** The browser's default font size that Fluent's px values are drawn for. */
const DEFAULT_FONT_SIZE_PX = 16;

/** `14px` → `0.875rem`; anything that is not a px length stays as it is. */
export function pxToRem(value: string): string {
  const match = /^(-?\d+(?:\.\d+)?)px$/.exec(value.trim());
  if (!match) return value;
  return `${Number(match[1]) / DEFAULT_FONT_SIZE_PX}rem`;
}

/**
 * The theme with its text sizes in rem instead of px, so that text follows the font size the
 * user has chosen in the browser (Fluent's tokens are px, which ignore it; only zoom scaled
 * them). At the browser's default of 16 px every size is what Fluent draws; nothing else
 * (colours, spacing, radii) changes.
 */
export function withRemTextSizes(theme: Theme): Theme {
  const scaled: Theme = { ...theme };
  for (const token of TEXT_SIZE_TOKENS) scaled[token] = pxToRem(theme[token]);
  return scaled;
}
