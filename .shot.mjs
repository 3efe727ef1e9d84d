import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:47913';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const [, , ...targets] = process.argv;
for (const t of targets) {
  const [path, file, login] = t.split('|');
  if (login) {
    await page.goto(`${base}/login?next=${encodeURIComponent(path)}`);
    await page.getByLabel('Email address').fill(login);
    await page.getByLabel('Password', { exact: true }).fill('demo-password-2026');
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.getByRole('button', { name: 'Sign in' }).click()]);
  }
  await page.goto(`${base}${path}`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(path, await page.title());
}
await browser.close();
