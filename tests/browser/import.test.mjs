// The CSV import in a browser, on the `samskab demo` data: the demo's employee (Plejecenter
// Lillevang) goes from the overview to the import, uploads a small spreadsheet, maps a column,
// reads the preview (one row names a unit that does not exist), imports only the valid rows and
// sees the result — once without JavaScript, and once with it (htmx boost) running axe
// (WCAG 2.1 A/AA) on every step (axe itself needs JavaScript). Titles are unique per run.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, message, openPage, seriousViolations, watchProblems, logInAsDemo } from './support.mjs';

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// Submits the form posting to `action` and returns the response to the POST.
async function submit(page, action) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === action),
    page.locator(`form[action="${action}"] button[type="submit"]`).click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

async function importFlow({ javaScript }) {
  const { context, page } = await openPage(browser, { javaScript });
  const checkAxe = async (step) => {
    if (!javaScript) return;
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], `${step} has axe violations:\n  ${violations.join('\n  ')}`);
  };
  const tag = `${RUN}${javaScript ? 'js' : 'nojs'}`;
  try {
    const watch = await watchProblems(page);
    await logInAsDemo(page, 'medarbejder@demo.samskab.dk');

    await page.goto('/admin/0190/collaborations');
    await page.getByRole('link', { name: message('da', 'import.link') }).click();
    await page.waitForURL('**/admin/0190/collaborations/import');
    await checkAxe('the upload form');

    const file = [
      'Titel;Center/enhed;Startdato;Hvor',
      `Højtlæsning ${tag};Plejecenter Lillevang;01-09-2026;Farum`,
      `Andres forløb ${tag};Ukendt center;2026-09-01;Værløse`,
    ].join('\r\n');
    await page.locator('#file').setInputFiles({ name: 'oversigt.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    const uploaded = await submit(page, '/admin/0190/collaborations/import');
    assert.equal(uploaded.status(), 303);
    await page.waitForURL(/\/admin\/0190\/collaborations\/import\/\d+$/);
    const importPath = new URL(page.url()).pathname;
    await checkAxe('the preview');
    // The problem is named by row and column.
    const problem = page.locator('table.samskab-admin-table tbody tr').first();
    assert.deepEqual(await problem.locator('td').allInnerTexts(),
      ['3', 'Center/enhed', message('da', 'import.error.unknown_unit')]);

    // "Hvor" is not recognised by itself: map it to the locality.
    assert.equal(await page.locator('#column_3').inputValue(), '');
    await page.locator('#column_3').selectOption('locality');
    const mapped = await submit(page, `${importPath}/mapping`);
    assert.equal(mapped.status(), 303);
    await page.locator('#column_3').waitFor();
    assert.equal(await page.locator('#column_3').inputValue(), 'locality');
    await checkAxe('the preview after mapping');

    await page.locator('#mode').selectOption('valid_only');
    const imported = await submit(page, `${importPath}/run`);
    assert.equal(imported.status(), 303);
    await page.locator('main h2').first().waitFor();
    assert.equal((await page.locator('main h2').first().innerText()).trim(), message('da', 'import.result_heading'));
    assert.equal((await page.locator('main table td').first().innerText()).trim(), '1');
    await checkAxe('the result');

    await page.goto(`/admin/0190/collaborations?q=${encodeURIComponent(tag)}`);
    assert.equal(await page.getByRole('link', { name: `Højtlæsning ${tag}` }).count(), 1);
    assert.equal(await page.getByRole('link', { name: `Andres forløb ${tag}` }).count(), 0);
    assert.deepEqual(watch.problems, []);
    if (javaScript) assert.deepEqual(await watch.cspViolations(), []);
  } finally {
    await context.close();
  }
}

test('without JavaScript: an employee uploads a spreadsheet, maps it, previews it and imports the valid rows', () =>
  importFlow({ javaScript: false }));

test('with JavaScript (htmx boost): the same steps, with no serious or critical axe violations on any', () =>
  importFlow({ javaScript: true }));
