// The collaboration registry in a browser, on the `samskab demo` data (password of every demo
// account: samskab-demo-2026): an employee finds the registry from the menu, creates a
// collaboration through the form without JavaScript, sees its place in the model, and finds it
// in the overview by free text; a problem in the form is shown at its field. Titles are unique
// per run, so the tests do not depend on each other or on earlier runs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, message, openPage, render, watchProblems } from './support.mjs';

const PASSWORD = 'samskab-demo-2026';
const EMPLOYEE = 'medarbejder@demo.samskab.dk';
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function login(page, email) {
  await page.goto('/login');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(PASSWORD);
  await Promise.all([
    page.waitForURL('**/account'),
    page.locator('form[action="/login"] button[type="submit"]').click(),
  ]);
}

// Submits the form posting to `action` and returns the response to the POST.
async function submit(page, action) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === action),
    page.locator(`form[action="${action}"] button[type="submit"]`).click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

test('without JavaScript: an employee creates a collaboration and finds it in the overview by free text', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    const watch = await watchProblems(page, { allowStatus: [422] });
    await login(page, EMPLOYEE);
    // From the main menu to the registry.
    await page.getByRole('navigation', { name: message('da', 'layout.main_menu') })
      .getByRole('link', { name: message('da', 'nav.admin') }).click();
    await page.waitForURL('**/admin');
    await page.locator('main').getByRole('link', { name: message('da', 'admin.menu.collaborations') }).click();
    await page.waitForURL('**/admin/0190/collaborations');
    await page.getByRole('link', { name: message('da', 'collaborations.new') }).click();
    await page.waitForURL('**/admin/0190/collaborations/new');

    // The employee's own department is the one unit offered, and it starts ticked. A missing
    // title is shown at its field; what was typed stays.
    const unit = page.getByRole('checkbox', { name: 'Plejecenter Lillevang' });
    assert.equal(await unit.isChecked(), true);
    await page.locator('#locality').fill(`Farum ${RUN}`);
    const refused = await submit(page, '/admin/0190/collaborations/new');
    assert.equal(refused.status(), 422);
    assert.equal(await page.locator('#error-summary a[href="#title"]').count(), 1);
    assert.equal(await page.locator('#locality').inputValue(), `Farum ${RUN}`);

    const title = `Gåtur med naboer ${RUN}`;
    await page.locator('#title').fill(title);
    await page.locator('#description').fill('Frivillige går ture med beboerne hver tirsdag.');
    await page.locator('#welfare_area').selectOption('elderly');
    await page.getByRole('checkbox', { name: message('da', 'collaboration.reason.fact.coordination') }).check();
    await page.locator('#status').selectOption('planned');
    const created = await submit(page, '/admin/0190/collaborations/new');
    assert.equal(created.status(), 303);
    await page.waitForURL(/\/admin\/0190\/collaborations\/\d+\?notice=collaboration_created$/);
    assert.equal((await page.locator('main h1').innerText()).trim(), title);
    assert.equal((await page.locator('main .alert-success').innerText()).trim(),
      message('da', 'notice.collaboration_created'));
    // Medium involvement and no partner yet: no quadrant, and the page says why.
    assert.equal((await page.locator('#placement').innerText()).trim(),
      `${message('da', 'collaboration.level.medium')} · ${message('da', 'collaborations.no_quadrant')}`);
    const reasons = await page.locator('#reasons').innerText();
    assert.ok(reasons.includes(message('da', 'collaboration.reason.fact.coordination')), reasons);
    assert.ok(reasons.includes(message('da', 'collaboration.reason.no_partners')), reasons);

    // The overview finds it by a word of its locality, with the filter kept in the form.
    await page.getByRole('link', { name: message('da', 'collaborations.back') }).click();
    await page.waitForURL('**/admin/0190/collaborations');
    await page.locator('#q').fill(RUN);
    await Promise.all([
      page.waitForURL(`**/admin/0190/collaborations?q=${RUN}**`),
      page.locator('form[action="/admin/0190/collaborations"] button[type="submit"]').click(),
    ]);
    assert.equal(await page.locator('#q').inputValue(), RUN);
    assert.ok((await page.locator('main').innerText()).includes(render('da', 'collaborations.total', { total: 1 })));
    const row = page.locator('main table tbody tr');
    assert.equal(await row.count(), 1);
    assert.equal((await row.locator('th').innerText()).trim(), title);
    assert.equal((await row.locator('td').nth(3).innerText()).trim(), message('da', 'collaboration.status.planned'));
    assert.equal((await row.locator('td').nth(4).innerText()).trim(), message('da', 'collaborations.level_short.medium'));
    const csv = await page.getByRole('link', { name: message('da', 'collaborations.export_csv') }).getAttribute('href');
    assert.ok(csv.includes(`q=${RUN}`), csv);
    assert.deepEqual(watch.problems, []);
  } finally {
    await context.close();
  }
});
