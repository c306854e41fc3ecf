import { screenshot, waitForText } from '../support/browser';
import { journey, signIn, visible } from '../support/journey';

// 义诊 by 洛社镇卫生院 at the market (#14: a unit provides a service at a stand). 周大爷 scans the market's code, sees who
// provides the 义诊 and books it; 周丽萍, the 卫生院's liaison, opens 本单位服务, finds him among the bookings of the
// 卫生院's service and records what was done; his booking says 已完成. Real Chromium, the H5 build, serverless-offline,
// DynamoDB Local; today's demo stand is open all day here.
describe('a hospital liaison sees the 义诊 bookings of its service at a market stand', () => {
  const j = journey({ demoTodayHours: { startTime: '00:00', endTime: '23:59' } });

  it('周大爷 books the 卫生院’s 义诊, 周丽萍 sees it with the coming bookings and records 已服务 with a note', async () => {
    const resident = await j.phone();
    const liaison = await j.phone();

    // the stand page says who provides the 义诊; he books its last half hour today
    await resident.goto(j.stack.standUrl);
    await signIn(resident, 'resident2');
    await waitForText(visible(resident, '.greeting'), '周大爷');
    const yizhen = resident.locator('.service-card', { hasText: '义诊' }).filter({ visible: true }).first();
    await waitForText(yizhen.locator('.service-provider'), '由洛社镇卫生院提供', { exact: true });
    await yizhen.locator('.slot--open').filter({ visible: true }).last().click();
    await visible(resident, '.booking-confirm').click();
    await waitForText(visible(resident, '.ticket-status'), '已预约');
    await waitForText(visible(resident, '.ticket-provider'), '由洛社镇卫生院提供', { exact: true });
    await screenshot(resident, 'unit-service-ticket');

    // 周丽萍: 我的 → 本单位服务 — today's 义诊 with 周大爷, and the two bookings of the next market day
    await liaison.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(liaison, 'unitliaison');
    await visible(liaison, '.unit-services-entry').click();
    await waitForText(visible(liaison, '.unit-name'), '洛社镇卫生院', { exact: true });
    const today = liaison.locator('.unit-day', { hasText: '周大爷' }).filter({ visible: true }).first();
    await waitForText(today.locator('.unit-day-service'), '义诊：预约 1 人');
    const names = await liaison.locator('.unit-entry-name').filter({ visible: true }).allTextContents();
    expect(names).toEqual(expect.arrayContaining(['周大爷', '顾阿婆', '钱大伯']));
    await screenshot(liaison, 'unit-services');

    // she records what was done for him
    await today.locator('.unit-entry', { hasText: '周大爷' }).locator('.unit-entry-record').click();
    await visible(liaison, '.record-note input').fill('血压 135/85，建议复查');
    await liaison.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))); // Taro H5 hands the input over a frame later
    await visible(liaison, '.record-served').click();
    await waitForText(today.locator('.unit-entry-note'), '记录：血压 135/85，建议复查', { exact: true });
    await waitForText(today.locator('.unit-day-service'), '已服务 1');

    // his 我的预约: done, and by whom the service was given
    await resident.goto(`${j.stack.h5Url}/#/pages/bookings/index`);
    await waitForText(visible(resident, '.booking-item .booking-status'), '已完成');
    await waitForText(visible(resident, '.booking-item'), '由洛社镇卫生院提供');
  }, 180_000);
});
