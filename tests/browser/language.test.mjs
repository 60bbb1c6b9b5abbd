// The language switch is plain links (/language?set=xx&return=/path): it must work without
// JavaScript, return the visitor to the page they were on, and remember the choice.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE_URL, LANGUAGE_NAMES, launchBrowser, message, openPage } from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function languageMenu(page, lang) {
  return page.getByRole('navigation', { name: message(lang, 'layout.language_menu') });
}

// Asserts the page is entirely in `lang`: <html lang>, the h1, the menu and the switcher.
async function assertPageLanguage(page, lang, h1Key, h1Values = {}) {
  assert.equal(await page.locator('html').getAttribute('lang'), lang, '<html lang>');
  const h1 = message(lang, h1Key).replace(/\{(\w+)\}/g, (_, name) => h1Values[name]);
  assert.equal((await page.locator('h1').innerText()).trim(), h1);
  const menu = page.getByRole('navigation', { name: message(lang, 'layout.main_menu') });
  assert.equal(await menu.count(), 1, 'main menu labelled in the page language');
  const current = languageMenu(page, lang).locator('[aria-current="true"]');
  assert.equal((await current.innerText()).trim(), LANGUAGE_NAMES[lang], 'current language marked');
  // The other two are links in their own language, so a reader can find their language.
  for (const [code, name] of Object.entries(LANGUAGE_NAMES)) {
    if (code === lang) continue;
    const link = languageMenu(page, lang).getByRole('link', { name, exact: true });
    assert.equal(await link.getAttribute('lang'), code);
    assert.equal(await link.getAttribute('hreflang'), code);
  }
}

async function switchTo(page, fromLang, toLang) {
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/language'),
    languageMenu(page, fromLang).getByRole('link', { name: LANGUAGE_NAMES[toLang], exact: true }).click(),
  ]);
}

test('without JavaScript, "English" returns to the same page in English, and the choice sticks', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    await page.goto('/contact');
    await assertPageLanguage(page, 'da', 'contact.heading');

    await switchTo(page, 'da', 'en');
    assert.equal(new URL(page.url()).pathname, '/contact', 'back on the page the switch was used on');
    await assertPageLanguage(page, 'en', 'contact.heading');
    const cookie = (await context.cookies()).find((c) => c.name === 'lang');
    assert.equal(cookie?.value, 'en', 'lang cookie');

    // The next page, reached through the menu, is still English (the browser asks for Danish).
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/'),
      page.getByRole('navigation', { name: message('en', 'layout.main_menu') })
        .getByRole('link', { name: message('en', 'nav.start') }).click(),
    ]);
    await assertPageLanguage(page, 'en', 'start.heading', { municipality: 'Furesø' });
    // ... and so is a page that has not been visited before, the 404 page.
    const notFound = await page.goto('/no-such-page');
    assert.equal(notFound.status(), 404);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal((await page.locator('h1').innerText()).trim(), message('en', 'status.404'));
  } finally {
    await context.close();
  }
});

test('without JavaScript, "Norsk" switches to Norwegian bokmål, and back to Danish', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    await page.goto('/');
    await assertPageLanguage(page, 'da', 'start.heading', { municipality: 'Furesø' });

    await switchTo(page, 'da', 'nb');
    assert.equal(new URL(page.url()).pathname, '/');
    await assertPageLanguage(page, 'nb', 'start.heading', { municipality: 'Furesø' });

    await page.goto('/contact');
    await assertPageLanguage(page, 'nb', 'contact.heading');
    assert.equal(await page.locator('label[for="name"]').innerText(), message('nb', 'contact.name'));

    await switchTo(page, 'nb', 'da');
    assert.equal(new URL(page.url()).pathname, '/contact');
    await assertPageLanguage(page, 'da', 'contact.heading');
  } finally {
    await context.close();
  }
});

test('a browser asking for English gets it until the visitor chooses otherwise; nb, no and nn mean bokmål', async () => {
  const { context, page } = await openPage(browser, { locale: 'en-GB', javaScript: false });
  try {
    await page.goto('/');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await switchTo(page, 'en', 'da');
    assert.equal(await page.locator('html').getAttribute('lang'), 'da', 'after choosing Dansk');
    await page.goto('/contact');
    assert.equal(await page.locator('html').getAttribute('lang'), 'da', 'the choice beats Accept-Language');
    // Norwegian browsers: the server answers in bokmål whichever Norwegian tag they send.
    for (const tag of ['nb-NO', 'no', 'nn-NO,nn;q=0.9']) {
      const response = await fetch(`${BASE_URL}/`, { headers: { 'Accept-Language': tag } });
      const html = await response.text();
      assert.match(html, /<html lang="nb">/, `Accept-Language: ${tag}`);
    }
  } finally {
    await context.close();
  }
});
