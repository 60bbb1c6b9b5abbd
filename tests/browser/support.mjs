// Shared helpers for the browser tests (run them with tests/browser/run.sh BUILD_DIR).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
if (!BASE_URL) throw new Error('BASE_URL is not set; run the suite with tests/browser/run.sh BUILD_DIR');

export const LANGUAGES = ['da', 'nb', 'en'];
export const LANGUAGE_NAMES = { da: 'Dansk', nb: 'Norsk', en: 'English' };

// The suite's shared Chromium when run.sh started one (BROWSER_WS_ENDPOINT), else a new one.
// close() on a connected browser closes this file's contexts and disconnects, nothing more.
export function launchBrowser() {
  const endpoint = process.env.BROWSER_WS_ENDPOINT;
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

// A fresh context (own cookies) and page. `locale` drives Accept-Language; Danish unless a
// test says otherwise. `lang` presets the language cookie the language switch would set.
export async function openPage(browser, { javaScript = true, locale = 'da-DK', lang, viewport } = {}) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale,
    javaScriptEnabled: javaScript,
    viewport: viewport || { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(10_000);
  if (lang) await context.addCookies([{ name: 'lang', value: lang, url: BASE_URL }]);
  const page = await context.newPage();
  return { context, page };
}

// Catalog text, read from messages/<lang>.toml so the tests follow copy edits. Handles the
// subset the catalogs use: [dotted.sections] and key = "basic string" lines.
const catalogs = new Map();
export function message(lang, key) {
  if (!catalogs.has(lang)) {
    const entries = new Map();
    let section = '';
    const text = readFileSync(path.join(ROOT, 'messages', `${lang}.toml`), 'utf8');
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const header = line.match(/^\[([^\]]+)\]$/);
      if (header) {
        section = header[1].trim();
        continue;
      }
      const pair = line.match(/^([A-Za-z0-9_.-]+)\s*=\s*("(?:[^"\\]|\\.)*")\s*(#.*)?$/);
      if (pair) entries.set(section ? `${section}.${pair[1]}` : pair[1], JSON.parse(pair[2]));
    }
    catalogs.set(lang, entries);
  }
  const value = catalogs.get(lang).get(key);
  if (value === undefined) throw new Error(`messages/${lang}.toml has no ${key}`);
  return value;
}

// The catalog text as the page shows it, with {placeholders} filled in.
export function render(lang, key, values = {}) {
  return message(lang, key).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? `{${name}}`);
}

// Records what should never happen on a page: console errors and warnings, uncaught exceptions,
// Content-Security-Policy violations, failed requests and HTTP errors for sub-resources.
// Call before the first navigation.
export async function watchProblems(page, { allowStatus = [] } = {}) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error' && msg.type() !== 'warning') return;
    // Chromium logs every 4xx fetch ("… responded with a status of 422"); expected ones are fine.
    const status = msg.text().match(/responded with a status of (\d+)/);
    if (status && allowStatus.includes(Number(status[1]))) return;
    problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !allowStatus.includes(response.status())) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  await page.context().addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return {
    problems,
    async cspViolations() {
      return page.evaluate(() => window.__cspViolations || []);
    },
  };
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// axe's serious and critical WCAG 2.1 A/AA violations on the page as it is now, one line each.
export async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

// Submits the contact form and returns the response to the POST (the 422/403 page, or the 303
// redirect when valid). Works for both a full form post and an htmx-boosted one.
export async function submitContact(page) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/contact'),
    page.locator('form[action="/contact"] button[type="submit"]').click(),
  ]);
  return response;
}

// Logs `page` in as one of the demo's people (all share the demo password) through the login form.
export const DEMO_PASSWORD = 'samskab-demo-2026';
export async function logInAsDemo(page, email = 'admin@demo.samskab.dk') {
  await page.goto('/login');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL('**/account'), page.locator('form[action="/login"] button[type="submit"]').click()]);
}

// A statement on the demo database run.sh serves (reading, and writing tables without
// samskab's own SQL functions: the sqlite3 shell cannot write opportunities), its output trimmed.
export function sql(statement) {
  const db = process.env.SAMSKAB_BROWSER_DB;
  assert.ok(db, 'SAMSKAB_BROWSER_DB is set by run.sh');
  return execFileSync('sqlite3', ['-cmd', '.timeout 5000', db, statement], { encoding: 'utf8' }).trim();
}
