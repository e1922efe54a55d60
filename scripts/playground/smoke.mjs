// Drives the Microsoft 365 Agents Playground's web UI in headless Chromium, as a Teams user would:
// opens the personal chat (the playground installs the bot: a welcome card), types "trợ giúp" and checks the
// help card, clicks the checklist button, then answers the card that comes back by clicking its first button;
// last, in the team's General channel, "@<bot> trợ giúp" must get the same help card.
// Usage: node smoke.mjs <playground-url> <repository-root> [screenshot.png]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [playgroundUrl = 'http://127.0.0.1:56150', root = '../..', screenshot] = process.argv.slice(2);
const content = join(root, 'Knowledge', 'Content');
const menu = JSON.parse(readFileSync(join(content, 'ui.json'), 'utf8')).menu;
// The help reply's first line, without its Markdown, is what the card must show.
const helpLine = readFileSync(join(content, 'templates', 'help.sbn'), 'utf8').split('\n')[0].replace(/[*_]/g, '').trim();
const checklist = menu.find(b => b.value === 'danh mục việc cần làm') ?? menu[1];
const timeout = 20000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const failures = [];
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
page.on('pageerror', e => failures.push(`page error: ${e.message}`));
const cards = page.locator('.ac-adaptiveCard');

// Does `action` and waits for a new reply card (one containing `expected`, when given: a welcome may arrive first).
async function nextCard(count, action, what, expected) {
  await action();
  const index = await page.waitForFunction(([n, text]) => {
    const found = [...document.querySelectorAll('.ac-adaptiveCard')].slice(n)
      .findIndex(c => !text || c.innerText.replace(/\s+/g, ' ').includes(text));
    return found < 0 ? null : { index: n + found };
  }, [count, expected], { timeout })
    .then(async h => (await h.jsonValue()).index)
    .catch(() => { throw new Error(`no reply card${expected ? ` saying "${expected}"` : ''} after ${what}`); });
  const card = cards.nth(index);
  const text = (await card.innerText()).replace(/\s+/g, ' ').trim();
  console.log(`bot (after ${what}): ${text.slice(0, 160)}${text.length > 160 ? '…' : ''}`);
  return { card, text };
}

async function typeMessage(text) {
  await page.getByRole('textbox').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

try {
  await page.goto(playgroundUrl, { waitUntil: 'load' });
  const welcome = await nextCard(0, () => page.getByText('Personal Chat', { exact: true }).first().click(), 'opening the personal chat');
  if (!(await welcome.card.locator('button').count())) throw new Error('the welcome card has no buttons');

  const help = await nextCard(await cards.count(), () => typeMessage('trợ giúp'), 'typing "trợ giúp"', helpLine);

  // The checklist: the bot first offers to create the unit (Có), asks its name (typed), its type (a card),
  // its headcount (Bỏ qua), then shows item 1 of the checklist as a card, answered by its first button.
  const offer = await nextCard(await cards.count(),
    () => help.card.locator(`button[aria-label="${checklist.title}"]`).click(), `clicking "${checklist.title}"`);
  await offer.card.locator('button').first().click();
  await page.waitForTimeout(1000);
  const kind = await nextCard(await cards.count(), () => typeMessage('Trường THPT Playground'), 'typing the unit name');
  const headcount = await nextCard(await cards.count(), () => kind.card.locator('button').first().click(), 'choosing the unit type');
  const item = await nextCard(await cards.count(), () => headcount.card.locator('button').first().click(), 'skipping the headcount', '1/');
  const answer = await item.card.locator('button').first().getAttribute('aria-label');
  await nextCard(await cards.count(), () => item.card.locator('button').first().click(), `answering item 1 with "${answer}"`);

  // In a team channel the bot hears only @mentions: pick the bot from the mention list, as a user would.
  const botName = (await (await fetch(new URL('/_internal/v1/config', playgroundUrl))).json()).config.bot.name;
  await page.locator('[aria-label="My Team - General"]').first().click();
  await nextCard(await cards.count(), async () => {
    await page.getByRole('textbox').last().click();
    await page.keyboard.type(`@${botName.slice(0, 4)}`);
    await page.getByRole('option', { name: botName }).or(page.locator(`[role=listbox] >> text=${botName}`)).first().click();
    await page.keyboard.type(' trợ giúp');
    await page.keyboard.press('Enter');
  }, `"@${botName} trợ giúp" in the General channel`, helpLine);
  if (failures.length) throw new Error(failures.join('; '));
  console.log('playground smoke: passed');
} catch (e) {
  console.error(`playground smoke: FAILED: ${e.message}`);
  process.exitCode = 1;
} finally {
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  await browser.close();
}
