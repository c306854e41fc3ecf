import type { Page } from 'playwright-core';
import { screenshot, waitForText } from '../support/browser';
import { journey, signIn, visible } from '../support/journey';

// 刘阿姨 needs a sturdy walking stick. She posts it as a 微心愿; 张建国 approves it for the 心愿墙, where it shows without
// her name; 孙师傅, an approved volunteer, claims it, brings the stick and marks it done; she confirms, and his 我的幸福币
// shows the coins the studio gives for a fulfilled wish. Real Chromium, the H5 build, serverless-offline, DynamoDB Local.
describe('a 微心愿 posted, approved, claimed, fulfilled and confirmed', () => {
  const j = journey();
  const confirmModal = (page: Page, label: string) => page.locator('.taro-modal__foot').getByText(label, { exact: true }).click();
  const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))); // Taro H5 hands typed text over a frame later
  const tab = (page: Page, label: string) => page.locator('.wish-tab', { hasText: label }).filter({ visible: true }).first().click();
  const title = `想要一根结实的拐杖${String(Date.now()).slice(-3)}`;
  const wishCard = (page: Page) => page.locator('.wish-card', { hasText: title }).filter({ visible: true }).first();

  /** Opens the stand's page (that is how the app knows the studio), signs in, then 我的 → 微心愿. */
  async function openWishes(page: Page, persona: string, name: string) {
    await page.goto(j.stack.standUrl);
    await signIn(page, persona);
    await waitForText(visible(page, '.greeting'), name);
    await page.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await visible(page, '.wishes-entry').click();
  }

  it('goes from 许个心愿 to 已圆梦, and the volunteer sees his coins', async () => {
    const resident = await j.phone();
    const rep = await j.phone();
    const volunteer = await j.phone();

    // she posts the wish from 我的心愿
    await openWishes(resident, 'resident', '刘阿姨');
    await tab(resident, '我的心愿');
    await visible(resident, '.wish-title-input input').fill(title);
    await visible(resident, '.wish-details-input textarea').fill('腿脚不好，想要带四个脚的');
    await settle(resident);
    await visible(resident, '.wish-submit').click();
    await waitForText(wishCard(resident).locator('.wish-status'), '待审核');
    await screenshot(resident, 'wish-posted');

    // the representative approves it: 我的 → 心愿审核
    await rep.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(rep, 'rep1');
    await visible(rep, '.rep-wishes-entry').click();
    await wishCard(rep).locator('.wish-approve').click();
    await waitForText(visible(rep, '.wish-review-page'), '待审核的心愿');
    await wishCard(rep).waitFor({ state: 'detached' });

    // on the wall the volunteer sees it without her name, and claims it
    await openWishes(volunteer, 'volunteer', '孙师傅');
    await waitForText(wishCard(volunteer).locator('.wish-who'), '心愿人：刘**');
    await wishCard(volunteer).locator('.wish-act--claim').click();
    await confirmModal(volunteer, '确定');
    await waitForText(wishCard(volunteer).locator('.wish-status'), '已认领');
    await screenshot(volunteer, 'wish-claimed');

    // he brings the stick and marks it done, with a note
    await tab(volunteer, '我认领的');
    await wishCard(volunteer).locator('.wish-act--fulfil').click();
    await visible(volunteer, '.fulfil-note input').fill('送去了一根四脚拐杖');
    await settle(volunteer);
    await visible(volunteer, '.fulfil-send').click();
    await waitForText(wishCard(volunteer).locator('.wish-status'), '已完成待确认');

    // she confirms
    await resident.reload();
    await tab(resident, '我的心愿');
    await waitForText(wishCard(resident).locator('.wish-note'), '完成情况：送去了一根四脚拐杖');
    await wishCard(resident).locator('.wish-act--confirm').click();
    await confirmModal(resident, '确定');
    await waitForText(wishCard(resident).locator('.wish-status'), '已圆梦');
    await screenshot(resident, 'wish-confirmed');

    // his 我的幸福币: the studio's coins for a fulfilled wish
    await volunteer.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await visible(volunteer, '.coins-entry').click();
    await waitForText(visible(volunteer, '.coin-balance'), '10', { exact: true });
    await waitForText(visible(volunteer, '.coin-entry-what'), `获得：圆一个微心愿：${title}`);
    await screenshot(volunteer, 'wish-coins');
  }, 240_000);
});
