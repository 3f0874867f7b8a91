// temporary helper (helper session h8803): screenshots pages; deleted before handing back
import { chromium } from 'playwright-core';
const [user, ...urls] = process.argv.slice(2);
const ctx = await chromium.launchPersistentContext('/tmp/ronghe-h8803/profile-' + Date.now(), { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu'], baseURL: 'http://127.0.0.1:8803', locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
const page = ctx.pages()[0];
const errors = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
page.on('pageerror', (e) => errors.push(String(e)));
page.on('requestfailed', (r) => errors.push('FAILED ' + r.url()));
page.on('response', (r) => { if (r.status() >= 400 || process.env.NET) errors.push(r.status() + ' ' + r.url()); });
await page.goto('/login');
await page.getByLabel('用户名').fill(user);
await page.getByLabel('密码').fill('Ronghe@2026');
await page.getByRole('button', { name: '登录' }).click();
await page.getByText('党组织列表').waitFor();
let i = 0;
for (const u of urls) {
  await page.goto(u);
  await page.waitForTimeout(Number(process.env.WAIT ?? 6000));
  if (process.env.DUMP) console.log((await page.locator('main, .ant-layout-content').first().innerText()).slice(0, 1500));
  await page.screenshot({ path: `/tmp/ronghe-h8803/shot-${i++}.png`, fullPage: true });
}
console.log(errors.join('\n'));
await ctx.close();
