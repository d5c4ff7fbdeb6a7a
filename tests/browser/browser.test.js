// The dashboard and the playground in headless Chromium (Debian's /usr/bin/chromium through playwright-core; no
// browser is downloaded), against a real coordinator and two peers. Without Chromium this says so and, under
// CI=true, fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '../../clients/js/p2c2r.js';
import { startNetwork } from '../../clients/js/test/network.js';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const docs = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs');
const missing = !existsSync(CHROMIUM) ? `MISSING PART: no Chromium at ${CHROMIUM} (apt-get install chromium)` : null;
if (missing) {
  console.error(missing);
  if (process.env.CI === 'true') throw new Error(missing);
}

let net, context, profile;

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

before(async () => {
  if (missing) return;
  const { chromium } = await import('playwright-core');
  const http = await freePort();
  net = await startNetwork({ peers: 2, coordinatorArgs: ['--http-port', String(http), '--allow-origin', `http://127.0.0.1:${http}`] });
  profile = mkdtempSync(join(tmpdir(), 'p2c2r-chromium-'));
  // A fresh --user-data-dir: a persistent context on a new folder is how Playwright takes one.
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS,
    viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await context?.close();
  await net?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('dashboard: shows both peers, and its counters move while tasks flow', { skip: missing ?? false }, async () => {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(net.httpUrl + '/');
  await page.locator('tr[data-peer="peer_js_0"]').waitFor({ timeout: 30_000 });
  await page.locator('tr[data-peer="peer_js_1"]').waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('#peers-online').textContent(), '2');
  const before = Number(await page.locator('#completed').textContent());
  const gamer = await connect({ url: net.url, gamerId: 'gamer_dash' });
  try {
    const tasks = [];
    for (let i = 0; i < 8; i++) tasks.push(gamer.submit('ai_pathfinding', { width: 32, height: 32, start: [i, 0], end: [31, 31] }));
    for (const r of await Promise.all(tasks)) assert.equal(r.status, 'completed', JSON.stringify(r));
  } finally {
    gamer.close();
  }
  await page.waitForFunction((n) => Number(document.getElementById('completed').textContent) >= n, before + 8, { timeout: 30_000 });
  await page.locator('#tasks tr').first().waitFor();
  assert.ok(await page.locator('#tasks tr').count() >= 8);
  if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: join(docs, 'dashboard.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('playground: runs a pathfinding task and draws the path; renders a ray-traced image', { skip: missing ?? false }, async () => {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(net.httpUrl + '/play?type=ai_pathfinding');
  // The page's module fills the form after fetching /api/types (the nine options are its last step before the
  // handlers): typing before that would be overwritten by its default gamer id.
  await page.locator('#type option').nth(8).waitFor({ state: 'attached', timeout: 30_000 });
  await page.fill('#gamer', 'gamer_play');
  await page.click('#connect');
  await page.locator('#submit:not([disabled])').waitFor({ timeout: 30_000 });
  const data = { width: 24, height: 24, start: [0, 0], end: [23, 23], obstacles: [[5, 5], [6, 6], [7, 7], [12, 3], [3, 12]] };
  await page.fill('#data', JSON.stringify(data));
  await page.click('#submit');
  await page.locator('#result-ok').waitFor({ timeout: 60_000 });
  const cells = Number(await page.locator('#grid').getAttribute('data-cells'));
  assert.ok(cells >= 24, `the path has ${cells} cells`);
  assert.ok(await page.evaluate(() => localStorage.getItem('p2c2r.gamer.gamer_play.token')?.length > 0), 'token kept');
  if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: join(docs, 'play-path.png'), fullPage: true });

  await page.selectOption('#type', 'rt_shadows');
  await page.click('#submit');
  await page.locator('#result-ok').waitFor({ timeout: 120_000 });
  const img = page.locator('img.result-image').first();
  await img.waitFor();
  assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 0), 'the PNG decodes in the browser');
  if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: join(docs, 'play-image.png'), fullPage: true });
  assert.deepEqual(errors, []);
});
