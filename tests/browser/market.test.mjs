// Volunteer profiles and opportunities in a browser, on the `samskab demo` data: a volunteer fills
// in "Min frivilligprofil" with and without JavaScript (the weekly grid's boxes found by their
// day and part of the day, a bad postcode named at its field, the saved profile shown again), and
// the public page of an open opportunity (who posts it, the times, "Børneattest kræves", the
// apply link); axe finds nothing serious on the form, the form with a problem and the public page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, logInAsDemo, message, openPage, seriousViolations, watchProblems } from './support.mjs';

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

async function fillProfile(page, { javaScript }) {
  const watch = await watchProblems(page, { allowStatus: [422] });
  await page.goto('/account');
  await page.getByRole('link', { name: message('da', 'volunteer_form.account_link') }).click();
  await page.waitForURL('**/account/volunteer');
  assert.equal((await page.locator('h1').innerText()).trim(), message('da', 'volunteer_form.heading'));

  // The grid: a table with headers, each box named by its day and part of the day.
  const grid = page.locator('table.samskab-grid');
  assert.equal(await grid.locator('th[scope="col"]').count(), 3);
  assert.equal(await grid.locator('th[scope="row"]').count(), 7);
  const saturdayEvening = page.getByRole('checkbox', {
    name: `${message('da', 'availability.day.sat')}, ${message('da', 'availability.slot.evening')}`,
  });
  await saturdayEvening.check();
  await page.getByRole('checkbox', { name: message('da', 'skill.it_help') }).check();
  await page.locator('#postcode').fill('9999');
  if (javaScript) await noSeriousViolations(page, 'the profile form');
  await page.locator('form[action="/account/volunteer"] button[type="submit"]').click();
  await page.waitForLoadState('load');
  assert.equal(await page.locator('#error-summary a[href="#postcode"]').count(), 1);
  assert.match(await page.locator('#postcode-error').innerText(), new RegExp(message('da', 'validation.postcode_unknown').slice(0, 25)));
  assert.equal(await saturdayEvening.isChecked(), true, 'what was typed is kept');
  if (javaScript) await noSeriousViolations(page, 'the profile form with a problem');

  await page.locator('#postcode').fill('3520');
  await Promise.all([
    page.waitForURL('**/account/volunteer?notice=market.volunteer_saved'),
    page.locator('form[action="/account/volunteer"] button[type="submit"]').click(),
  ]);
  assert.equal((await page.locator('main .alert-success').innerText()).trim(), message('da', 'notice.market.volunteer_saved'));
  assert.equal(await saturdayEvening.isChecked(), true);
  assert.equal(await page.getByRole('checkbox', { name: message('da', 'skill.it_help') }).isChecked(), true);
  assert.equal(await page.locator('#postcode').inputValue(), '3520');
  assert.deepEqual(watch.problems.filter((p) => !p.includes('HTTP 422')), []);
  assert.deepEqual(await watch.cspViolations(), []);
}

test('without JavaScript: a volunteer corrects and saves their profile', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    await logInAsDemo(page, 'sofie.frivillig@demo.samskab.dk');
    await fillProfile(page, { javaScript: false });
  } finally {
    await context.close();
  }
});

test('with JavaScript: a volunteer corrects and saves their profile; axe finds nothing serious', async () => {
  const { context, page } = await openPage(browser);
  try {
    await logInAsDemo(page, 'frivillig@demo.samskab.dk');
    await fillProfile(page, { javaScript: true });
  } finally {
    await context.close();
  }
});

test('the public page of an open opportunity: poster, times, certificate, apply link; axe', async () => {
  // The municipality's list links to the public page of each open opportunity.
  const staff = await openPage(browser, { javaScript: false });
  let path;
  try {
    await logInAsDemo(staff.page, 'admin@demo.samskab.dk');
    // The list is paged, newest first, and the run generates posts after the demo's: page on.
    for (let number = 1; number <= 10 && !path; number++) {
      await staff.page.goto(`/admin/0190/opportunities?page=${number}`);
      const row = staff.page.locator('main table tbody tr', { hasText: 'Lektiecafé for børn og unge' });
      if ((await row.count()) === 0) continue;
      path = await row.getByRole('link', { name: new RegExp(`^${message('da', 'opportunity_form.show')}`) }).getAttribute('href');
    }
  } finally {
    await staff.context.close();
  }
  assert.match(path, /^\/opportunities\/\d+$/);

  const { context, page } = await openPage(browser);
  try {
    const watch = await watchProblems(page);
    await page.goto(path);
    assert.equal((await page.locator('h1').innerText()).trim(), 'Lektiecafé for børn og unge');
    const main = await page.locator('main').innerText();
    assert.ok(main.includes('Farum Bibliotek'), 'who posts it');
    assert.ok(main.includes(message('da', 'opportunity_page.certificate_required')));
    assert.ok(main.includes('3520 Farum'));
    assert.equal(await page.locator('main table th[scope="row"]').count(), 2, 'Monday and Wednesday');
    const apply = page.getByRole('link', { name: message('da', 'opportunity_page.apply'), exact: true });
    assert.equal(await apply.getAttribute('href'), `${path}/apply`);
    await noSeriousViolations(page, 'the public opportunity page');
    assert.deepEqual(watch.problems, []);
    assert.deepEqual(await watch.cspViolations(), []);
  } finally {
    await context.close();
  }
});
