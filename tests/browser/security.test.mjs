// Forms are protected against cross-site request forgery, and what visitors type comes back
// as text, never as markup or script.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE_URL, launchBrowser, message, openPage, submitContact, watchProblems } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const CSRF_MESSAGE = message('da', 'validation.csrf');
const FIELDS = { name: 'Mette Madsen', email: 'mette@example.dk', topic: 'question', message: 'Hvornår mødes I?' };

test('a form post without the CSRF token gets 403 and says why', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto('/contact');  // the visitor has a CSRF cookie; the post lacks the token
    const response = await page.request.post('/contact', { form: FIELDS, maxRedirects: 0 });
    assert.equal(response.status(), 403);
    assert.match(response.headers()['content-type'], /^text\/html/);
    const html = await response.text();
    assert.ok(html.includes(CSRF_MESSAGE), 'the page explains the refusal');
    assert.ok(html.includes('id="error-summary"'), 'in the error summary');
    assert.ok(html.includes(`value="${FIELDS.name}"`), 'the visitor’s text comes back');

    // A wrong token is refused just the same.
    const forged = await page.request.post('/contact', { form: { ...FIELDS, csrf_token: 'a'.repeat(64) }, maxRedirects: 0 });
    assert.equal(forged.status(), 403);
  } finally {
    await context.close();
  }
});

test('a cross-site form post is refused with 403, and the visitor can send the form again', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    await page.goto('/contact');  // the visitor has been on the site: a CSRF cookie exists
    // Another site with a form aimed at ours (served by the test, never from the network).
    const attacker = 'http://attacker.invalid/';
    await page.route(attacker, (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!DOCTYPE html><html lang="en"><title>Win a prize</title>
        <form method="post" action="${BASE_URL}/contact">
          <input type="hidden" name="csrf_token" value="${'0'.repeat(64)}">
          <input type="hidden" name="name" value="${FIELDS.name}">
          <input type="hidden" name="email" value="${FIELDS.email}">
          <input type="hidden" name="topic" value="${FIELDS.topic}">
          <input type="hidden" name="message" value="${FIELDS.message}">
          <button type="submit">Claim</button>
        </form></html>`,
    }));
    await page.goto(attacker);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === `${BASE_URL}/contact`),
      page.getByRole('button', { name: 'Claim' }).click(),
    ]);
    assert.equal(response.status(), 403);
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    assert.equal(await summary.getAttribute('role'), 'alert');
    // A problem with the whole form is plain text in the summary, not a link to a field.
    assert.equal(await summary.locator('a').count(), 0);
    assert.ok((await summary.innerText()).includes(CSRF_MESSAGE));
    assert.equal(await page.locator('#name').inputValue(), FIELDS.name);
    assert.equal(await page.locator('#message').inputValue(), FIELDS.message);

    // The returned form carries a fresh token: sent from our own page, it goes through.
    const resent = await submitContact(page);
    assert.equal(resent.status(), 303);
    await page.waitForURL('**/contact/sent');
  } finally {
    await context.close();
  }
});

test('HTML and script typed into the form come back as literal text', async () => {
  const { context, page } = await openPage(browser);
  try {
    const watch = await watchProblems(page, { allowStatus: [422] });
    const name = '<script>window.__x=1</script>';
    const email = '"><img src=x onerror="window.__y=1">';
    const text = '</textarea><script>window.__x=2</script><b onmouseover="window.__y=2">fed</b> & &amp; {{NAME}} [[nav.start]]';
    await page.goto('/contact');
    await page.locator('#name').fill(name);
    await page.locator('#email').fill(email);
    await page.locator('#message').fill(text);
    const response = await submitContact(page);
    assert.equal(response.status(), 422, 'the e-mail address is invalid, so the form comes back');
    await page.locator('#error-summary').waitFor();

    const state = await page.evaluate(() => ({
      x: window.__x,
      y: window.__y,
      scriptsInBody: document.body.querySelectorAll('script').length,
      images: document.querySelectorAll('main img').length,
      bold: document.querySelectorAll('main b').length,
    }));
    assert.deepEqual(state, { x: undefined, y: undefined, scriptsInBody: 0, images: 0, bold: 0 });
    assert.equal(await page.locator('#name').inputValue(), name);
    assert.equal(await page.locator('#email').inputValue(), email);
    assert.equal(await page.locator('#message').inputValue(), text);
    // The message is on screen, character for character.
    assert.ok(await page.locator('#message').isVisible());
    assert.deepEqual(await watch.cspViolations(), [], 'no inline script was even attempted');
    assert.deepEqual(watch.problems, []);

    // The markup as sent: escaped, never raw.
    const html = await response.text();
    assert.ok(html.includes('value="&lt;script&gt;window.__x=1&lt;/script&gt;"'), 'name escaped in the attribute');
    assert.ok(!html.includes('<script>window.__x'), 'no raw script');
    assert.ok(!html.includes('<img src=x'), 'no raw img');
    assert.ok(html.includes('&lt;/textarea&gt;&lt;script&gt;'), 'message escaped in the textarea');
  } finally {
    await context.close();
  }
});
