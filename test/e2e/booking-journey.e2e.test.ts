import type { Page } from 'playwright-core';
import { screenshot, waitForText } from '../support/browser';
import { journey, signIn } from '../support/journey';

// 刘阿姨 scans the market's code and books a blood-pressure check; 王志强 at the stand checks her in and records
// her reading; she sees 已签到 and the reading on her phone. Real Chromium, H5 build, serverless-offline,
// DynamoDB Local. Today's demo stand is open all day here, so the journey runs whatever the hour.
describe('a blood-pressure check from booking to reading', () => {
  const j = journey({ demoTodayHours: { startTime: '00:00', endTime: '23:59' } });
  let resident: Page;
  let staff: Page;

  beforeAll(async () => {
    resident = await j.phone();
    staff = await j.phone();
  });

  it('books, checks in, records and shows the reading', async () => {
    // The resident scans the code at the market and signs in.
    await resident.goto(j.stack.standUrl);
    await waitForText(resident.locator('.stand-studio-name').filter({ visible: true }).first(), '洛社镇党代表工作室', { exact: true });
    await signIn(resident, 'resident');
    await waitForText(resident.locator('.greeting').filter({ visible: true }).first(), '刘阿姨');

    // Books the last open half hour of 量血压 today (three taps: slot, confirm).
    const bloodPressure = resident.locator('.service-card', { hasText: '量血压' }).filter({ visible: true }).first();
    await bloodPressure.locator('.slot--open').filter({ visible: true }).last().click();
    await resident.locator('.booking-confirm').filter({ visible: true }).first().click();
    await waitForText(resident.locator('.ticket-status').filter({ visible: true }).first(), '已预约');
    const code = ((await resident.locator('.ticket-code').filter({ visible: true }).first().textContent()) ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    await screenshot(resident, 'ticket');

    // She agrees to keep her readings.
    await resident.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await resident.locator('.readings-entry').filter({ visible: true }).first().click();
    await resident.locator('.consent-switch').filter({ visible: true }).first().click();
    await waitForText(resident.locator('.consent-state').filter({ visible: true }).first(), '已同意');

    // At the stand, staff check her in by the code and record the reading.
    await staff.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(staff, 'staff1');
    await staff.locator('.staff-entry').filter({ visible: true }).first().click();
    await staff.locator('.staff-stand-main').filter({ visible: true }).first().click();
    await staff.locator('.checkin-input input').filter({ visible: true }).first().fill(code);
    await staff.locator('.checkin-submit').filter({ visible: true }).first().click();
    await waitForText(staff.locator('.checkin-result').filter({ visible: true }).first(), '刘阿姨');
    await staff.locator('.record-reading').filter({ visible: true }).first().click();
    await staff.locator('.systolic-input input').filter({ visible: true }).first().fill('135');
    await staff.locator('.diastolic-input input').filter({ visible: true }).first().fill('85');
    await staff.locator('.pulse-input input').filter({ visible: true }).first().fill('72');
    await staff.locator('.reading-submit').filter({ visible: true }).first().click();
    await staff.locator('.reading-result--ok').filter({ visible: true }).first().waitFor({ timeout: 15_000 });
    await screenshot(staff, 'staff-console');

    // Her phone shows 已签到 and the reading.
    await resident.goto(`${j.stack.h5Url}/#/pages/bookings/index`);
    await waitForText(resident.locator('.booking-item .booking-status').filter({ visible: true }).first(), '已签到');
    await resident.goto(`${j.stack.h5Url}/#/pages/readings/index`);
    await waitForText(resident.locator('.reading-item').filter({ visible: true }).first(), '135');
    await waitForText(resident.locator('.reading-item').filter({ visible: true }).first(), '85');
    await screenshot(resident, 'readings');
  }, 180_000);
});
