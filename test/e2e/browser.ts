import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { BASE_URL } from './env.ts';

// Debian's Chromium, driven by playwright-core: no browser download, and the
// same binary a developer can install on any Debian/Ubuntu box.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launch(): Promise<Session> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it once with: apt-get update && apt-get install -y chromium`);
  }
  // A fresh profile per session: no cookies, storage or cache leak between tests.
  const profile = mkdtempSync(join(tmpdir(), 'ronghe-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  // How long a step may wait for the page (a click's target, a URL, a text). 15 s was set on a
  // machine of this kind that ran the suite in 19 minutes; another ran it in 33, its browser
  // about twice as slow, and under two browser lanes a city administrator's landing and a
  // navigation after choosing an alliance then passed 15 s (docs/adr/0033). Only a failing wait
  // lasts this long.
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
