// What the browser tests and the browser benchmark need from Debian: its Chromium (never a browser
// download) and a Chinese font beside it (WenQuanYi Micro Hei, 1.6 MB). Without the font, pages lay
// out in fallback boxes, not the glyphs a user sees: the widths the stories check at 390 px, the
// saved screenshots and the benchmark's layout time would all be of another page (a first layout of
// 工作台 took ~130 ms without the font, ~45 ms with it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

/** The Debian packages missing for Chromium at `chromium` and the Chinese font. */
export function missingBrowserPackages(chromium = '/usr/bin/chromium'): string[] {
  return [!existsSync(chromium) && 'chromium', !existsSync(CJK_FONT) && 'fonts-wqy-microhei'].filter((p): p is string => Boolean(p));
}

/**
 * Installs what is missing when this process may (root, apt). Returns what is still missing: the
 * caller says what to install by hand, or fails.
 */
export function installBrowserPackages(chromium = '/usr/bin/chromium'): string[] {
  const missing = missingBrowserPackages(chromium);
  if (!missing.length || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return missing;
  console.log(`安装浏览器测试所需的 Debian 软件包：${missing.join('、')} …`);
  spawnSync('bash', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')} >/dev/null`], { stdio: 'inherit' });
  return missingBrowserPackages(chromium);
}
