// Needs and offers in a browser, on the `samskab demo` data: an employee posts a need from the
// side menu's "Behov" without JavaScript (a missing title named at its field first), finds it on
// its page with the link to the matching's proposals and in the filtered list, and closes it; an
// organisation's admin posts an offer; axe (which needs JavaScript in the page) finds nothing
// serious on the list, the form with a problem, a need's page, the offers' pages and the public
// lists of needs and offers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, message, openPage, seriousViolations, watchProblems, logInAsDemo } from './support.mjs';

const EMPLOYEE = 'medarbejder@demo.samskab.dk';
const ORGANISATION = 'forening@demo.samskab.dk';
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

test('without JavaScript: an employee posts a need, finds it, and closes it', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    const watch = await watchProblems(page, { allowStatus: [422] });
    await logInAsDemo(page, EMPLOYEE);
    await page.goto('/admin/0190/collaborations');
    await page.getByRole('navigation', { name: message('da', 'admin.menu_label') })
      .getByRole('link', { name: message('da', 'admin.menu.needs'), exact: true }).click();
    await page.waitForURL('**/admin/0190/needs');
    await page.getByRole('link', { name: message('da', 'needs.new') }).click();
    await page.waitForURL('**/admin/0190/needs/new');

    // Without a title: named at its field, and what was typed stays.
    await page.locator('#description').fill(`Hjælp til havedag ${RUN}`);
    await page.getByRole('checkbox', { name: message('da', 'skill.gardening') }).check();
    await page.locator('#postcode').fill('3520');
    await page.locator('form[action="/admin/0190/needs/new"] button[type="submit"]').click();
    await page.waitForLoadState('load');
    assert.equal(await page.locator('#error-summary a[href="#title"]').count(), 1);
    assert.equal(await page.locator('#description').inputValue(), `Hjælp til havedag ${RUN}`);

    await page.locator('#title').fill(`Havedag ${RUN}`);
    await page.locator('#visibility').selectOption('public');
    await Promise.all([
      page.waitForURL(/\/admin\/0190\/needs\/\d+\?notice=need\.created$/),
      page.locator('form[action="/admin/0190/needs/new"] button[type="submit"]').click(),
    ]);
    const needPath = new URL(page.url()).pathname;
    assert.equal((await page.locator('main .alert-success').innerText()).trim(), message('da', 'notice.need.created'));
    assert.equal(await page.locator(`a[href="${needPath}/matches"]`).count(), 1);
    assert.ok((await page.locator('main').innerText()).includes('3520 Farum'));

    await page.goto('/admin/0190/needs?status=open');
    assert.ok((await page.locator('main table').innerText()).includes(`Havedag ${RUN}`));
    await page.goto(needPath);
    await Promise.all([
      page.waitForURL(`**${needPath}?notice=need.closed`),
      page.locator(`form[action="${needPath}/status"] button[type="submit"]`).click(),
    ]);
    await page.goto('/admin/0190/needs?status=open');
    assert.ok(!(await page.locator('main').innerText()).includes(`Havedag ${RUN}`));
    assert.deepEqual(watch.problems.filter((p) => !p.includes('HTTP 422')), []);
    assert.deepEqual(await watch.cspViolations(), []);
  } finally {
    await context.close();
  }
});

test('without JavaScript: an organisation posts an offer for its organisation', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    await logInAsDemo(page, ORGANISATION);
    await page.goto('/account/offers/new');
    await page.locator('#owner').selectOption({ index: 1 });
    await page.locator('#kind').selectOption('event_day');
    await page.locator('#title').fill(`Eventdag ${RUN}`);
    await page.locator('form[action="/account/offers/new"] button[type="submit"]').click();
    await page.waitForLoadState('load');
    // An event day needs its date and capacity.
    assert.equal(await page.locator('#error-summary a[href="#event_on"]').count(), 1);
    assert.equal(await page.locator('#error-summary a[href="#event_capacity"]').count(), 1);
    await page.locator('#event_on').fill('2027-05-06');
    await page.locator('#event_capacity').fill('15');
    await Promise.all([
      page.waitForURL(/\/account\/offers\/\d+\?notice=offer\.created$/),
      page.locator('form[action="/account/offers/new"] button[type="submit"]').click(),
    ]);
    assert.ok((await page.locator('h1').innerText()).includes(`Eventdag ${RUN}`));
    await page.goto('/account/offers');
    assert.ok((await page.locator('main table').innerText()).includes(`Eventdag ${RUN}`));
  } finally {
    await context.close();
  }
});

test('no serious or critical axe violations on the need and offer pages', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto('/needs');
    await noSeriousViolations(page, 'the public needs');
    await page.goto('/offers');
    await noSeriousViolations(page, 'the public offers');
    await logInAsDemo(page, EMPLOYEE);
    await page.goto('/admin/0190/needs');
    await noSeriousViolations(page, 'the need list');
    await page.goto('/admin/0190/needs/new');
    await noSeriousViolations(page, 'the need form');
    await page.locator('#places').fill('0');
    await page.locator('form[action="/admin/0190/needs/new"] button[type="submit"]').click();
    await page.locator('#error-summary').waitFor();
    await noSeriousViolations(page, 'the need form with problems');
    await page.goto('/admin/0190/needs');
    await page.locator('main table a').first().click();
    await page.waitForURL(/\/admin\/0190\/needs\/\d+$/);
    await noSeriousViolations(page, 'a need\'s page');
    await context.clearCookies();
    await logInAsDemo(page, ORGANISATION);
    await page.goto('/account/offers');
    await noSeriousViolations(page, 'my offers');
    await page.goto('/account/offers/new');
    await noSeriousViolations(page, 'the offer form');
  } finally {
    await context.close();
  }
});
