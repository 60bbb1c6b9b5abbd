// axe-core (WCAG 2.0/2.1 A and AA) on the collaboration registry a municipal employee works in:
// the overview (also filtered, sorted, and with a bad filter), a collaboration, the form with
// errors and the inspiration list, logged in as the demo's municipal admin. Every page in Danish;
// the overview in Norwegian and the form in English too (the markup is the same in every language). In its own file
// because run.sh gives each file four minutes, and tests/browser/a11y.test.mjs uses much of its own.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { LANGUAGES, launchBrowser, openPage, seriousViolations } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

// Logged in as the demo's municipal admin, with one collaboration of this run (marked as
// inspiration) made through the form: the session's cookies and the collaboration's page.
let staff;
async function staffSession() {
  if (staff) return staff;
  const { context, page } = await openPage(browser);
  try {
    await page.goto('/login');
    await page.locator('#email').fill('admin@demo.samskab.dk');
    await page.locator('#password').fill('samskab-demo-2026');
    await Promise.all([page.waitForURL('**/account'), page.locator('form[action="/login"] button[type="submit"]').click()]);
    await page.goto('/admin/0190/collaborations/new');
    await page.locator('#title').fill(`Axe-forløb ${RUN}`);
    await page.locator('input[name="unit_ids"]').first().check();
    await page.locator('input[name="involvement_facts"][value="staff_take_part"]').check();
    await page.locator('#inspiration').check();
    await page.locator('#inspiration_note').fill('Til axe-testen.');
    await Promise.all([
      page.waitForURL(/\/admin\/0190\/collaborations\/\d+\?notice=/),
      page.locator('form[action="/admin/0190/collaborations/new"] button[type="submit"]').click(),
    ]);
    staff = { cookies: await context.cookies(), detail: new URL(page.url()).pathname };
    return staff;
  } finally {
    await context.close();
  }
}

const STAFF_PAGES = [
  ['overview', (page) => page.goto('/admin/0190/collaborations'), 200],
  ['overview filtered and sorted', (page) => page.goto(`/admin/0190/collaborations?q=${RUN}&sort=-level`), 200],
  ['overview with a bad filter', (page) => page.goto('/admin/0190/collaborations?level=extreme'), 422],
  ['a collaboration', (page, detail) => page.goto(detail), 200],
  ['the form with errors', async (page) => {
    await page.goto('/admin/0190/collaborations/new');
    await page.locator('#override_level').selectOption('high');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.locator('form[action="/admin/0190/collaborations/new"] button[type="submit"]').click(),
    ]);
    await page.locator('#error-summary').waitFor();
    await page.waitForLoadState('load');
    return response;
  }, 422],
  ['inspiration', (page) => page.goto(`/admin/0190/inspiration?q=${RUN}`), 200],
];

// Beside Danish, one page in each other language: the texts change, the markup does not.
const ALSO_IN = { nb: 'overview', en: 'the form with errors' };

for (const lang of LANGUAGES) {
  for (const [name, open, expectedStatus] of STAFF_PAGES) {
    if (lang !== 'da' && ALSO_IN[lang] !== name) continue;
    test(`no serious or critical axe violations on the collaboration pages: ${name} (${lang})`, async () => {
      const { cookies, detail } = await staffSession();
      const { context, page } = await openPage(browser, { lang });
      try {
        await context.addCookies(cookies.filter((cookie) => cookie.name !== 'lang'));
        const response = await open(page, detail);
        assert.equal(response.status(), expectedStatus, `${name}: HTTP status`);
        assert.equal(await page.locator('html').getAttribute('lang'), lang, `${name}: <html lang>`);
        const violations = await seriousViolations(page);
        assert.deepEqual(violations, [], `${name} (${lang}) has axe violations:\n  ${violations.join('\n  ')}`);
      } finally {
        await context.close();
      }
    });
  }
}
