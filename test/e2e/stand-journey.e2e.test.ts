import type { Page } from 'playwright-core';
import { screenshot, waitForText } from '../support/browser';
import { journey } from '../support/journey';

// A resident at the market scans the stand's code, signs in and sees what the stand offers today —
// in real Chromium, against the H5 build, the API under serverless-offline and DynamoDB Local.
describe('a resident scans the stand’s code', () => {
  const j = journey();
  let page: Page;

  beforeAll(async () => {
    page = await j.phone();
  });

  it('opens the stand page from the scene URL, signs in as the demo resident and sees the services', async () => {
    await page.goto(j.stack.standUrl);
    await waitForText(page.locator('.stand-studio-name').filter({ visible: true }).first(), '洛社镇党代表工作室', { exact: true });
    await waitForText(page.locator('.stand-venue-name').filter({ visible: true }).first(), '洛社农贸集市');
    await screenshot(page, 'stand-signed-out');

    await page.locator('.login-button').filter({ visible: true }).first().click();
    await page.locator('.persona-resident').filter({ visible: true }).first().click();

    await waitForText(page.locator('.greeting').filter({ visible: true }).first(), '刘阿姨');
    const names = await page.locator('.service-card .service-name').allTextContents();
    expect(names.map((n) => n.trim())).toEqual(['量血压', '磨剪刀', '修鞋', '家电维修', '义诊']);
    await waitForText(page.locator('.slot-left').filter({ visible: true }).first(), '4');
    await screenshot(page, 'stand-signed-in');
  }, 180_000);

  it('opens the stand again with no signal: the stand as last seen, marked and not bookable; 重试 once the signal is back', async () => {
    const again = await page.context().newPage();
    const noSignal = '**/stands/by-scene/**';
    await again.route(noSignal, (route) => route.abort('internetdisconnected'));
    await again.goto(j.stack.standUrl);
    const notice = again.locator('.notice--remembered').filter({ visible: true }).first();
    await waitForText(notice, '暂时没能更新');
    await waitForText(notice, '看到的信息，余位以更新后为准');
    const names = await again.locator('.service-card .service-name').allTextContents();
    expect(names.map((n) => n.trim())).toContain('量血压');
    expect(await again.locator('.slot--open').count()).toBe(0);
    await screenshot(again, 'stand-remembered-no-signal');

    await again.unroute(noSignal);
    await again.locator('.refresh-button').filter({ visible: true }).first().click();
    await again.locator('.notice--remembered').waitFor({ state: 'detached', timeout: 30_000 });
    await again.locator('.slot--open').first().waitFor({ timeout: 15_000 });
    await again.close();
  }, 120_000);
});
