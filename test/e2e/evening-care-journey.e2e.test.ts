import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chinaDate } from '@shared/time';
import { expectNothingOverflows, screenshot, waitForText } from '../support/browser';
import { journey, signIn, visible } from '../support/journey';

// 22:00 on a market day: the morning's market (08:00–11:30) is long over. 王奶奶's grandson scans the code on the
// poster at the lane: it must open the next market day, say that today's is over, and let him book for her. She
// reads with 长辈模式 on (bigger type, ≥ 7:1 text), and her own phone has its text at 2×: nothing may overflow on the
// stand page, the form, the ticket, and the staff console her neighbour uses. Real Chromium, the H5 build,
// serverless-offline with its clock at 22:00 China time (LOCAL_NOW), DynamoDB Local; axe on every page.
// `npm run screens` runs this journey with LIANXIN_SCREENS=docs/screens to refresh the README's screenshots.
const SCREENS = process.env.LIANXIN_SCREENS ? join(__dirname, '..', '..', process.env.LIANXIN_SCREENS) : undefined;

describe('the code scanned after the market closed, read in 长辈模式 and at 2× text', () => {
  const today = chinaDate(new Date());
  const j = journey({ clock: `${today}T22:00:00+08:00`, demoTodayHours: { startTime: '08:00', endTime: '11:30' } });

  /** The page checked (axe, and ≥ 7:1 in 长辈模式), and kept for docs/screens when asked. */
  const seen = async (page: Page, name: string, mode: 'normal' | 'care') => {
    await screenshot(page, `${name}-${mode}`, { enhancedContrast: mode === 'care' });
    if (SCREENS) await screenshot(page, `${name}-${mode}`, { directory: SCREENS, enhancedContrast: mode === 'care' });
  };

  it('opens the next market day with 今天的服务已结束, and books a place on it', async () => {
    const phone = await j.phone();
    await phone.goto(j.stack.standUrl);
    await waitForText(visible(phone, '.notice--ended .notice-title'), '今天的服务已结束');
    const nextDay = ((await visible(phone, '.stand-date').textContent()) ?? '').replace('下次服务：', '').trim();
    expect(nextDay).not.toContain('今天');
    // the notice names the same day the page offers, and that day's places are open, none shown as past
    await waitForText(visible(phone, '.notice--ended .notice-body'), `下一次服务：${nextDay}`);
    expect(await phone.locator('.slot--past').filter({ visible: true }).count()).toBe(0);
    await seen(phone, 'stand', 'normal');

    await signIn(phone, 'resident');
    await waitForText(visible(phone, '.greeting'), '刘阿姨');
    await phone.locator('.service-card', { hasText: '量血压' }).filter({ visible: true }).first().locator('.slot--open').first().click();
    await visible(phone, '.booking-confirm').click();
    await waitForText(visible(phone, '.ticket-status'), '已预约');
    await waitForText(visible(phone, '.ticket-date'), nextDay);
    await seen(phone, 'ticket', 'normal');

    await phone.goto(j.stack.standUrl);
    await visible(phone, '.stand-submit').click();
    await visible(phone, '.submit-form').waitFor();
    await seen(phone, 'submit', 'normal');
  }, 180_000);

  it('长辈模式 from 我的 makes the pages bigger and their text ≥ 7:1, and stays on', async () => {
    const phone = await j.phone();
    await phone.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(phone, 'resident');
    await waitForText(visible(phone, '.me-name'), '刘阿姨');
    await seen(phone, 'me', 'normal');

    await phone.goto(j.stack.standUrl);
    await waitForText(visible(phone, '.service-name'), '量血压');
    const before = await visible(phone, '.service-name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

    await phone.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await visible(phone, '.care-toggle').click();
    await waitForText(visible(phone, '.care-toggle-label'), '长辈模式：已开启');
    await seen(phone, 'me', 'care');

    // a new visit (the setting is kept on the phone): bigger type, stronger colours
    await phone.goto(j.stack.standUrl);
    await phone.reload();
    await waitForText(visible(phone, '.service-name'), '量血压');
    const after = await visible(phone, '.service-name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(after / before).toBeCloseTo(1.25, 1);
    expect(await visible(phone, '.care-toggle').getAttribute('aria-pressed')).toBe('true');
    await seen(phone, 'stand', 'care');
    await expectNothingOverflows(phone, 'stand page in 长辈模式');

    await visible(phone, '.stand-submit').click();
    await visible(phone, '.submit-form').waitFor();
    await seen(phone, 'submit', 'care');
    await expectNothingOverflows(phone, 'submit form in 长辈模式');

    await phone.goto(`${j.stack.h5Url}/#/pages/bookings/index`);
    await visible(phone, '.booking-item').click();
    await waitForText(visible(phone, '.ticket-status'), '已预约');
    await seen(phone, 'ticket', 'care');
    await expectNothingOverflows(phone, 'ticket in 长辈模式');
  }, 180_000);

  it('at 2× text, the stand page, the form, the ticket and the staff console fit a small phone', async () => {
    const resident = await j.phone({ textSize: 2 });
    await resident.goto(j.stack.standUrl);
    await waitForText(visible(resident, '.service-name'), '量血压');
    const scale = await visible(resident, '.stand-page').evaluate((el) => getComputedStyle(el).getPropertyValue('--text-scale').trim());
    expect(scale).toBe('2');
    await expectNothingOverflows(resident, 'stand page at 2× text');
    await screenshot(resident, 'stand-2x');

    await signIn(resident, 'resident');
    await waitForText(visible(resident, '.greeting'), '刘阿姨');
    await visible(resident, '.stand-submit').click();
    await visible(resident, '.submit-form').waitFor();
    await expectNothingOverflows(resident, 'submit form at 2× text');
    await screenshot(resident, 'submit-2x');

    await resident.goto(`${j.stack.h5Url}/#/pages/bookings/index`);
    await visible(resident, '.booking-item').click();
    await waitForText(visible(resident, '.ticket-status'), '已预约');
    await expectNothingOverflows(resident, 'ticket at 2× text');
    await screenshot(resident, 'ticket-2x');

    const staff = await j.phone({ textSize: 2 });
    await staff.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(staff, 'staff1');
    await visible(staff, '.staff-entry').click();
    await visible(staff, '.staff-stand-main').click();
    await visible(staff, '.checkin-input').waitFor();
    await expectNothingOverflows(staff, 'staff console at 2× text');
    await screenshot(staff, 'staff-console-2x');
  }, 180_000);
});
