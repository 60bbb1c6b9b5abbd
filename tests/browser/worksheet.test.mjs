// The center worksheet (the memo's discussion guide) and the municipality's vocabularies in a
// browser, on the `samskab demo` data: an employee opens the worksheet for their unit from the
// list, fills it in and saves it without JavaScript, finds the answers again and on the printable
// page; an admin adds an own welfare area that the collaboration form then offers; axe (which
// needs JavaScript in the page) finds nothing serious on the list, the form with a problem, the
// print page or the vocabularies page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, message, openPage, seriousViolations, watchProblems, logInAsDemo } from './support.mjs';

const EMPLOYEE = 'medarbejder@demo.samskab.dk';
const ADMIN = 'admin@demo.samskab.dk';
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function noSeriousViolations(page, name) {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `${name} has axe violations:\n  ${violations.join('\n  ')}`);
}

test('without JavaScript: an employee fills in, saves, revisits and prints their unit\'s discussion guide', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    const watch = await watchProblems(page, { allowStatus: [422] });
    await logInAsDemo(page, EMPLOYEE);
    await page.goto('/admin/0190/collaborations');
    await page.getByRole('navigation', { name: message('da', 'admin.menu_label') })
      .getByRole('link', { name: message('da', 'admin.menu.worksheets') }).click();
    await page.waitForURL('**/admin/0190/worksheets');

    // A bad year is named at its field.
    await page.locator('#year').fill('19');
    await page.locator('form[action="/admin/0190/worksheets/open"] button[type="submit"]').click();
    await page.waitForLoadState('load');
    assert.equal(await page.locator('#error-summary a[href="#year"]').count(), 1);
    assert.match(await page.locator('#error-summary').innerText(), new RegExp(message('da', 'worksheet.error.year').slice(0, 20)));

    await page.locator('#year').fill('2026');
    await page.locator('form[action="/admin/0190/worksheets/open"] button[type="submit"]').click();
    await page.waitForURL(/\/admin\/0190\/worksheets\/\d+\/2026$/);
    const formPath = new URL(page.url()).pathname;

    await page.locator('#work_areas').fill(`Besøg på plejecentret ${RUN}`);
    await page.locator('#priorities').fill('Besøgsvenner hver uge');
    await page.getByRole('checkbox', { name: message('da', 'collaboration.quadrant.q3.title') }).check();
    await page.locator('#relatives').fill('Pårørenderådet');
    await page.locator('#contact_owner').fill('Afdelingslederen');
    await Promise.all([
      page.waitForURL(`**${formPath}?notice=worksheet.saved`),
      page.locator(`form[action="${formPath}"] button[type="submit"]`).click(),
    ]);
    assert.equal((await page.locator('main .alert-success').innerText()).trim(), message('da', 'notice.worksheet.saved'));
    assert.equal(await page.locator('#work_areas').inputValue(), `Besøg på plejecentret ${RUN}`);
    assert.equal(await page.getByRole('checkbox', { name: message('da', 'collaboration.quadrant.q3.title') }).isChecked(), true);

    await page.getByRole('link', { name: message('da', 'worksheet.to_print') }).click();
    await page.waitForURL(`**${formPath}/print`);
    assert.equal(await page.locator('.samskab-sidenav').count(), 0);
    const printed = await page.locator('main').innerText();
    assert.ok(printed.includes(message('da', 'worksheet.question.work_areas')));
    assert.ok(printed.includes(`Besøg på plejecentret ${RUN}`));
    assert.ok(printed.includes(message('da', 'collaboration.quadrant.q3.title')));

    // Printing shows only the content.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.header').isVisible(), false);
    assert.equal(await page.getByRole('link', { name: message('da', 'worksheet.back_to_form') }).isVisible(), false);

    await page.goto('/admin/0190/worksheets');
    assert.ok((await page.locator('main table').innerText()).includes('2026'));
    assert.deepEqual(watch.problems.filter((p) => !p.includes('HTTP 422')), []);
    assert.deepEqual(await watch.cspViolations(), []);
  } finally {
    await context.close();
  }
});

test('an admin adds a welfare area of the municipality\'s own, which the collaboration form then offers', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    await logInAsDemo(page, ADMIN);
    await page.goto('/admin/0190/vocabularies');
    const key = `egen_${RUN}`.replace(/[^a-z0-9_]/g, '');
    await page.locator('#vocabulary').selectOption('welfare_area');
    await page.locator('#key').fill(key);
    await page.locator('#label_da').fill(`Vågetjeneste ${RUN}`);
    await page.locator('#label_nb').fill(`Våketjeneste ${RUN}`);
    await page.locator('#label_en').fill(`Vigil service ${RUN}`);
    await Promise.all([
      page.waitForURL('**/admin/0190/vocabularies?notice=vocabulary.term_added'),
      page.locator('form[action="/admin/0190/vocabularies"] button[type="submit"]').click(),
    ]);
    assert.ok((await page.locator('main').innerText()).includes(`Vågetjeneste ${RUN}`));
    await page.goto('/admin/0190/collaborations/new');
    assert.equal(await page.locator(`#welfare_area option[value="${key}"]`).innerText(), `Vågetjeneste ${RUN}`);
  } finally {
    await context.close();
  }
});

test('no serious or critical axe violations on the worksheet pages and the vocabularies page', async () => {
  const { context, page } = await openPage(browser);
  try {
    await logInAsDemo(page, EMPLOYEE);
    await page.goto('/admin/0190/worksheets');
    await noSeriousViolations(page, 'the worksheet list');
    await page.goto('/admin/0190/worksheets/open?year=19');
    assert.equal(await page.locator('#error-summary a[href="#year"]').count(), 1);
    await noSeriousViolations(page, 'the worksheet list with problems');
    const unit = await page.locator('#unit_id option').first().getAttribute('value');
    await page.goto(`/admin/0190/worksheets/${unit}/2031`);
    await noSeriousViolations(page, 'the worksheet form');
    // Past the input's maxlength, as a browser without it would send.
    await page.locator('#contact_owner').evaluate((input) => input.removeAttribute('maxlength'));
    await page.locator('#contact_owner').fill('x'.repeat(501));
    await page.locator('button[type="submit"]', { hasText: message('da', 'worksheet.submit') }).click();
    await page.locator('#error-summary').waitFor();
    await noSeriousViolations(page, 'the worksheet form with a problem');
    await page.locator('#contact_owner').fill('Lederen');
    await page.locator('button[type="submit"]', { hasText: message('da', 'worksheet.submit') }).click();
    await page.locator('main .alert-success').waitFor();
    await page.goto(`/admin/0190/worksheets/${unit}/2031/print`);
    await noSeriousViolations(page, 'the printable worksheet');
    await context.clearCookies();
    await logInAsDemo(page, ADMIN);
    await page.goto('/admin/0190/vocabularies');
    await noSeriousViolations(page, 'the vocabularies page');
  } finally {
    await context.close();
  }
});
