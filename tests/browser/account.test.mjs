// The account pages (issue 3): log in and out with and without JavaScript, the return to the
// page that asked for a login, password reset by e-mail link, my data (download and erasure),
// the login page in each language, axe on every account page, and the header's log-out button
// from the keyboard.
//
// The demo accounts are shared by all test files: they are only logged in and out here. The
// reset and erasure tests use accounts of their own that run.sh creates (slet.mig@…, reset.mig@…),
// and read the reset link from the outbox in the database file (SAMSKAB_BROWSER_DB).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';

import { launchBrowser, message, openPage, seriousViolations, watchProblems } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const DEMO_PASSWORD = 'samskab-demo-2026';
const ADMIN = { email: 'admin@demo.samskab.dk', name: 'Anne Admin' };
const TEST_PASSWORD = 'browser-test-password';
const ERASE_ME = 'slet.mig@demo.samskab.dk';
const RESET_ME = 'reset.mig@demo.samskab.dk';

const path = (page) => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};

// Clicks the submit button of the form posting to `action` and returns the response to the POST.
async function submit(page, action) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === action),
    page.locator(`main form[action="${action}"] button[type="submit"]`).click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

// Fills in the login form on the page and sends it; returns the response to the POST.
async function logIn(page, email, password) {
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  return submit(page, '/login');
}

function headerLogout(page) {
  return page.locator('header form[action="/logout"] button[type="submit"]');
}

async function mainHeading(page) {
  return (await page.locator('main h1').innerText()).trim();
}

// The newest e-mail to `recipient` in the outbox, read from the server's SQLite file.
function lastMailTo(recipient) {
  const db = process.env.SAMSKAB_BROWSER_DB;
  assert.ok(db, 'SAMSKAB_BROWSER_DB is set by run.sh');
  assert.match(recipient, /^[a-z.@]+$/);  // spliced into the SQL below
  return execFileSync('sqlite3', ['-cmd', '.timeout 5000', db,
    `SELECT body FROM outbox WHERE recipient = '${recipient}' ORDER BY id DESC LIMIT 1`], { encoding: 'utf8' });
}

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'with JavaScript' : 'without JavaScript';
  test(`${mode}: a wrong password is refused (401), the right one opens my account, and log out ends it`, async () => {
    const { context, page } = await openPage(browser, { javaScript });
    try {
      const watch = javaScript ? await watchProblems(page, { allowStatus: [401, 422] }) : null;
      assert.equal((await page.goto('/login')).status(), 200);
      assert.equal(await mainHeading(page), message('da', 'login.heading'));

      // Nothing filled in: a problem of the e-mail field (422), linked from the summary.
      let response = await submit(page, '/login');
      assert.equal(response.status(), 422);
      const emailLink = page.locator('#error-summary a[href="#email"]');
      assert.equal((await emailLink.innerText()).trim(),
        `${message('da', 'login.email')}: ${message('da', 'validation.required')}`);
      assert.equal(await page.locator('#email').getAttribute('aria-invalid'), 'true');

      response = await logIn(page, ADMIN.email, 'not-the-password');
      assert.equal(response.status(), 401);
      const summary = page.locator('#error-summary');
      await summary.waitFor();
      assert.equal(await summary.getAttribute('role'), 'alert');
      assert.ok((await summary.innerText()).includes(message('da', 'auth.error.credentials')));
      assert.match(await page.title(), new RegExp(`^${message('da', 'form.error_prefix')}`));
      assert.equal(await page.locator('#email').inputValue(), ADMIN.email, 'the e-mail address is kept');
      assert.equal(await page.locator('#password').inputValue(), '', 'the password is not sent back');
      if (javaScript) {
        // dkfds's error summary takes focus, so a screen reader reads it first.
        await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
      }

      response = await logIn(page, ADMIN.email, DEMO_PASSWORD);
      assert.equal(response.status(), 303);
      await page.waitForURL('**/account');
      assert.equal(await mainHeading(page), message('da', 'account.heading'));
      const main = await page.locator('main').innerText();
      assert.ok(main.includes(ADMIN.name), 'my name');
      assert.ok(main.includes(ADMIN.email), 'my e-mail address');
      assert.ok(main.includes(message('da', 'role.municipal_admin')), 'my role');
      assert.ok(main.includes('Furesø'), 'where the role applies');
      const menuAccount = page.locator('header nav a[href="/account"]');
      assert.equal((await menuAccount.innerText()).trim(), message('da', 'nav.account'));
      assert.equal(await menuAccount.getAttribute('aria-current'), 'page');
      assert.equal(await page.locator('header nav a[href="/login"]').count(), 0);
      const logout = headerLogout(page);
      assert.equal((await logout.innerText()).trim(), message('da', 'nav.logout'));
      assert.ok(await logout.isVisible());
      assert.ok((await page.locator('header').innerText()).includes(ADMIN.name), 'the header names who is logged in');

      [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/logout'),
        logout.click(),
      ]);
      assert.equal(response.status(), 303);
      await page.waitForURL((url) => url.pathname === '/');
      const login = page.locator('header nav a[href="/login"]');
      assert.equal((await login.innerText()).trim(), message('da', 'nav.login'));
      assert.equal(await page.locator('header form[action="/logout"]').count(), 0);
      assert.equal(await page.locator('header nav a[href="/account"]').count(), 0);

      const account = await page.request.get('/account', { maxRedirects: 0 });
      assert.equal(account.status(), 303, 'the session is gone');
      assert.equal(account.headers().location, '/login?return=%2Faccount');
      if (watch) {
        assert.deepEqual(await watch.cspViolations(), []);
        assert.deepEqual(watch.problems, []);
      }
    } finally {
      await context.close();
    }
  });
}

test('my account while logged out leads to the login page, and back to my account after it', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto('/account');
    assert.equal(path(page), '/login?return=%2Faccount');
    assert.equal(await mainHeading(page), message('da', 'login.heading'));
    assert.equal(await page.locator('main form input[name="return"]').inputValue(), '/account');
    const response = await logIn(page, 'frivillig@demo.samskab.dk', DEMO_PASSWORD);
    assert.equal(response.status(), 303);
    assert.equal(response.headers().location, '/account');
    await page.waitForURL('**/account');
    assert.ok((await page.locator('main').innerText()).includes('Frede Frivillig'));
    assert.ok((await page.locator('main').innerText()).includes(message('da', 'role.volunteer')));
    // Logged in, the login page sends you on instead of asking again.
    await page.goto('/login?return=%2Faccount%2Fdata');
    assert.equal(path(page), '/account/data');
  } finally {
    await context.close();
  }
});

test('password reset: e-mail link, a too short password (422), a new one, and the link is used up', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    await page.goto('/login');
    await page.locator('main a[href="/reset"]').click();
    await page.waitForURL('**/reset');
    assert.equal(await mainHeading(page), message('da', 'reset.heading'));
    const before = lastMailTo(RESET_ME);
    await page.locator('#email').fill(RESET_ME);
    let response = await submit(page, '/reset');
    assert.equal(response.status(), 303);
    await page.waitForURL('**/reset/sent');
    assert.equal(await mainHeading(page), message('da', 'reset.sent_heading'));
    assert.ok((await page.locator('main').innerText()).includes(message('da', 'reset.sent_text')));

    const mail = lastMailTo(RESET_ME);
    assert.notEqual(mail, before, 'a new e-mail');
    const link = mail.match(/https?:\/\/\S+\/reset\/([0-9a-f]+)/);
    assert.ok(link, `a reset link in the e-mail:\n${mail}`);
    const resetPath = `/reset/${link[1]}`;
    assert.equal((await page.goto(resetPath)).status(), 200);
    assert.equal(await mainHeading(page), message('da', 'reset.new_heading'));

    await page.locator('#password').fill('kort');
    response = await submit(page, resetPath);
    assert.equal(response.status(), 422);
    const group = page.locator('main .form-group.form-error', { has: page.locator('#password') });
    assert.ok((await group.innerText()).includes(message('da', 'validation.password_too_short')));
    assert.equal(await page.locator('#password').getAttribute('aria-invalid'), 'true');
    assert.ok((await page.locator('#error-summary').innerText()).includes(message('da', 'validation.password_too_short')));

    const newPassword = 'en ny og lang adgangskode';
    await page.locator('#password').fill(newPassword);
    response = await submit(page, resetPath);
    assert.equal(response.status(), 303);
    await page.waitForURL('**/login?notice=password_reset');
    const notice = page.locator('main .alert-success');
    assert.equal(await notice.getAttribute('role'), 'status');
    assert.equal((await notice.innerText()).trim(), message('da', 'notice.password_reset'));

    response = await logIn(page, RESET_ME, newPassword);
    assert.equal(response.status(), 303);
    await page.waitForURL('**/account');
    assert.ok((await page.locator('main').innerText()).includes('Reset Mig'));

    const again = await page.goto(resetPath);
    assert.equal(again.status(), 404, 'the link works once');
    assert.equal(await mainHeading(page), message('da', 'account.link_invalid_heading'));
    assert.ok((await page.locator('main').innerText()).includes(message('da', 'account.error.link_invalid')));
  } finally {
    await context.close();
  }
});

test('my data: download as JSON, erasure needs my own address (422), then the account is gone', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto('/login?return=%2Faccount');
    assert.equal((await logIn(page, ERASE_ME, TEST_PASSWORD)).status(), 303);
    await page.waitForURL('**/account');
    await page.locator('main a[href="/account/data"]').click();
    await page.waitForURL('**/account/data');
    assert.equal(await mainHeading(page), message('da', 'data.heading'));
    const download = page.locator('main a[href="/account/data.json"]');
    assert.equal((await download.innerText()).trim(), message('da', 'data.download'));
    assert.equal(await page.locator('main form[action="/account/erase"] #confirm_email').count(), 1);

    const data = await page.request.get('/account/data.json');
    assert.equal(data.status(), 200);
    assert.match(data.headers()['content-type'], /^application\/json/);
    assert.match(data.headers()['content-disposition'] || '', /^attachment/);
    const json = await data.json();
    assert.equal(json.email, ERASE_ME);
    assert.doesNotMatch(JSON.stringify(json), /argon2|password/i, 'no password hash in the export');
    assert.ok(Array.isArray(json.roles) && json.roles.length === 1, 'my role');

    await page.locator('#confirm_email').fill('frivillig@demo.samskab.dk');
    let response = await submit(page, '/account/erase');
    assert.equal(response.status(), 422);
    const group = page.locator('main .form-group.form-error', { has: page.locator('#confirm_email') });
    assert.ok((await group.innerText()).includes(message('da', 'data.erase_mismatch')));
    assert.ok((await page.locator('#error-summary').innerText()).includes(message('da', 'data.erase_mismatch')));
    assert.match(await page.title(), new RegExp(`^${message('da', 'form.error_prefix')}`));
    assert.equal(await page.locator('#confirm_email').inputValue(), 'frivillig@demo.samskab.dk',
      'what was typed is kept, so the mistake can be seen');

    // Upper case and spaces around the address do not matter.
    await page.locator('#confirm_email').fill(` ${ERASE_ME.toUpperCase()} `);
    response = await submit(page, '/account/erase');
    assert.equal(response.status(), 303);
    await page.waitForURL('**/account/erased');
    assert.equal(await mainHeading(page), message('da', 'data.erased_heading'));
    assert.equal(await page.locator('header form[action="/logout"]').count(), 0, 'logged out');
    assert.equal((await page.request.get('/account', { maxRedirects: 0 })).status(), 303);

    await page.goto('/login');
    response = await logIn(page, ERASE_ME, TEST_PASSWORD);
    assert.equal(response.status(), 401, 'the account cannot log in any more');
    assert.ok((await page.locator('#error-summary').innerText()).includes(message('da', 'auth.error.credentials')));
  } finally {
    await context.close();
  }
});

for (const lang of ['nb', 'en']) {
  test(`the login page in ${lang}`, async () => {
    const { context, page } = await openPage(browser, { lang });
    try {
      assert.equal((await page.goto('/login')).status(), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      assert.equal(await mainHeading(page), message(lang, 'login.heading'));
      assert.equal((await page.locator('label[for="email"]').innerText()).trim(), message(lang, 'login.email'));
      assert.equal((await page.locator('label[for="password"]').innerText()).trim(), message(lang, 'login.password'));
      assert.equal((await page.locator('main form button[type="submit"]').innerText()).trim(), message(lang, 'login.submit'));
      assert.equal((await page.locator('main a[href="/reset"]').innerText()).trim(), message(lang, 'login.forgot'));
      assert.ok((await page.title()).startsWith(message(lang, 'login.heading')));

      const response = await logIn(page, 'nobody@demo.samskab.dk', 'not-the-password');
      assert.equal(response.status(), 401);
      assert.ok((await page.locator('#error-summary').innerText()).includes(message(lang, 'auth.error.credentials')));
      assert.ok((await page.locator('#error-summary').innerText()).includes(message(lang, 'form.error_summary')));
    } finally {
      await context.close();
    }
  });
}

async function assertNoViolations(page, name) {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `${name} has axe violations:\n  ${violations.join('\n  ')}`);
}

test('no serious or critical axe violations on the account pages (da)', async (t) => {
  const { context, page } = await openPage(browser);
  try {
    const steps = [
      ['login page', async () => (await page.goto('/login')).status(), 200],
      ['login page after a failed attempt', async () => {
        const response = await logIn(page, 'nobody@demo.samskab.dk', 'not-the-password');
        await page.locator('#error-summary').waitFor();
        return response.status();
      }, 401],
      ['reset page', async () => (await page.goto('/reset')).status(), 200],
      ['reset page after an invalid address', async () => {
        await page.locator('#email').fill('ikke en adresse');
        return (await submit(page, '/reset')).status();
      }, 422],
      ['reset link sent', async () => (await page.goto('/reset/sent')).status(), 200],
      ['reset link invalid', async () => (await page.goto(`/reset/${'0'.repeat(64)}`)).status(), 404],
      ['invitation link invalid', async () => (await page.goto(`/invitation/${'0'.repeat(64)}`)).status(), 404],
      ['privacy page', async () => (await page.goto('/privacy')).status(), 200],
      ['my account', async () => {
        await page.goto('/login');
        await logIn(page, 'medarbejder@demo.samskab.dk', DEMO_PASSWORD);
        await page.waitForURL('**/account');
        return (await page.goto('/account')).status();
      }, 200],
      ['my account after a wrong current password', async () => {
        await page.locator('#current_password').fill('not-the-password');
        await page.locator('main form[action="/account/password"] #password').fill('en helt ny adgangskode');
        return (await submit(page, '/account/password')).status();
      }, 422],
      ['my data', async () => (await page.goto('/account/data')).status(), 200],
      ['my data after a wrong confirmation', async () => {
        await page.locator('#confirm_email').fill('nogen@example.dk');
        return (await submit(page, '/account/erase')).status();
      }, 422],
    ];
    for (const [name, open, expectedStatus] of steps) {
      await t.test(name, async () => {
        assert.equal(await open(), expectedStatus, `${name}: HTTP status`);
        await assertNoViolations(page, name);
      });
    }
  } finally {
    await context.close();
  }
});

// axe cannot run in a context with JavaScript switched off (its timers never fire there), so the
// pages are checked as a browser without JavaScript shows them: the page's own scripts (dkfds,
// htmx, app.js) are blocked, and nothing changes the server-rendered HTML.
test('no serious or critical axe violations without JavaScript on login and my account', async () => {
  const { context, page } = await openPage(browser);
  try {
    await context.route((url) => url.pathname.endsWith('.js'), (route) => route.abort());
    assert.equal((await page.goto('/login')).status(), 200);
    assert.equal(await page.evaluate(() => typeof window.htmx), 'undefined', 'no page script ran');
    await assertNoViolations(page, 'login page without JavaScript');
    let response = await logIn(page, 'forening@demo.samskab.dk', 'not-the-password');
    assert.equal(response.status(), 401);
    await assertNoViolations(page, 'login page with errors without JavaScript');
    response = await logIn(page, 'forening@demo.samskab.dk', DEMO_PASSWORD);
    assert.equal(response.status(), 303);
    await page.waitForURL('**/account');
    assert.equal(await page.evaluate(() => typeof window.DKFDS), 'undefined', 'no page script ran');
    await assertNoViolations(page, 'my account without JavaScript');
  } finally {
    await context.close();
  }
});

test('my account has no console errors or CSP violations', async () => {
  const { context, page } = await openPage(browser);
  try {
    const watch = await watchProblems(page);
    await page.goto('/login');
    await logIn(page, 'platform@demo.samskab.dk', DEMO_PASSWORD);
    await page.waitForURL('**/account');
    assert.ok((await page.locator('main').innerText()).includes(message('da', 'role.platform_admin')));
    await page.goto('/account/data');
    await page.goto('/account');
    assert.deepEqual(await watch.cspViolations(), []);
    assert.deepEqual(watch.problems, []);
  } finally {
    await context.close();
  }
});

test('layout: the log-out button keeps its distance from the name, and submit buttons from the last field', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    const { context, page } = await openPage(browser, { viewport });
    try {
      await page.goto('/login');
      const input = await page.locator('#password').boundingBox();
      const button = await page.locator('main form[action="/login"] button[type="submit"]').boundingBox();
      assert.ok(button.y - (input.y + input.height) >= 16, `${viewport.width} px: submit button ${button.y - (input.y + input.height)} px below the field`);
      await logIn(page, 'medarbejder@demo.samskab.dk', DEMO_PASSWORD);
      await page.waitForURL('**/account');
      const name = await page.locator('header .samskab-user').boundingBox();
      const logout = await headerLogout(page).boundingBox();
      const apart = Math.max(logout.x - (name.x + name.width), logout.y - (name.y + name.height));
      assert.ok(apart >= 8, `${viewport.width} px: log-out button ${apart} px from the name`);
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(widths[0] <= widths[1], `${viewport.width} px: no sideways scrolling (${widths[0]} px)`);
    } finally {
      await context.close();
    }
  }
});

test('keyboard: the log-out button in the header is reachable with Tab and shows its focus', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto('/login');
    await logIn(page, 'medarbejder@demo.samskab.dk', DEMO_PASSWORD);
    await page.waitForURL('**/account');
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.matches('header form[action="/logout"] button') ?? false);
    }
    assert.ok(reached, 'Tab reaches the log-out button');
    const focus = await page.evaluate(() => {
      const button = document.activeElement;
      const style = getComputedStyle(button);
      return {
        focusVisible: button.matches(':focus-visible'),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== 'none',
      };
    });
    assert.ok(focus.focusVisible, ':focus-visible');
    assert.ok(focus.outline || focus.shadow, 'a visible focus indicator');
    // Enter on the focused button logs out.
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('header nav a[href="/login"]').count(), 1);
  } finally {
    await context.close();
  }
});
