// Drives the explorer in headless Chromium: search, open an account, read its decision
// chain and cross-sell explanation, save a screenshot. Prints what it saw as JSON.
// usage: node browser.mjs <base url> <api key> <search text> <screenshot.png>
import { chromium } from 'playwright-core';

const [base, key, text, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base + '/');
  await page.fill('#key', key);
  await page.dispatchEvent('#key', 'change');
  await page.fill('#search', text);
  await page.press('#search', 'Enter');
  await page.click('#results li button:not([disabled])');
  await page.waitForSelector('#chain tbody tr');
  await page.waitForSelector('#cross-sell .explanation');
  await page.waitForFunction(() => document.querySelectorAll('#graph canvas').length > 0);
  const seen = await page.evaluate(() => ({
    account: document.querySelector('#account-name').textContent,
    chain: [...document.querySelectorAll('#chain tbody tr')].map((r) => r.innerText),
    crossSell: [...document.querySelectorAll('#cross-sell .explanation')].map((e) => e.textContent),
    signals: [...document.querySelectorAll('#signals li')].map((e) => e.innerText),
  }));
  await page.screenshot({ path: screenshot, fullPage: true });
  const graphiql = await browser.newPage();
  graphiql.on('pageerror', (e) => errors.push('graphiql: ' + String(e)));
  await graphiql.goto(base + '/graphql');
  await graphiql.waitForSelector('.graphiql-container', { timeout: 15000 });
  seen.graphiql = true;
  seen.errors = errors;
  console.log(JSON.stringify(seen));
} finally {
  await browser.close();
}
