// The public search of opportunities (/opportunities, issue 5) with and without JavaScript: the
// GET form, results with the matched words as <mark>, paging, the 422 page keeping what was
// typed, and no serious or critical axe violations on any of them (checked with JavaScript). run.sh generates 120
// opportunities into the demo (samskab gen --opportunities 120 --seed 1).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { message, openPage, launchBrowser, seriousViolations } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// axe once per page state, with JavaScript (the markup is the same without; the machine is slow).
async function noViolations(page, what, javaScript) {
  if (!javaScript) return;
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `${what} has axe violations:\n  ${violations.join('\n  ')}`);
}

for (const javaScript of [true, false]) {
  const mode = javaScript ? 'with JavaScript' : 'without JavaScript';

  test(`search, results with marked words and paging (${mode})`, async () => {
    const { context, page } = await openPage(browser, { javaScript });
    try {
      await page.goto('/');
      await page.locator('footer a[href="/opportunities"]').first().click();
      await page.waitForURL('**/opportunities');
      await page.locator('main h1').waitFor();
      await noViolations(page, 'the search page', javaScript);

      await page.locator('#q').fill('frivillige');
      await page.locator('#weekday').selectOption('');
      await page.locator('main form button[type="submit"]').click();
      await page.waitForURL(/\/opportunities\?.*q=frivillige/);
      const status = page.locator('main p[role="status"]');
      await status.waitFor();
      assert.match(await status.innerText(), /^\d+ opgaver fundet$/);
      const marks = page.locator('main .samskab-snippet mark');
      assert.ok((await marks.count()) > 0, 'matched words are marked');
      assert.match((await marks.first().innerText()).toLowerCase(), /^frivillig/);
      const first = page.locator('main .samskab-result a').first();
      assert.match(await first.getAttribute('href'), /^\/opportunities\/\d+$/);
      assert.equal(await page.locator('#q').inputValue(), 'frivillige', 'the form keeps the words');
      await noViolations(page, 'the results', javaScript);

      const next = page.locator('main nav a[rel="next"]');
      if ((await next.count()) > 0) {
        await next.click();
        await page.waitForURL(/page=2/);
        await page.locator('main a[rel="prev"]').waitFor();
        assert.equal(await page.locator('#q').inputValue(), 'frivillige');
      }
    } finally {
      await context.close();
    }
  });

  test(`bad input gives the form again with the problems named (${mode})`, async () => {
    const { context, page } = await openPage(browser, { javaScript });
    try {
      await page.goto('/opportunities');
      await page.locator('#q').fill('"frivillig* NEAR(');
      await page.locator('#near').fill('0000');
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/opportunities' && r.status() === 422),
        page.locator('main form button[type="submit"]').click(),
      ]);
      assert.equal(response.status(), 422);
      await page.locator('#error-summary').waitFor();
      assert.equal(await page.locator('#near').inputValue(), '0000');
      assert.equal(await page.locator('#q').inputValue(), '"frivillig* NEAR(');
      assert.ok((await page.locator('#error-summary').innerText()).includes(message('da', 'validation.postcode_unknown')));
      await noViolations(page, 'the 422 page', javaScript);
    } finally {
      await context.close();
    }
  });
}
