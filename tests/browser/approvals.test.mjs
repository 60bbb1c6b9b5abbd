// The partner organisation's approval of offers for vulnerable needs in a browser, on the
// `samskab demo` data (docs/decisions/0018-approval.md): the demo's company mentors wait for the
// approval of Dansk Flygtningehjælp, the vulnerable need's partner. Its admin finds them from
// /admin; without JavaScript, declining with direct contact is named at the box and changes
// nothing, approving saves the decision; the employee sees it on the need's page. axe (which
// needs JavaScript in the page) finds nothing serious on the partner's page and the need's page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, message, openPage, seriousViolations, watchProblems, logInAsDemo } from './support.mjs';

const PARTNER = 'partner@demo.samskab.dk';
const EMPLOYEE = 'medarbejder@demo.samskab.dk';
const NEED = 'Mentorer til unge flygtninge i job og uddannelse';
const OFFER = 'Lærlinge som mentorer for unge, der vil i håndværksfag';

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

// The partner's page, reached from /admin as its admin would.
async function openApprovals(page) {
  await logInAsDemo(page, PARTNER);
  await page.goto('/admin');
  await page.getByRole('link', { name: new RegExp(`^${message('da', 'need_approvals.approvals_link')}`) }).click();
  await page.waitForURL(/\/organisations\/\d+\/need-approvals$/);
}

async function openNeed(page) {
  await logInAsDemo(page, EMPLOYEE);
  await page.goto('/admin/0190/needs');
  await page.getByRole('link', { name: NEED }).click();
  await page.waitForURL(/\/admin\/0190\/needs\/\d+$/);
}

test('the partner sees the offer waiting for its approval, and axe finds nothing serious', async () => {
  const { context, page } = await openPage(browser);
  try {
    const watch = await watchProblems(page);
    await openApprovals(page);
    const pending = page.locator('main section[id^="approval-"]');
    assert.equal(await pending.count(), 1);
    assert.ok((await pending.innerText()).includes(OFFER));
    assert.ok((await pending.innerText()).includes(NEED));
    assert.equal(await pending.locator('input[type="checkbox"][name^="direct_contact_"]').isChecked(), false);
    await noSeriousViolations(page, 'the partner approvals page');

    const staff = await openPage(browser);
    try {
      await openNeed(staff.page);
      const section = staff.page.locator('main #approvals');
      assert.equal(await section.count(), 1);
      assert.ok((await staff.page.locator('main #approvals ~ div table').first().innerText()).includes(message('da', 'need_approval.decision.pending')));
      await noSeriousViolations(staff.page, 'the need page with its approvals');
    } finally {
      await staff.context.close();
    }
    assert.deepEqual(watch.problems, []);
    assert.deepEqual(await watch.cspViolations(), []);
  } finally {
    await context.close();
  }
});

test('without JavaScript: the partner declines with contact (refused), then approves', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    const watch = await watchProblems(page, { allowStatus: [422] });
    await openApprovals(page);
    const form = page.locator('main section[id^="approval-"] form');
    await form.locator('select[name^="decision_"]').selectOption('declined');
    await form.locator('input[name^="direct_contact_"]').check();
    await form.locator('button[type="submit"]').click();
    await page.waitForLoadState('load');
    const summary = page.locator('#error-summary a[href^="#direct_contact_"]');
    assert.equal(await summary.count(), 1);
    assert.equal((await summary.innerText()).includes(message('da', 'need_approval.error.contact_needs_approval')), true);

    const again = page.locator('main section[id^="approval-"] form');
    await again.locator('select[name^="decision_"]').selectOption('approved');
    await again.locator('input[name^="direct_contact_"]').uncheck();
    await again.locator('textarea[name^="note_"]').fill('Som eksterne, uden nære relationer til de unge.');
    await Promise.all([
      page.waitForURL(/need-approvals\?notice=need_approval\.decided$/),
      again.locator('button[type="submit"]').click(),
    ]);
    assert.equal((await page.locator('main .alert-success').innerText()).trim(), message('da', 'notice.need_approval.decided'));
    assert.equal(await page.locator('main section[id^="approval-"]').count(), 0);
    assert.ok((await page.locator('main table').innerText()).includes(message('da', 'need_approval.decision.approved')));
    assert.deepEqual(watch.problems.filter((p) => !p.includes('HTTP 422')), []);

    const staff = await openPage(browser, { javaScript: false });
    try {
      await openNeed(staff.page);
      const shown = await staff.page.locator('main #approvals ~ div table').first().innerText();
      assert.ok(shown.includes(message('da', 'need_approval.decision.approved')));
      assert.ok(shown.includes('Som eksterne'));
    } finally {
      await staff.context.close();
    }
  } finally {
    await context.close();
  }
});
