// The administration pages in a browser, on the `samskab demo` data (password of every demo
// account: samskab-demo-2026): a municipal admin creates a unit and invites an employee, the
// platform admin finds the invitation in the outbox, the invited person accepts it in a fresh
// browser; axe finds no serious or critical violations on any administration page (Danish),
// and the unit form works without JavaScript. Names and e-mails are unique per run, so the tests
// do not depend on each other or on earlier runs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, message, openPage, render, seriousViolations, watchProblems } from './support.mjs';

const PASSWORD = 'samskab-demo-2026';
const ADMIN = 'admin@demo.samskab.dk';
const PLATFORM = 'platform@demo.samskab.dk';
const ORGANISATION_ADMIN = 'forening@demo.samskab.dk';
const MUNICIPALITY = 'Furesø';
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// Logs in through the login form and waits for the account page.
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

test('a municipal admin creates a unit and sees it in the hierarchy', async () => {
  const { context, page } = await openPage(browser);
  try {
    const watch = await watchProblems(page);
    await login(page, ADMIN);
    // The administration item of the main menu leads to the municipality's pages.
    await page.getByRole('navigation', { name: message('da', 'layout.main_menu') })
      .getByRole('link', { name: message('da', 'nav.admin') }).click();
    await page.waitForURL('**/admin');
    await page.locator('main').getByRole('link', { name: MUNICIPALITY }).click();
    await page.waitForURL('**/admin/0190/units');
    assert.equal((await page.locator('main h1').innerText()).trim(),
      render('da', 'admin.units.heading', { municipality: MUNICIPALITY }));

    const name = `Center for Kultur ${RUN}`;
    await page.locator('#kind').selectOption('center');
    await page.locator('#name').fill(name);
    await page.locator('#parent_id').selectOption({ label: `Social- og Sundhedsforvaltningen (${message('da', 'unit.kind.administration')})` });
    const response = await submit(page, '/admin/0190/units');
    assert.equal(response.status(), 303);
    await page.waitForURL('**/admin/0190/units?notice=unit_created');
    assert.equal((await page.locator('main .alert-success').innerText()).trim(), message('da', 'notice.unit_created'));
    const row = page.locator('main table tbody tr', { hasText: name });
    assert.equal(await row.count(), 1, 'the new unit is listed once');
    assert.equal((await row.locator('td').nth(1).innerText()).trim(), message('da', 'unit.kind.center'));
    assert.equal((await row.locator('td').nth(2).innerText()).trim(), 'Social- og Sundhedsforvaltningen');
    assert.equal(await row.locator('.samskab-depth-1').count(), 1, 'indented one level');
    assert.deepEqual(await watch.cspViolations(), []);
    assert.deepEqual(watch.problems, []);
  } finally {
    await context.close();
  }
});

test('an invited employee accepts the invitation from the outbox and is logged in', async () => {
  const email = `medarbejder.${RUN}@example.dk`;
  const admin = await openPage(browser);
  const platform = await openPage(browser);
  const invitee = await openPage(browser);
  try {
    await login(admin.page, ADMIN);
    await admin.page.goto('/admin/0190/staff');
    await admin.page.locator('#email').fill(email);
    await admin.page.locator('#role').selectOption('municipal_employee');
    await admin.page.locator('#unit_id').selectOption({ label: 'Plejecenter Lillevang' });
    const response = await submit(admin.page, '/admin/0190/staff/invite');
    assert.equal(response.status(), 303);
    await admin.page.waitForURL('**/admin/0190/staff?notice=invitation_sent');
    assert.equal((await admin.page.locator('main .alert-success').innerText()).trim(), message('da', 'notice.invitation_sent'));
    assert.equal(await admin.page.locator('main table tbody tr', { hasText: email }).count(), 1, 'listed as pending');

    // Until there is SMTP, the platform admin reads the mail in the outbox.
    await login(platform.page, PLATFORM);
    await platform.page.goto('/platform/outbox');
    const mail = platform.page.locator('main table tbody tr', { hasText: email }).first();
    const body = await mail.locator('pre').innerText();
    const link = body.match(/\/invitation\/[^\s]+/);
    assert.ok(link, `the mail has an invitation link:\n${body}`);

    // The invited person opens the link in their own browser (the link's host is the configured
    // public URL; the path is what matters here).
    const page = invitee.page;
    await page.goto(link[0]);
    assert.equal((await page.locator('main h1').innerText()).trim(), message('da', 'invitation.heading'));
    assert.ok((await page.locator('main').innerText()).includes(email));
    await page.locator('#display_name').fill(`Ny Medarbejder ${RUN}`);
    await page.locator('#password').fill('en lang og god adgangssætning');
    await Promise.all([
      page.waitForURL('**/account'),
      page.locator(`form[action="${link[0]}"] button[type="submit"]`).click(),
    ]);
    assert.ok((await page.locator('.samskab-user').innerText()).includes(`Ny Medarbejder ${RUN}`), 'logged in');
    assert.ok((await page.locator('main').innerText()).includes(message('da', 'role.municipal_employee')));

    // No longer pending; now on the staff list.
    await admin.page.goto('/admin/0190/staff');
    const rows = admin.page.locator('main table tbody tr', { hasText: email });
    assert.equal(await rows.count(), 1);
    assert.ok((await rows.first().innerText()).includes(`Ny Medarbejder ${RUN}`));
  } finally {
    await admin.context.close();
    await platform.context.close();
    await invitee.context.close();
  }
});

// Posts the registration form of /admin/0190/organisations (the page's search form has the same
// action, but is a GET) and returns the response to the POST.
async function register(page) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/admin/0190/organisations'),
    page.locator('form[method="post"][action="/admin/0190/organisations"] button[type="submit"]').click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

// Each step brings the page into a state and says which HTTP status that state has.
const MUNICIPAL_PAGES = [
  ['administration overview', async (page) => (await page.goto('/admin')).status(), 200],
  ['units', async (page) => (await page.goto('/admin/0190/units')).status(), 200],
  [
    'units with a form error',
    async (page) => {
      await page.goto('/admin/0190/units');
      await page.locator('#kind').selectOption('department');
      await page.locator('#name').fill(`Afdeling uden center ${RUN}`);
      const response = await submit(page, '/admin/0190/units');
      await page.locator('#error-summary').waitFor();
      return response.status();
    },
    422,
  ],
  ['staff', async (page) => (await page.goto('/admin/0190/staff')).status(), 200],
  ['tokens', async (page) => (await page.goto('/admin/0190/tokens')).status(), 200],
  [
    'tokens with a new token shown once',
    async (page) => {
      await page.goto('/admin/0190/tokens');
      await page.locator('#name').fill(`Fagsystem ${RUN}`);
      const response = await submit(page, '/admin/0190/tokens');
      await page.locator('#new-token code').waitFor();
      return response.status();
    },
    200,
  ],
  ['audit log', async (page) => (await page.goto('/admin/0190/audit')).status(), 200],
  ['organisations', async (page) => (await page.goto('/admin/0190/organisations')).status(), 200],
  [
    'organisations with a form error',
    async (page) => {
      await page.goto('/admin/0190/organisations');
      await page.locator('#name').fill(`Fællesskab ${RUN}`);
      await page.locator('#cvr').fill('29188549');
      const response = await register(page);
      await page.locator('#error-summary').waitFor();
      return response.status();
    },
    422,
  ],
  [
    'an organisation the municipality registered, in its edit form',
    async (page) => {
      await page.goto('/admin/0190/organisations');
      await page.locator('#name').fill(`Gåklubben ${RUN}`);
      await page.locator('#postcode').fill('3520');
      await Promise.all([page.waitForURL('**/admin/0190/organisations/*'), register(page)]);
      return 200;
    },
    200,
  ],
  [
    'inquiries with a message from the contact form',
    async (page) => {
      await page.goto('/contact');
      await page.locator('#name').fill(`Ida ${RUN}`);
      await page.locator('#email').fill('ida@example.dk');
      await page.locator('#message').fill('Vi vil gerne hjælpe med lektiecaféen.');
      await Promise.all([page.waitForURL('**/contact/sent'), page.locator('form[action="/contact"] button[type="submit"]').click()]);
      const status = (await page.goto('/admin/0190/inquiries')).status();
      await page.getByText(`Ida ${RUN}`).waitFor();
      return status;
    },
    200,
  ],
];

const PLATFORM_PAGES = [
  ['municipalities', async (page) => (await page.goto('/platform/municipalities')).status(), 200],
  ['outbox', async (page) => (await page.goto('/platform/outbox')).status(), 200],
];

const ORGANISATION_PAGES = [
  ['organisation members', async (page) => (await page.goto('/organisations/1/members')).status(), 200],
  ['organisation profile', async (page) => (await page.goto('/organisations/1/profile')).status(), 200],
  [
    'organisation profile with form errors',
    async (page) => {
      await page.goto('/organisations/1/profile');
      await page.locator('#postcode').fill('0000');
      await page.locator('label[for="roles_cannot"]').click();
      const response = await submit(page, '/organisations/1/profile');
      await page.locator('#error-summary').waitFor();
      return response.status();
    },
    422,
  ],
];

for (const [who, email, pages] of [
  ['municipal admin', ADMIN, MUNICIPAL_PAGES],
  ['platform admin', PLATFORM, PLATFORM_PAGES],
  ['organisation admin', ORGANISATION_ADMIN, ORGANISATION_PAGES],
]) {
  test(`no serious or critical axe violations on the ${who}'s pages (da)`, async (t) => {
    const { context, page } = await openPage(browser);
    try {
      await login(page, email);
      for (const [name, open, expectedStatus] of pages) {
        await t.test(name, async () => {
          assert.equal(await open(page), expectedStatus, `${name}: HTTP status`);
          assert.equal(await page.locator('html').getAttribute('lang'), 'da');
          assert.equal(await page.locator('main h1').count(), 1, `${name}: one h1`);
          const violations = await seriousViolations(page);
          assert.deepEqual(violations, [], `${name} has axe violations:\n  ${violations.join('\n  ')}`);
        });
      }
    } finally {
      await context.close();
    }
  });
}

test('without JavaScript: the unit form shows its problem at the field (422), then creates the unit', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    await login(page, ADMIN);
    await page.goto('/admin/0190/units');
    await page.locator('#kind').selectOption('center');
    await page.locator('#name').fill(`Center uden forvaltning ${RUN}`);
    let response = await submit(page, '/admin/0190/units');
    assert.equal(response.status(), 422);
    const summary = page.locator('#error-summary');
    assert.equal(await summary.getAttribute('role'), 'alert');
    const text = message('da', 'unit.error.center_parent');
    assert.equal((await summary.locator('a[href="#parent_id"]').innerText()).trim(),
      `${message('da', 'admin.units.parent')}: ${text}`);
    assert.ok((await page.locator('#parent_id-error').innerText()).includes(text));
    assert.equal(await page.locator('#parent_id').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#name').inputValue(), `Center uden forvaltning ${RUN}`, 'the name is kept');
    assert.match(await page.title(), new RegExp(`^${message('da', 'form.error_prefix')}`));

    await page.locator('#parent_id').selectOption({ label: `Social- og Sundhedsforvaltningen (${message('da', 'unit.kind.administration')})` });
    response = await submit(page, '/admin/0190/units');
    assert.equal(response.status(), 303);
    await page.waitForURL('**/admin/0190/units?notice=unit_created');
    assert.equal(await page.locator('main table tbody tr', { hasText: `Center uden forvaltning ${RUN}` }).count(), 1);
  } finally {
    await context.close();
  }
});

// axe cannot run in a context with JavaScript switched off, so this one runs it on the page as a
// browser without JavaScript gets it: the page's own scripts (dkfds, htmx, app.js) are blocked.
test('without the page\'s scripts: no serious or critical axe violations on the units page with an error', async () => {
  const { context, page } = await openPage(browser);
  try {
    await login(page, ADMIN);
    await page.route('**/*.js*', (route) => route.abort());
    await page.goto('/admin/0190/units');
    await page.locator('#kind').selectOption('department');
    await page.locator('#name').fill(`Afdeling uden script ${RUN}`);
    const response = await submit(page, '/admin/0190/units');
    assert.equal(response.status(), 422);
    await page.locator('#error-summary').waitFor();
    assert.equal(await page.evaluate(() => typeof window.DKFDS), 'undefined', 'the design system script did not run');
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], `axe violations without the page's scripts:\n  ${violations.join('\n  ')}`);
  } finally {
    await context.close();
  }
});

test('a municipal employee and a volunteer cannot open the administration of units', async () => {
  for (const email of ['medarbejder@demo.samskab.dk', 'frivillig@demo.samskab.dk']) {
    const employee = email.startsWith('medarbejder');
    const { context, page } = await openPage(browser, { javaScript: false });
    try {
      await login(page, email);
      assert.equal((await page.goto('/admin/0190/units')).status(), 403, email);
      assert.equal((await page.goto('/platform/outbox')).status(), 403, email);
      assert.equal((await page.goto('/admin')).status(), 200, email);
      const menu = page.getByRole('navigation', { name: message('da', 'layout.main_menu') });
      if (employee) {
        // An employee finds the municipality's staff pages (the registry, the model, the
        // organisations), and nothing else of its administration.
        assert.equal(await page.getByRole('main').getByRole('link', { name: message('da', 'admin.menu.collaborations') }).count(), 1, email);
        assert.equal(await page.locator('main a[href="/admin/0190/organisations"]').count(), 1, email);
        assert.equal(await menu.getByRole('link', { name: message('da', 'nav.admin') }).count(), 1, email);
        assert.equal((await page.goto('/admin/0190/organisations')).status(), 200, email);
        assert.equal(await page.locator('main a[href="/admin/0190/units"]').count(), 0, `${email}: no units in the side menu`);
      } else {
        assert.ok((await page.locator('main').innerText()).includes(message('da', 'admin.nothing')), email);
        assert.equal(await menu.getByRole('link', { name: message('da', 'nav.admin') }).count(), 0,
          `${email}: no administration item in the menu`);
      }
    } finally {
      await context.close();
    }
  }
});
