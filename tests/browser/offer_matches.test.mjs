// An offer's proposals in a browser, on the `samskab demo` data (docs/decisions/0016-offermatch.md):
// an organisation's admin posts an offer that fits the demo's public need "Havedag i sansehaven
// på Lillevang" (gardening, elderly, Farum), follows the offer page's link to its proposals, finds
// the need ranked with its reasons and the unit that posted it, marks the need "not relevant"
// without JavaScript (it is no longer proposed) and takes the mark back; axe finds nothing
// serious on the proposals page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, message, openPage, seriousViolations, watchProblems, logInAsDemo } from './support.mjs';

const ORGANISATION = 'forening@demo.samskab.dk';
const NEED = 'Havedag i sansehaven på Lillevang';
const UNIT = 'Plejecenter Lillevang';
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

let browser;
let matchesPath;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function postFittingOffer(page) {
  await page.goto('/account/offers/new');
  await page.locator('#owner').selectOption({ index: 1 });
  await page.locator('#kind').selectOption('skills');
  await page.locator('#title').fill(`Havehjælp ${RUN}`);
  await page.locator('#description').fill('Vi hjælper med højbede og stier i sansehaven.');
  await page.locator('input[name="skills"][value="gardening"]').check();
  await page.locator('input[name="welfare_areas"][value="elderly"]').check();
  await page.locator('#postcode').fill('3520');
  await page.locator('#travel_km').fill('20');
  await Promise.all([
    page.waitForURL(/\/account\/offers\/\d+\?notice=offer\.created$/),
    page.locator('form[action="/account/offers/new"] button[type="submit"]').click(),
  ]);
  return new URL(page.url()).pathname;
}

test('without JavaScript: the owner sees the needs and units an offer fits and marks one', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    const watch = await watchProblems(page);
    await logInAsDemo(page, ORGANISATION);
    const offerPath = await postFittingOffer(page);
    matchesPath = `${offerPath}/matches`;
    await page.getByRole('link', { name: message('da', 'offer_matches.link') }).click();
    await page.waitForURL(`**${matchesPath}`);
    assert.equal((await page.locator('h1').innerText()).trim(), message('da', 'offer_matches.title'));

    const needs = page.locator('main table').first();
    const first = needs.locator('tbody tr').first();
    assert.ok((await first.innerText()).includes(NEED), await needs.innerText());
    assert.ok((await first.innerText()).includes(message('da', 'matches.reason.welfare_area')));
    const units = page.locator('main table').nth(1);
    assert.ok((await units.innerText()).includes(UNIT), await units.innerText());

    // "Ikke relevant": the need is no longer proposed; the mark can be taken back.
    const notRelevant = first.locator('form').filter({ has: page.locator('input[name="mark"][value="not_relevant"]') });
    await Promise.all([
      page.waitForURL(`**${matchesPath}?notice=matches.marked`),
      notRelevant.locator('button[type="submit"]').click(),
    ]);
    assert.equal((await page.locator('main .alert-success').innerText()).trim(), message('da', 'notice.matches.marked'));
    assert.ok(!(await page.locator('main').innerText()).includes(NEED));

    // Contacted is shown beside the unit, and removed again.
    const unitRow = page.locator('main table').nth(1).locator('tbody tr', { hasText: UNIT });
    await Promise.all([
      page.waitForURL(`**${matchesPath}?notice=matches.marked`),
      unitRow.locator('form', { has: page.locator('input[name="mark"][value="contacted"]') })
        .locator('button[type="submit"]').click(),
    ]);
    const marked = page.locator('main table tbody tr', { hasText: UNIT });
    assert.ok((await marked.innerText()).includes(message('da', 'matches.mark.contacted')));
    await Promise.all([
      page.waitForURL(`**${matchesPath}?notice=matches.marked`),
      marked.locator('form', { has: page.locator('input[name="mark"][value="clear"]') })
        .locator('button[type="submit"]').click(),
    ]);
    assert.deepEqual(watch.problems, []);
    assert.deepEqual(await watch.cspViolations(), []);
  } finally {
    await context.close();
  }
});

test('no serious or critical axe violations on an offer\'s proposals', async () => {
  assert.ok(matchesPath, 'the first test posts the offer');
  const { context, page } = await openPage(browser);
  try {
    await logInAsDemo(page, ORGANISATION);
    await page.goto(matchesPath.replace(/\/matches$/, ''));
    await page.locator('#matches').waitFor();
    const offerViolations = await seriousViolations(page);
    assert.deepEqual(offerViolations, [], `the offer page has axe violations:\n  ${offerViolations.join('\n  ')}`);
    await page.goto(matchesPath);
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], `the proposals have axe violations:\n  ${violations.join('\n  ')}`);
  } finally {
    await context.close();
  }
});
