import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run with apt-get; a browser is never downloaded). */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, and quiet: no sandbox (CI runs as root), no GPU, no background requests of the browser's own. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Debian's Chromium for a browser test, with `env` for the browser when given (fontconfig, say). */
export function launchChromium(env?: NodeJS.ProcessEnv): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium (as .ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS],
    ...(env === undefined ? {} : { env }),
  });
}
