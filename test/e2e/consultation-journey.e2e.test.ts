import type { Page } from 'playwright-core';
import { screenshot, waitForText } from '../support/browser';
import { journey, signIn, visible } from '../support/journey';

// Residents of the east gate cannot park at night. 张建国 calls a 议事协商 on the matter the 院落议事会 raised (demo
// data); 刘阿姨 signs up from 我的 → 议事协商; after the meeting he records the decision, and the board's 议事协商公示
// shows it with the matter it answers. Real Chromium, the H5 build, serverless-offline, DynamoDB Local.
describe('a 议事协商 called, signed up for, held, and its decision on the board', () => {
  const j = journey();
  const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))); // Taro H5 hands typed text over a frame later
  const topic = `小区东门夜间停车${String(Date.now()).slice(-3)}`;
  const card = (page: Page) => page.locator('.consultation-card', { hasText: topic }).filter({ visible: true }).first();

  it('goes from 发起 to 报名 to 协商决定 on 议事协商公示', async () => {
    const rep = await j.phone();
    const resident = await j.phone();

    // 张建国: 收件箱 → 议事协商 → 发起议事协商, ticks the demo matter, says what, where and the agenda
    await rep.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(rep, 'rep1');
    await visible(rep, '.rep-entry').click();
    await visible(rep, '.consultations-link').click();
    await visible(rep, '.consultation-new').click();
    await rep.locator('.consultation-pick', { hasText: '小区东门晚上停车太难' }).filter({ visible: true }).first().click();
    await visible(rep, '.consultation-topic-input input').fill(topic);
    await visible(rep, '.consultation-place-input input').fill('社区议事厅');
    await visible(rep, '.consultation-agenda-input textarea').fill('听取居民意见\n物业说明车位情况');
    await visible(rep, '.consultation-invitedUnits-input input').fill('城管办、物业');
    await settle(rep);
    await visible(rep, '.consultation-create').click();
    await waitForText(visible(rep, '.consultation-status'), '待召开');
    await waitForText(visible(rep, '.consultation-invitees'), '城管办、物业');
    await screenshot(rep, 'consultation-opened');

    // 刘阿姨: the stand's page (that is how the app knows the studio), 我的 → 议事协商, 报名参加
    await resident.goto(j.stack.standUrl);
    await signIn(resident, 'resident');
    await waitForText(visible(resident, '.greeting'), '刘阿姨');
    await resident.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await visible(resident, '.consultations-entry').click();
    await card(resident).click();
    await visible(resident, '.consultation-sign-up').click();
    await waitForText(visible(resident, '.consultation-mine'), '您已报名，请按时参加。');
    await waitForText(visible(resident, '.consultation-signed'), '已报名 1 人');
    await screenshot(resident, 'consultation-signed-up');

    // after the meeting 张建国 records it: attendance, minutes, the decision (published)
    await visible(rep, '.consultation-attendance-input input').fill('23');
    await visible(rep, '.consultation-minutes-input textarea').fill('居民反映夜间停车难，物业同意开放广场东侧地面临时车位。');
    await visible(rep, '.consultation-decision-input textarea').fill('晚 8 点后开放广场东侧临时车位，物业负责划线');
    await settle(rep);
    await visible(rep, '.consultation-record-submit').click();
    await waitForText(visible(rep, '.consultation-status'), '已召开');
    await visible(rep, '.consultation-result-submit').waitFor();
    await screenshot(rep, 'consultation-recorded');

    // the board: 议事协商公示 shows the decision with the matter it answers
    await resident.goto(j.stack.standUrl);
    await visible(resident, '.board-entry').click();
    await visible(resident, '.board-consultations').click();
    await waitForText(card(resident).locator('.consultation-decision-text'), '晚 8 点后开放广场东侧临时车位，物业负责划线');
    await waitForText(card(resident).locator('.consultation-matters'), '小区东门晚上停车太难');
    await screenshot(resident, 'consultation-on-board');
  }, 180_000);
});
