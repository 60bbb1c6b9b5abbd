// A partnership agreement added from a collaboration's page without JavaScript, and the
// responsible person's task list ("Mine opgaver") showing it before its review date; axe on the
// agreement's form with errors and on the task list.
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

let made;  // the first test's session cookies and collaboration page

function daysFromToday(days) {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

test('an agreement added without JavaScript shows on the collaboration and in the task list', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    await logInAsDemo(page);

    await page.goto('/admin/0190/collaborations/new');
    await page.locator('#title').fill(`Aftaleforløb ${RUN}`);
    await page.locator('input[name="unit_ids"]').first().check();
    await Promise.all([
      page.waitForURL(/\/admin\/0190\/collaborations\/\d+\?notice=/),
      page.locator('form[action="/admin/0190/collaborations/new"] button[type="submit"]').click(),
    ]);
    const detail = new URL(page.url()).pathname;

    await page.getByRole('link', { name: message('da', 'agreements.new') }).click();
    await page.waitForURL(`**${detail}/agreements/new`);
    await page.locator('#municipality_obligations').fill('Lokaler hver tirsdag.');
    await page.locator('#partner_obligations').fill(`Fire frivillige ${RUN}.`);
    await page.locator('#status').selectOption('signed');
    await page.locator('#signed_on').fill(daysFromToday(-300));
    const review = daysFromToday(12);
    await page.locator('#review_on').fill(review);
    // The person recording it is proposed as responsible: the demo's admin.
    assert.notEqual(await page.locator('#responsible_user_id').inputValue(), '');
    await Promise.all([
      page.waitForURL(/\?notice=agreement_created/),
      page.locator(`form[action="${detail}/agreements/new"] button[type="submit"]`).click(),
    ]);
    assert.match(await page.locator('.alert-success').innerText(), new RegExp(message('da', 'notice.agreement_created')));
    const section = page.locator('#agreements ~ dl').first();
    assert.match(await section.innerText(), new RegExp(`Fire frivillige ${RUN}`));
    assert.match(await section.innerText(), new RegExp(review));

    await page.goto('/admin');
    await page.getByRole('link', { name: message('da', 'admin.tasks_link') }).click();
    await page.waitForURL('**/admin/tasks');
    const row = page.locator('#tasks tr', { hasText: `Aftaleforløb ${RUN}` });
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), new RegExp(review));
    made = { cookies: await context.cookies(), detail };
  } finally {
    await context.close();
  }
});

test('no serious or critical axe violations on the task list and on the agreement form with errors', async () => {
  assert.ok(made, 'the first test made the agreement');
  const { detail } = made;
  const { context, page } = await openPage(browser);
  try {
    await context.addCookies(made.cookies);
    await page.goto('/admin/tasks');
    assert.deepEqual(await seriousViolations(page), [], 'axe on the task list');

    // The form with problems: signed without a signing date, a review date without anyone responsible.
    await page.goto(`${detail}/agreements/new`);
    await page.locator('#status').selectOption('signed');
    await page.locator('#responsible_user_id').selectOption('');
    await page.locator('#review_on').fill('2020-01-01');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.locator(`form[action="${detail}/agreements/new"] button[type="submit"]`).click(),
    ]);
    const summary = await page.locator('#error-summary').innerText();
    assert.match(summary, new RegExp(message('da', 'agreement.error.signed_on_required')));
    assert.match(summary, new RegExp(message('da', 'agreement.error.responsible_required')));
    await page.waitForLoadState('load');
    assert.deepEqual(await seriousViolations(page), [], 'axe on the form with errors');
  } finally {
    await context.close();
  }
});
