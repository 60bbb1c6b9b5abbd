// The contact form, without JavaScript (a plain form post) and with it (htmx hx-boost):
// errors in the dkfds error summary and at the fields, status 422, the visitor's text kept,
// and Post/Redirect/Get to the receipt.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, message, openPage, submitContact, watchProblems } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const REQUIRED = message('da', 'validation.required');

// The error summary: role=alert, its heading, and one link per problem to a field that exists.
async function assertErrorSummary(page, expected) {
  const summary = page.locator('#error-summary');
  await summary.waitFor();
  assert.equal(await summary.getAttribute('role'), 'alert');
  assert.equal((await summary.locator('.alert-heading').innerText()).trim(), message('da', 'form.error_summary'));
  const links = await summary.locator('a').evaluateAll((as) =>
    as.map((a) => {
      const id = a.getAttribute('href').replace(/^#/, '');
      const target = document.getElementById(id);
      return { id, text: a.textContent.trim(), target: target ? target.tagName.toLowerCase() : null };
    }));
  // Each link names its field ("Din e-mailadresse: …"), so it makes sense read on its own.
  const labelled = expected.map(([id, text]) => [id, `${message('da', `contact.${id}`)}: ${text}`]);
  assert.deepEqual(links.map(({ id, text }) => [id, text]), labelled, 'summary links: field label and message');
  for (const link of links) assert.ok(['input', 'select', 'textarea'].includes(link.target), `#${link.id} is a field`);
}

// The field-level error: .form-group.form-error, the message, aria-invalid and aria-describedby.
async function assertFieldErrors(page, expected) {
  const groups = page.locator('form .form-group.form-error');
  assert.equal(await groups.count(), Object.keys(expected).length, 'number of fields marked as wrong');
  for (const [field, text] of Object.entries(expected)) {
    const group = page.locator('form .form-group.form-error', { has: page.locator(`#${field}`) });
    assert.equal(await group.count(), 1, `${field} marked as wrong`);
    const errorMessage = group.locator('.form-error-message');
    assert.ok((await errorMessage.innerText()).includes(text), `${field}: ${text}`);
    assert.ok(await errorMessage.isVisible(), `${field}: message visible`);
    const input = page.locator(`#${field}`);
    assert.equal(await input.getAttribute('aria-invalid'), 'true', `${field}: aria-invalid`);
    const describedBy = (await input.getAttribute('aria-describedby')).split(/\s+/);
    assert.ok(describedBy.includes(await errorMessage.getAttribute('id')), `${field}: described by its error`);
  }
}

test('without JavaScript: an empty submission shows the error summary and field errors (422)', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    await page.goto('/contact');
    const response = await submitContact(page);
    assert.equal(response.status(), 422);
    await assertErrorSummary(page, [['name', REQUIRED], ['email', REQUIRED], ['message', REQUIRED]]);
    await assertFieldErrors(page, { name: REQUIRED, email: REQUIRED, message: REQUIRED });
    assert.match(await page.title(), new RegExp(`^${message('da', 'form.error_prefix')}`), 'title says there are errors');
    // A summary link takes the visitor to the field.
    await page.locator('#error-summary a[href="#email"]').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'email');
  } finally {
    await context.close();
  }
});

test('without JavaScript: what the visitor typed is kept, and a valid form redirects to the receipt', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    await page.goto('/contact');
    const name = 'Åse Ærø-Østergård';
    const text = 'Vi er en lille forening i Værløse.\nKan vi hjælpe med lektiecafé om torsdagen? 50 % af os er studerende & "frivillige".';
    await page.locator('#name').fill(name);
    await page.locator('#email').fill('aase(at)example.dk');
    await page.locator('#topic').selectOption('idea');
    await page.locator('#message').fill(text);
    let response = await submitContact(page);
    assert.equal(response.status(), 422);
    await assertErrorSummary(page, [['email', message('da', 'validation.email')]]);
    await assertFieldErrors(page, { email: message('da', 'validation.email') });
    assert.equal(await page.locator('#name').inputValue(), name);
    assert.equal(await page.locator('#email').inputValue(), 'aase(at)example.dk');
    assert.equal(await page.locator('#topic').inputValue(), 'idea');
    assert.equal(await page.locator('#message').inputValue(), text);

    await page.locator('#email').fill('aase@example.dk');
    response = await submitContact(page);
    assert.equal(response.status(), 303, 'Post/Redirect/Get');
    await page.waitForURL('**/contact/sent');
    assert.equal((await page.locator('main h1').innerText()).trim(), message('da', 'contact.sent_heading'));
    const receipt = page.locator('main .alert-success');
    assert.equal(await receipt.getAttribute('role'), 'status');
    assert.equal((await receipt.innerText()).trim(), message('da', 'contact.sent_text'));
    // Reloading the receipt does not post again.
    const reload = await page.reload();
    assert.equal(reload.request().method(), 'GET');
    assert.equal(reload.status(), 200);
  } finally {
    await context.close();
  }
});

test('with JavaScript (htmx boost): errors replace the page in place, focus the summary, then the receipt', async () => {
  const { context, page } = await openPage(browser);
  try {
    const watch = await watchProblems(page, { allowStatus: [422] });
    await page.goto('/contact');
    await page.evaluate(() => { window.__samePage = true; });
    await page.locator('#name').fill('Bo Bøgh');
    const response = await submitContact(page);
    assert.equal(response.status(), 422);
    assert.equal(response.request().headers()['hx-request'], 'true', 'the form was sent by htmx');
    await assertErrorSummary(page, [['email', REQUIRED], ['message', REQUIRED]]);
    await assertFieldErrors(page, { email: REQUIRED, message: REQUIRED });
    assert.equal(await page.evaluate(() => window.__samePage), true, 'no full page load');
    assert.equal(await page.locator('#name').inputValue(), 'Bo Bøgh');
    await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
    await page.waitForFunction((prefix) => document.title.startsWith(prefix), message('da', 'form.error_prefix'));
    // The summary link focuses the field (dkfds's error summary script).
    await page.locator('#error-summary a[href="#message"]').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'message');

    await page.locator('#email').fill('bo@example.dk');
    await page.locator('#message').fill('Hej fra en forening.');
    const sent = await submitContact(page);
    assert.equal(sent.status(), 303);
    await page.waitForURL('**/contact/sent');
    await page.locator('main h1').waitFor();
    assert.equal((await page.locator('main h1').innerText()).trim(), message('da', 'contact.sent_heading'));
    assert.equal(await page.evaluate(() => window.__samePage), true, 'still no full page load');
    assert.equal(await page.evaluate(() => document.activeElement === document.querySelector('main h1')), true,
      'focus moved to the new heading');
    assert.deepEqual(await watch.cspViolations(), []);
    assert.deepEqual(watch.problems, []);
  } finally {
    await context.close();
  }
});
