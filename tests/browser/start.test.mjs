// The start page: Danish by default, the design system loads, a clean console, the skip link,
// and the screenshot in docs/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { ROOT, launchBrowser, message, openPage, render, watchProblems } from './support.mjs';

const MUNICIPALITY = 'Furesø';
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the start page is in Danish by default, with the municipality in the header and one h1', async () => {
  // A browser that asks for none of the offered languages (German) gets Danish, and so does a
  // Danish one. Without JavaScript, to see the page exactly as the server sends it.
  for (const locale of ['de-DE', 'da-DK']) {
    const { context, page } = await openPage(browser, { locale, javaScript: false });
    try {
      const response = await page.goto('/');
      assert.equal(response.status(), 200, `${locale}: status`);
      assert.equal(response.headers()['content-language'], 'da', `${locale}: Content-Language`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'da', `${locale}: <html lang>`);
      assert.equal((await page.locator('header .solution-heading').innerText()).trim(), MUNICIPALITY);
      assert.match(await page.title(), new RegExp(`${MUNICIPALITY}`));
      const h1 = page.locator('h1');
      assert.equal(await h1.count(), 1, 'exactly one h1');
      assert.equal((await h1.innerText()).trim(), render('da', 'start.heading', { municipality: MUNICIPALITY }));
      const menu = page.getByRole('navigation', { name: message('da', 'layout.main_menu') });
      const current = menu.locator('a[aria-current="page"]');
      assert.equal((await current.innerText()).trim(), message('da', 'nav.start'));
    } finally {
      await context.close();
    }
  }
});

test('the dkfds design system and samskab styles are applied', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto('/');
    await page.evaluate(() => document.fonts.ready);
    const styles = await page.evaluate(() => {
      const offers = document.querySelector('.samskab-offers');
      return {
        bodyFont: getComputedStyle(document.body).fontFamily,
        // dkfds's base size: 62.5% root, 1.6rem body text
        bodyFontSize: getComputedStyle(document.body).fontSize,
        plexLoaded: [...document.fonts].some((f) => /IBM Plex Sans/.test(f.family) && f.status === 'loaded'),
        buttonRadius: getComputedStyle(document.querySelector('.button-primary')).borderRadius,
        offersDisplay: offers && getComputedStyle(offers).display,
        scriptsRan: Boolean(window.DKFDS && window.htmx),
      };
    });
    assert.match(styles.bodyFont, /IBM Plex Sans/, 'body font from dkfds');
    assert.equal(styles.bodyFontSize, '16px');
    assert.ok(styles.plexLoaded, 'the IBM Plex Sans web font was downloaded');
    assert.notEqual(styles.buttonRadius, '0px', 'dkfds button styles');
    assert.equal(styles.offersDisplay, 'grid', 'assets/app.css applied');
    assert.ok(styles.scriptsRan, 'dkfds.js and htmx ran under the Content-Security-Policy');
  } finally {
    await context.close();
  }
});

test('the start page logs no console errors, page errors or CSP violations', async () => {
  const { context, page } = await openPage(browser);
  try {
    const watch = await watchProblems(page);
    await page.goto('/');
    await page.evaluate(() => document.fonts.ready);
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(200);
    assert.deepEqual(await watch.cspViolations(), [], 'CSP violations');
    assert.deepEqual(watch.problems, [], 'console and network problems');
  } finally {
    await context.close();
  }
});

test('the skip link is the first tab stop and moves focus to the main content', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto('/contact');
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skipnav');
    assert.equal(await skip.evaluate((el) => el === document.activeElement), true, 'skip link focused first');
    assert.equal((await skip.innerText()).trim(), message('da', 'layout.skip_to_content'));
    // dkfds slides the focused skip link into view with a CSS transition: wait for it to arrive.
    const onScreen = await page
      .waitForFunction(() => {
        const box = document.querySelector('a.skipnav').getBoundingClientRect();
        return box.top >= 0 && box.height > 0;
      }, null, { timeout: 3000 })
      .then(() => true, () => false);
    assert.ok(onScreen, 'the focused skip link is on screen');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main-content');
    assert.equal(new URL(page.url()).hash, '#main-content');
    // The next Tab continues inside the main content, past the header.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => document.querySelector('main').contains(document.activeElement));
    assert.ok(inMain, 'the next tab stop is inside <main>');
  } finally {
    await context.close();
  }
});

test('screenshot of the start page (docs/screenshot-start.png)', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    await page.goto('/');
    await page.evaluate(() => document.fonts.ready);
    const file = path.join(ROOT, 'docs', 'screenshot-start.png');
    mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    const png = readFileSync(file);
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1280, 900]);
    // The layout the screenshot shows: the language choices side by side in the top bar, the
    // main menu items side by side, the h1 below the header, all in the first screen.
    const tops = async (selector) =>
      page.locator(selector).evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    const languageTops = await tops('header nav[aria-label="' + message('da', 'layout.language_menu') + '"] li:visible');
    assert.equal(languageTops.length, 3, 'three languages');
    assert.equal(new Set(languageTops).size, 1, `languages on one line: ${languageTops}`);
    const menuTops = await tops('header nav[aria-label="' + message('da', 'layout.main_menu') + '"] ul.mainmenu > li:visible');
    assert.equal(menuTops.length, 3, 'three menu items: start, contact, log in');
    assert.equal(new Set(menuTops).size, 1, `menu items on one line: ${menuTops}`);
    const header = await page.locator('header').boundingBox();
    const h1 = await page.locator('h1').boundingBox();
    assert.ok(header.height < 300, `header height ${header.height}`);
    assert.ok(h1.y >= header.y + header.height && h1.y + h1.height < 900, 'h1 below the header, on screen');
  } finally {
    await context.close();
  }
});

test('on a phone-sized screen the menu and the language switch stay usable, without sideways scrolling', async () => {
  // dkfds hides .navigation-menu below its desktop breakpoint (it expects a mobile drawer);
  // assets/app.css keeps samskab's short menu visible instead.
  const { context, page } = await openPage(browser, { viewport: { width: 360, height: 740 } });
  try {
    await page.goto('/contact');
    const menu = page.getByRole('navigation', { name: message('da', 'layout.main_menu') });
    for (const key of ['nav.start', 'nav.contact', 'nav.login']) {
      assert.ok(await menu.getByRole('link', { name: message('da', key) }).isVisible(), `${key} visible`);
    }
    const languages = page.getByRole('navigation', { name: message('da', 'layout.language_menu') });
    assert.ok(await languages.getByRole('link', { name: 'English' }).isVisible(), 'language links visible');
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(widths[0] <= widths[1], `page width ${widths[0]} fits the ${widths[1]} px screen`);
  } finally {
    await context.close();
  }
});
