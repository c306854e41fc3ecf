import type { Page } from 'playwright-core';
import { screenshot, waitForText } from '../support/browser';
import { journey, signIn, visible } from '../support/journey';
import { handOnAsMajor, raiseAtStand, signForInQueue } from '../support/loop-steps';

// Member units in the loop: 刘阿姨 asks for blood-pressure checks; 张建国 hands it as 大事 to 洛社镇卫生院, a member unit
// of the town listed as 成员单位 among the studio's departments; 周丽萍 (卫生院's liaison) finds it in 部门待办 and signs
// for it; 刘阿姨 sees 洛社镇卫生院 on her timeline. Then the town's 协调会: 吴卫东 opens 镇街工作台 → 协调会 (the demo's
// planned meeting) and 周丽萍 sees it under 我的 → 协调会. Real Chromium, H5 build, serverless-offline, DynamoDB Local.
describe('a member unit answers a 大事, and the town’s 协调会', () => {
  const j = journey();
  let resident: Page;
  let representative: Page;
  let liaison: Page;
  let townAdmin: Page;

  beforeAll(async () => {
    resident = await j.phone();
    representative = await j.phone();
    liaison = await j.phone();
    townAdmin = await j.phone();
  });

  it('is handed to 洛社镇卫生院 (成员单位) and signed for by its liaison', async () => {
    const detailUrl = await raiseAtStand(resident, j, '民生服务', '楼里老人多，想请卫生院的医生来量量血压');
    await handOnAsMajor(representative, j, '量量血压', '洛社镇卫生院（成员单位）', 'unit-handed-on');
    await signForInQueue(liaison, j, 'unitliaison', '洛社镇卫生院', '量量血压');
    await screenshot(liaison, 'unit-acknowledged');

    await resident.goto(detailUrl);
    await resident.reload();
    // the page draws the timeline once its request answers: wait for the step, then read them all
    await waitForText(resident.locator('.timeline-step', { hasText: '已签收' }).filter({ visible: true }).first(), '洛社镇卫生院：已签收');
    const timeline = (await resident.locator('.timeline-step').filter({ visible: true }).allTextContents()).join('\n');
    expect(timeline).toContain('洛社镇卫生院：已签收');
    expect(timeline).not.toContain('周丽萍');
  }, 300_000);

  it('shows the town’s planned 协调会 to its admin and to the unit’s liaison', async () => {
    await townAdmin.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(townAdmin, 'townadmin');
    await visible(townAdmin, '.town-desk-entry').click();
    await visible(townAdmin, '.coordinations-entry').click();
    const card = townAdmin.locator('.coordination-card', { hasText: '成员单位月度联席会' }).filter({ visible: true }).first();
    await waitForText(card.locator('.coordination-status'), '待召开');
    await waitForText(card.locator('.coordination-unit-list'), '洛社镇卫生院');
    await screenshot(townAdmin, 'coordinations');

    await liaison.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await visible(liaison, '.coordinations-entry').click();
    await liaison.locator('.coordination-card', { hasText: '成员单位月度联席会' }).filter({ visible: true }).first().click();
    await waitForText(visible(liaison, '.coordination-agenda'), '冬季义诊安排');
    expect(await liaison.locator('.coordination-record').count()).toBe(0);
  }, 300_000);
});
