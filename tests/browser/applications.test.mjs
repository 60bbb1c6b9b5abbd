// Applications (issue 5): the public apply form with and without JavaScript (a bad e-mail address
// refused with its message, the "check your e-mail" page, the link that confirms it), and the
// staff's pipeline page (the certificate column, a move with the poster's confirmation, a
// message), checked with axe where JavaScript runs (axe runs in the page). The opportunity is posted
// through the staff's form first.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, logInAsDemo, message, openPage, render, seriousViolations, sql, watchProblems } from './support.mjs';

let browser;
let opportunity;
const TITLE = 'Lektiecafé for børn (browsertest)';

before(async () => {
  browser = await launchBrowser();
  // The post is made through the staff's form: the sqlite3 shell cannot write opportunities (their
  // full-text index needs samskab's snowball tokenizer); reading them works.
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    await logInAsDemo(page);
    await page.goto('/admin/0190/opportunities/new');
    await page.locator('#title').fill(TITLE);
    await page.locator('#capacity').fill('3');
    await page.locator('#involves_children').check();
    await page.locator('#status').selectOption('open');
    await Promise.all([
      page.waitForURL(/\/admin\/0190\/opportunities(\?|$)/),
      page.locator('main form[action="/admin/0190/opportunities/new"] button[type="submit"]').click(),
    ]);
  } finally {
    await context.close();
  }
  opportunity = Number(sql(`SELECT id FROM opportunities WHERE title = '${TITLE}'`));
  assert.ok(opportunity > 0);
});
after(async () => {
  await browser?.close();
});

async function submit(page, action) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === action),
    page.locator(`main form[action="${action}"] button[type="submit"]`).first().click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'with JavaScript' : 'without JavaScript';
  test(`${mode}: an anonymous volunteer applies, is told to check their e-mail, and the link confirms it`, async () => {
    const { context, page } = await openPage(browser, { javaScript });
    try {
      const watch = javaScript ? await watchProblems(page, { allowStatus: [422] }) : null;
      const action = `/opportunities/${opportunity}/apply`;
      assert.equal((await page.goto(action)).status(), 200);
      assert.equal((await page.locator('main h1').innerText()).trim(), render('da', 'application.apply_heading', { title: TITLE }));
      if (javaScript) assert.deepEqual(await seriousViolations(page), []);
      const email = `ansoeger.${javaScript ? 'js' : 'nojs'}@example.dk`;
      await page.locator('#name').fill('Anna Ansøger');
      await page.locator('#email').fill('ikke-en-adresse');
      const refused = await submit(page, action);
      assert.equal(refused.status(), 422);
      await assert.doesNotReject(page.locator('#error-summary').waitFor());
      assert.match(await page.locator('main').innerText(), new RegExp(message('da', 'validation.email').slice(0, 20)));
      if (javaScript) assert.deepEqual(await seriousViolations(page), []);
      await page.locator('#email').fill(email);
      await page.locator('#motivation').fill('Jeg har været lektiehjælper før.');
      await submit(page, action);
      await page.waitForURL(`**${action}/sent`);
      assert.equal((await page.locator('main h1').innerText()).trim(), message('da', 'application.sent_heading'));
      if (javaScript) assert.deepEqual(await seriousViolations(page), []);
      const body = sql(`SELECT body FROM outbox WHERE recipient = '${email}' ORDER BY id DESC LIMIT 1`);
      const link = body.match(/\/applications\/verify\?token=[0-9a-f]+/);
      assert.ok(link, body);
      assert.equal((await page.goto(link[0])).status(), 200);
      assert.equal((await page.locator('main h1').innerText()).trim(), message('da', 'application.verified_heading'));
      if (javaScript) assert.deepEqual(await seriousViolations(page), []);
      if (watch) {
        assert.deepEqual(watch.problems, []);
        assert.deepEqual(await watch.cspViolations(), []);
      }
    } finally {
      await context.close();
    }
  });
}

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'with JavaScript' : 'without JavaScript';
  test(`${mode}: the poster's pipeline shows the certificate, agrees with confirmation and sends a message`, async () => {
    const { context, page } = await openPage(browser, { javaScript });
    try {
      // An application of this run's own, confirmed, so each mode moves its own.
      const email = `pipeline.${javaScript ? 'js' : 'nojs'}@example.dk`;
      const name = `Pia Pipeline ${javaScript ? 'JS' : 'uden JS'}`;
      const id = Number(sql(
        "INSERT INTO applications (opportunity_id, email, name, state, created_at, updated_at) VALUES " +
        `(${opportunity}, '${email}', '${name}', 'new', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z') RETURNING id`));
      await logInAsDemo(page, 'admin@demo.samskab.dk');
      const pipeline = `/admin/0190/opportunities/${opportunity}/applications`;
      assert.equal((await page.goto(pipeline)).status(), 200);
      const row = page.locator(`#application-${id}`);
      assert.match(await row.innerText(), new RegExp(message('da', 'application.certificate.no_profile')));
      if (javaScript) assert.deepEqual(await seriousViolations(page), []);
      // Agree, confirming the certificate was seen.
      const state = `/admin/0190/applications/${id}/state`;
      const [moved] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === state),
        row.locator(`form[action="${state}"] button`, { hasText: message('da', 'application.agree_confirmed') }).click(),
      ]);
      assert.ok([200, 303].includes(moved.status()));
      await page.waitForLoadState('load');
      assert.match(await page.locator('main').innerText(), new RegExp(message('da', 'application.notice_state')));
      assert.match(await page.locator(`#application-${id}`).innerText(), new RegExp(message('da', 'application.certificate.confirmed')));
      // A message in the thread.
      await page.locator(`#application-${id} summary`).click();
      await page.locator(`#message_${id}`).fill('Velkommen! Vi ses tirsdag.');
      const messages = `/admin/0190/applications/${id}/messages`;
      await submit(page, messages);
      await page.locator(`#application-${id} summary`).click();
      assert.match(await page.locator(`#application-${id}`).innerText(), /Velkommen! Vi ses tirsdag\./);
      if (javaScript) assert.deepEqual(await seriousViolations(page), []);
      assert.equal(sql(`SELECT state FROM applications WHERE id = ${id}`), 'agreed');
    } finally {
      await context.close();
    }
  });
}
