/**
 * Serves the demo article and opens it in a visible browser with the built extension installed.
 * Called by scripts/start.mjs once dependencies and the build are in place.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

const ROOT = resolve(import.meta.dirname, '..');
const DEMO_PAGE = resolve(ROOT, 'tests/fixtures/news7-pyongyang.html');
const GECKO_ID = 'margins@margins.app';

const [target = 'chromium', executablePath = ''] = process.argv.slice(2);

const html = await readFile(DEMO_PAGE);
const server = createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(html);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const demoUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/demo-article.html`;

const profile = await mkdtemp(join(tmpdir(), 'margins-profile-'));
let browser: Browser;
if (target === 'firefox') {
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: false,
    userDataDir: profile,
  });
  await browser.installExtension(resolve(ROOT, 'dist/firefox'));
  console.log(`Margins (${GECKO_ID}) is installed as a temporary add-on.`);
} else {
  const asRoot = process.getuid?.() === 0;
  browser = await puppeteer.launch({
    executablePath,
    headless: false,
    pipe: true,
    enableExtensions: true,
    userDataDir: profile,
    defaultViewport: null,
    args: ['--no-first-run', '--no-default-browser-check', ...(asRoot ? ['--no-sandbox'] : [])],
  });
  await browser.installExtension(resolve(ROOT, 'dist/chrome'));
}

const page = await browser.newPage();
await page.goto(demoUrl);
console.log(`Demo article: ${demoUrl}`);
console.log(
  'Click the Margins button in the toolbar (pin it from the extensions menu) to save it.',
);
console.log('Close the browser window to stop.');

browser.on('disconnected', () => {
  server.close();
  void rm(profile, { recursive: true, force: true }).then(() => process.exit(0));
});
