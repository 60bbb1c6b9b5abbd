// A need's proposals in a browser, on the `samskab demo` data plus one need and two volunteers
// written into the database file (the needs and profiles pages are other parts' work): staff see
// the volunteers ranked with their reasons, mark one as not relevant without JavaScript (it is no
// longer proposed) and the other as contacted; axe finds nothing serious on the page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';

import { launchBrowser, logInAsDemo, message, openPage, seriousViolations, watchProblems } from './support.mjs';

const ADMIN = 'admin@demo.samskab.dk';
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

function sql(statement) {
  const db = process.env.SAMSKAB_BROWSER_DB;
  assert.ok(db, 'SAMSKAB_BROWSER_DB is set by run.sh');
  return execFileSync('sqlite3', ['-cmd', '.timeout 5000', db, statement], { encoding: 'utf8' }).trim();
}

// A volunteer as the profile pages write one: the profile and its change log entry.
function volunteer(name, postcode) {
  const now = new Date().toISOString().slice(0, 19) + 'Z';
  const email = `${name.toLowerCase().replace(/ /g, '.')}.${RUN}@example.org`;
  return sql(`BEGIN; INSERT INTO users (email, display_name, password_hash, created_at) VALUES ('${email}', '${name}', 'x', '${now}');
    INSERT INTO volunteer_profiles (user_id, skills, skill_tags, languages, availability, postcode, travel_km, welfare_areas, target_groups,
      visibility, consent_matching, created_at, updated_at)
      VALUES (last_insert_rowid(), ',visiting_friend,', ',kaffe,', ',da,', 7, '${postcode}', 15, ',elderly,', ',lonely,', 'municipalities', 1, '${now}', '${now}');
    INSERT INTO market_changes (kind, record_id, changed_at) VALUES ('volunteer', last_insert_rowid(), '${now}');
    SELECT record_id FROM market_changes ORDER BY id DESC LIMIT 1; COMMIT;`);
}

let browser;
let needId;
const first = `Anna ${RUN}`;
const second = `Bent ${RUN}`;
before(async () => {
  browser = await launchBrowser();
  volunteer(first, '3520');
  volunteer(second, '3500');
  const now = new Date().toISOString().slice(0, 19) + 'Z';
  needId = sql(`INSERT INTO needs (municipality_code, unit_id, title, description, skills, languages, welfare_area, target_group,
      availability, postcode, created_at, updated_at)
    SELECT '0190', id, 'Besøgsven ${RUN}', 'Kaffe og gåture med ensomme ældre.', ',visiting_friend,', ',da,', 'elderly', 'lonely', 7, '3520',
      '${now}', '${now}' FROM units WHERE municipality_code = '0190' ORDER BY id LIMIT 1;
    SELECT MAX(id) FROM needs;`);
});
after(async () => {
  await browser?.close();
});

test('without JavaScript: staff see the reasons and mark proposals', async () => {
  const { context, page } = await openPage(browser, { javaScript: false });
  try {
    const watch = await watchProblems(page);
    await logInAsDemo(page, ADMIN);
    await page.goto(`/admin/0190/needs/${needId}/matches`);
    const volunteers = page.locator('table').first();
    assert.match(await volunteers.innerText(), new RegExp(first));
    assert.match(await volunteers.innerText(), new RegExp(second));
    assert.match(await volunteers.innerText(), new RegExp(message('da', 'matches.reason.welfare_area')));
    // The first row is the nearer volunteer.
    assert.match(await volunteers.locator('tbody tr').first().innerText(), new RegExp(first));

    const row = (name) => volunteers.locator('tbody tr', { hasText: name });
    await row(second).getByRole('button', { name: new RegExp(message('da', 'matches.action.not_relevant')) }).click();
    await page.waitForURL(/notice=matches.marked/);
    assert.doesNotMatch(await page.locator('table').first().innerText(), new RegExp(second));
    await row(first).getByRole('button', { name: new RegExp(message('da', 'matches.action.contacted')) }).click();
    await page.waitForURL(/notice=matches.marked/);
    assert.match(await row(first).innerText(), new RegExp(message('da', 'matches.mark.contacted')));
    assert.deepEqual(watch.problems, []);
  } finally {
    await context.close();
  }
});

test('the proposals page has no serious axe violations', async () => {
  const { context, page } = await openPage(browser);
  try {
    await logInAsDemo(page, ADMIN);
    await page.goto(`/admin/0190/needs/${needId}/matches`);
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], `matches page has axe violations:\n  ${violations.join('\n  ')}`);
  } finally {
    await context.close();
  }
});
