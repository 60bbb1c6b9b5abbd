// How the browser tests start Chromium: Debian's /usr/bin/chromium, headless, with no network
// chatter of its own (`npx playwright install` cannot work offline, so no bundled browser).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
