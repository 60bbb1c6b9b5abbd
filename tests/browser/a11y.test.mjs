// axe-core (WCAG 2.0/2.1 A and AA): no serious or critical violations on the pages a visitor
// meets, in each language, including the contact form showing errors and the 404 page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { LANGUAGES, launchBrowser, openPage, seriousViolations, submitContact } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// Each step brings the page into a state and says which HTTP status that state has; the receipt
// is checked in Danish only (its markup does not change with the language).
const PAGES = [
  ['start page', async (page) => (await page.goto('/')).status(), 200],
  ['contact page', async (page) => (await page.goto('/contact')).status(), 200],
  ['quadrant guidance (third quadrant)', async (page) => (await page.goto('/model/quadrants/3')).status(), 200],
  [
    'contact page after a submission with errors',
    async (page) => {
      await page.goto('/contact');
      await page.locator('#email').fill('not an e-mail address');
      const response = await submitContact(page);
      await page.locator('#error-summary').waitFor();
      await page.waitForLoadState('load');
      return response.status();
    },
    422,
  ],
  [
    'receipt after a valid submission',
    async (page) => {
      await page.goto('/contact');
      await page.locator('#name').fill('Test Testesen');
      await page.locator('#email').fill('test@example.org');
      await page.locator('#message').fill('Axe-test af kvitteringssiden.');
      await submitContact(page);
      await page.waitForURL('**/contact/sent');
      await page.locator('main h1').waitFor();
      return 200;
    },
    200,
    'da',
  ],
  ['404 page', async (page) => (await page.goto('/findes-ikke')).status(), 404],
];

for (const lang of LANGUAGES) {
  test(`no serious or critical axe violations (${lang})`, async (t) => {
    const { context, page } = await openPage(browser, { lang });
    try {
      for (const [name, open, expectedStatus, onlyIn] of PAGES) {
        if (onlyIn && onlyIn !== lang) continue;
        await t.test(name, async () => {
          const status = await open(page);
          assert.equal(status, expectedStatus, `${name}: HTTP status`);
          assert.equal(await page.locator('html').getAttribute('lang'), lang, `${name}: <html lang>`);
          const violations = await seriousViolations(page);
          assert.deepEqual(violations, [], `${name} (${lang}) has axe violations:\n  ${violations.join('\n  ')}`);
        });
      }
    } finally {
      await context.close();
    }
  });
}
