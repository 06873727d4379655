/**
 * Text for screen readers only: out of sight but in the accessibility tree (not `display: none`);
 * spread into makeStyles.
 */
export const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
} as const;
