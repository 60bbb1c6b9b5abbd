// An organisation's opportunities and its pipeline (decisions/0017-orgposts.md), as the demo
// organisation's admin: the account page's link, the list with the demo's organisation post and
// the demo volunteer's application in its pipeline, a post made through the form (a bad capacity
// refused with its message first) with children taking part, and its pipeline: the certificate
// column, an agreement with the poster's confirmation, a message. With and without JavaScript;
// axe where JavaScript runs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, logInAsDemo, message, openPage, render, seriousViolations, sql, watchProblems } from './support.mjs';

let browser;
const LIST = '/account/organisations/1/opportunities';

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function submit(page, action, buttonText) {
  const form = page.locator(`main form[action="${action}"]`);
  const button = buttonText ? form.locator('button', { hasText: buttonText }) : form.locator('button[type="submit"]');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === action),
    button.first().click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'with JavaScript' : 'without JavaScript';
  test(`${mode}: the organisation's admin posts an opportunity and works its pipeline`, async () => {
    const { context, page } = await openPage(browser, { javaScript });
    try {
      const watch = javaScript ? await watchProblems(page, { allowStatus: [422] }) : null;
      const axe = async () => {
        if (javaScript) assert.deepEqual(await seriousViolations(page), []);
      };
      await logInAsDemo(page, 'forening@demo.samskab.dk');
      // The account page leads to the organisation's posts.
      await Promise.all([page.waitForURL(`**${LIST}`), page.locator(`main a[href="${LIST}"]`).click()]);
      assert.equal((await page.locator('main h1').innerText()).trim(),
        render('da', 'orgposts.heading', { organisation: 'Frivilligcenter Demo' }));
      assert.match(await page.locator('main').innerText(), /Sprogcafé for nye borgere/);
      await axe();
      // The demo's organisation post has the demo volunteer's application.
      const demoPost = Number(sql(
        "SELECT id FROM opportunities WHERE organisation_id = 1 AND title = 'Sprogcafé for nye borgere'"));
      assert.equal((await page.goto(`${LIST}/${demoPost}/applications`)).status(), 200);
      assert.match(await page.locator('main').innerText(), /Ali Rahimi/);
      await axe();

      // A new post: a bad capacity first, then a good one with children taking part.
      const title = `Spejderhjælper (${javaScript ? 'JS' : 'uden JS'})`;
      assert.equal((await page.goto(`${LIST}/new`)).status(), 200);
      await axe();
      await page.locator('#municipality_code').selectOption('0190');
      await page.locator('#title').fill(title);
      await page.locator('#capacity').fill('mange');
      await page.locator('#involves_children').check();
      await page.locator('#status').selectOption('open');
      const refused = await submit(page, `${LIST}/new`);
      assert.equal(refused.status(), 422);
      await assert.doesNotReject(page.locator('#error-summary').waitFor());
      assert.match(await page.locator('main').innerText(), new RegExp(message('da', 'opportunity.error.capacity').slice(0, 20)));
      await axe();
      await page.locator('#capacity').fill('3');
      await submit(page, `${LIST}/new`);
      await page.waitForURL(`**${LIST}?notice=*`);
      assert.match(await page.locator('main').innerText(), new RegExp(title.replace(/[()]/g, '\\$&')));
      const id = Number(sql(`SELECT id FROM opportunities WHERE title = '${title}'`));
      assert.ok(id > 0);
      assert.equal(sql(`SELECT organisation_kind FROM opportunities WHERE id = ${id}`), 'humanitarian_association');

      // Its pipeline with an application (written straight into the table: applying is tested elsewhere).
      const name = `Pia Pipeline ${javaScript ? 'JS' : 'uden JS'}`;
      const applicationId = Number(sql(
        "INSERT INTO applications (opportunity_id, email, name, state, created_at, updated_at) VALUES " +
        `(${id}, 'pia.${javaScript ? 'js' : 'nojs'}@example.dk', '${name}', 'new', '2026-01-02T00:00:00Z', ` +
        "'2026-01-02T00:00:00Z') RETURNING id"));
      const pipeline = `${LIST}/${id}/applications`;
      assert.equal((await page.goto(pipeline)).status(), 200);
      const row = page.locator(`#application-${applicationId}`);
      assert.match(await row.innerText(), new RegExp(message('da', 'application.certificate.no_profile')));
      await axe();
      const state = `/account/organisations/1/applications/${applicationId}/state`;
      const moved = await submit(page, state, message('da', 'application.agree_confirmed'));
      assert.ok([200, 303].includes(moved.status()));
      assert.match(await page.locator('main').innerText(), new RegExp(message('da', 'application.notice_state')));
      assert.match(await page.locator(`#application-${applicationId}`).innerText(),
        new RegExp(message('da', 'application.certificate.confirmed')));
      await page.locator(`#application-${applicationId} summary`).click();
      await page.locator(`#message_${applicationId}`).fill('Velkommen i flokken!');
      await submit(page, `/account/organisations/1/applications/${applicationId}/messages`);
      await page.locator(`#application-${applicationId} summary`).click();
      assert.match(await page.locator(`#application-${applicationId}`).innerText(), /Velkommen i flokken!/);
      await axe();
      assert.equal(sql(`SELECT state FROM applications WHERE id = ${applicationId}`), 'agreed');

      // Closing it from the list.
      await page.goto(LIST);
      await submit(page, `${LIST}/${id}/close`);
      assert.equal(sql(`SELECT status FROM opportunities WHERE id = ${id}`), 'closed');
      if (watch) {
        assert.deepEqual(watch.problems, []);
        assert.deepEqual(await watch.cspViolations(), []);
      }
    } finally {
      await context.close();
    }
  });
}

test("another organisation's people and the municipality's staff find nothing there", async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    await logInAsDemo(page, 'medarbejder@demo.samskab.dk');
    assert.equal((await page.goto(LIST)).status(), 404);
    assert.equal((await page.goto(`${LIST}/new`)).status(), 404);
  } finally {
    await context.close();
  }
});
