// The model matrix and the advisor in a real browser: the advisor answered and saved as an idea
// without JavaScript, the matrix with its points linking to the collaborations, and axe on the
// matrix, its printable page and the advisor's answer.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, message, openPage, seriousViolations, logInAsDemo } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const ADVISOR_ANSWER = '/admin/0190/advisor?ask=1&kind=community&fact=staff_take_part&fact=coordination';

let cookies;  // the first test's session

test('the advisor places a planned collaboration and saves it as an idea, without JavaScript', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    await logInAsDemo(page);
    await page.goto('/admin/0190/advisor');
    await page.locator('#kind-community').check();
    await page.locator('#fact-staff_take_part').check();
    await page.locator('#fact-coordination').check();
    await Promise.all([
      page.waitForURL(/\/admin\/0190\/advisor\?ask=1/),
      page.getByRole('button', { name: message('da', 'advisor.ask_submit') }).click(),
    ]);
    // Communities with high involvement: the second quadrant, with its guidance.
    const result = await page.locator('section[aria-labelledby="advisor-result"]').innerText();
    assert.match(result, new RegExp(message('da', 'collaboration.quadrant.q2.title')));
    assert.equal(await page.locator('section[aria-labelledby="advisor-result"] a[href="/model/quadrants/2"]').count(), 1);

    await page.locator('#title').fill(`Idé fra rådgiveren ${RUN}`);
    await page.locator('#unit_id').selectOption({ index: 1 });
    await Promise.all([
      page.waitForURL(/\/admin\/0190\/collaborations\/\d+\?notice=collaboration_created/),
      page.locator('form[action="/admin/0190/advisor/save"] button[type="submit"]').click(),
    ]);
    assert.equal(await page.locator('h1').innerText(), `Idé fra rådgiveren ${RUN}`);
    assert.match(await page.locator('.samskab-facts').innerText(), new RegExp(message('da', 'collaboration.status.idea')));
    cookies = await context.cookies();
  } finally {
    await context.close();
  }
});

test('the matrix draws each collaboration with partners as a link to its page, also filtered', async () => {
  assert.ok(cookies, 'the first test logged in');
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    await context.addCookies(cookies);
    await page.goto('/admin/0190/matrix');
    const points = page.locator('svg.samskab-matrix g.matrix-points a');
    const all = await points.count();
    assert.ok(all >= 10, `the demo's collaborations with partners: ${all}`);
    assert.match(await points.first().getAttribute('href'), /^\/admin\/0190\/collaborations\/\d+$/);
    // The overview's filters: only the first quadrant, fewer than all. (A collaboration without
    // partners, like the idea saved above, is counted under the matrix but not drawn.)
    await page.goto('/admin/0190/matrix?quadrant=1');
    const first = await points.count();
    assert.ok(first >= 1 && first < all, `quadrant 1: ${first} of ${all}`);
  } finally {
    await context.close();
  }
});

for (const [name, path] of [
  ['the matrix', '/admin/0190/matrix'],
  ['the printable matrix', '/admin/0190/matrix/print'],
  ['the advisor with its answer', ADVISOR_ANSWER],
]) {
  test(`no serious or critical axe violations: ${name}`, async () => {
    assert.ok(cookies, 'the first test logged in');
    const { context, page } = await openPage(browser);
    try {
      await context.addCookies(cookies);
      const response = await page.goto(path);
      assert.equal(response.status(), 200);
      assert.deepEqual(await seriousViolations(page), [], `${name} has axe violations`);
    } finally {
      await context.close();
    }
  });
}
