// Starts one headless Chromium for the whole suite (run.sh does this) and prints its WebSocket
// endpoint; each test file connects to it instead of launching its own, which saves seconds
// per file. Stops Chromium on SIGTERM, SIGINT or SIGHUP.
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
process.stdout.write(`${server.wsEndpoint()}\n`);

let closing = false;
async function stop() {
  if (closing) return;
  closing = true;
  await server.close().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('SIGHUP', stop);
setInterval(() => {}, 1 << 30);  // stay alive until signalled
