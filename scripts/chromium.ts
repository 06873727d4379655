/**
 * Debian's Chromium as the browser tests and the benches start it: without its background
 * networking, whose connections this machine's closed network refuses (the env skill's
 * machine notes), and headless-friendly.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
