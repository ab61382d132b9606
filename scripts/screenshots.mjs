// Screenshots of the portal for the README (docs/screenshots/), taken from a running demo.
// Run through scripts/screenshots.sh, which finds Playwright (the copy the browser tests build)
// and Chromium. Not part of the test suite: it writes into docs/ only when run by hand.
//
//   PARITRANA_URL   the running demo (default http://localhost:5000)
//   SHOTS_DIR       where the PNG files go (default docs/screenshots)
//   SHOTS           only these shots, by name, comma-separated (default all)
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const playwright = await import(pathToFileURL(path.join(process.env.PLAYWRIGHT_PACKAGE, 'index.mjs')).href);
const base = process.env.PARITRANA_URL ?? 'http://localhost:5000';
const dir = process.env.SHOTS_DIR ?? 'docs/screenshots';
const password = process.env.DEMO_PASSWORD ?? 'Demo-Paritrana-2026';

const desktop = { viewport: { width: 1366, height: 768 } };
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

// Each shot: who signs in, how the page is reached, and the sizes it is taken at.
const shots = [
  {
    name: 'scorecard',
    account: 'anggota.bali@paritrana.demo',
    // The member's first outstanding card ("Penilaian saya"): the demo's draft on Bali's government.
    open: async (page) => {
      await page.goto(base + '/Scoring');
      await page.locator('a[href*="/Scoring/Card"]').first().click();
      await page.waitForSelector('#scorecard-form');
    },
    sizes: { desktop, phone },
  },
  {
    name: 'home',
    account: 'ketua.bali@paritrana.demo',
    // The chair's "Tugas saya": the stage of the province, the committee's outstanding cards, the nominations waiting.
    open: async (page) => {
      await page.goto(base + '/');
      await page.waitForSelector('[data-testid=stage]');
    },
    sizes: { desktop, phone },
  },
  {
    name: 'coverage-province',
    account: 'ketua.bali@paritrana.demo',
    // Bali's coverage (issue 16): the cards of the latest month and coverage over time, drawn.
    open: async (page) => {
      await page.goto(base + '/Participation/Province/51');
      await page.waitForSelector('canvas[data-chart=trend]');
    },
    sizes: { desktop, phone },
  },
  {
    name: 'coverage-national',
    account: 'admin@paritrana.demo',
    // The country's tile map of the provinces, coloured by coverage.
    open: async (page) => {
      await page.goto(base + '/Participation/National');
      await page.locator('#map-heading').scrollIntoViewIfNeeded();
      await page.evaluate(() => document.getElementById('map-heading').scrollIntoView());
    },
    sizes: { desktop, phone },
  },
  {
    name: 'interviews',
    account: 'juri3@paritrana.demo',
    // The national interview schedule of 2021 as a juror reads it: WIB and the candidate's WITA, their own seats marked.
    open: async (page) => {
      await page.goto(base + '/National/Interviews?cycle=2021');
      await page.waitForSelector('[data-testid=interview-row]');
    },
    sizes: { desktop, phone },
  },
];

const browser = await playwright.chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const only = process.env.SHOTS ? process.env.SHOTS.split(',') : null;
  for (const shot of shots.filter((s) => !only || only.includes(s.name))) {
    for (const [size, options] of Object.entries(shot.sizes)) {
      const context = await browser.newContext({ ...options, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
      const page = await context.newPage();
      await page.goto(base + '/Account/Login');
      await page.fill('#Input_Email', shot.account);
      await page.fill('#Input_Password', password);
      await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
      await shot.open(page);
      const file = path.join(dir, `${shot.name}-${size}.png`);
      await page.screenshot({ path: file });
      console.log(`${file} (${options.viewport.width}x${options.viewport.height})`);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
