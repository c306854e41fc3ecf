import type { Page } from 'playwright-core';
import { addDays, chinaDate, formatChinaDate } from '@shared/time';
import { screenshot, waitForText } from '../support/browser';
import { journey } from '../support/journey';

// Rain is forecast for the next market day: the admin cancels that stand in 工作室设置 → 服务点, and the venue's
// 接下来 list (what a freshly printed poster announces too) no longer offers that day. Real Chromium, the H5 build,
// serverless-offline, DynamoDB Local.
describe('an admin cancels the next market day', () => {
  const j = journey();
  let admin: Page;

  beforeAll(async () => {
    admin = await j.phone();
  });

  const visible = (selector: string) => admin.locator(selector).filter({ visible: true }).first();

  it('cancels it, and 接下来 no longer lists that day', async () => {
    // the demo market's next day after today (the seed makes the stands of the next three weeks)
    const { token } = (await (await fetch(`${j.stack.apiUrl}/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona: 'admin' }) })).json()) as { token: string };
    const today = chinaDate(new Date());
    let next: { date: string } | undefined;
    let ahead = 0;
    while (!next && ahead < 21) {
      ahead += 1;
      const date = addDays(today, ahead);
      const { stands } = (await (await fetch(`${j.stack.apiUrl}/studios/${j.stack.seed.studioId}/stands?date=${date}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { stands: { date: string; venueId: string }[] };
      next = stands.find((s) => s.venueId === j.stack.seed.venueId);
    }
    expect(next).toBeDefined();
    const label = formatChinaDate(next!.date);

    await admin.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await visible('.login-button').click();
    await visible('.persona-admin').click();
    await waitForText(visible('.me-name'), '赵敏');

    // before: the venue announces that day
    await admin.goto(`${j.stack.h5Url}/#/packageAdmin/pages/venues/index`);
    await waitForText(visible('.venue-next-day'), label);

    // 服务点: to that day, 取消本次服务 with a reason
    await admin.goto(`${j.stack.h5Url}/#/packageAdmin/pages/stands/index`);
    for (let i = 0; i < ahead; i += 1) await visible('.date-next').click();
    await waitForText(visible('.stands-date'), label);
    await visible('.cancel-stand').click();
    await admin.locator('.quick-reason').filter({ visible: true }).first().click();
    await visible('.cancel-confirm').click();
    // the confirm dialog (Taro's H5 modal): 确定取消
    await waitForText(visible('.taro-modal__title'), '取消本次服务？');
    await visible('.taro-model__confirm').click();
    await waitForText(visible('.cancel-result'), '已取消本次服务');
    await screenshot(admin, 'stand-cancelled');

    // after: 接下来 goes on to the following market days
    await admin.goto(`${j.stack.h5Url}/#/packageAdmin/pages/venues/index`);
    await visible('.venue-next-day').waitFor({ timeout: 15_000 });
    await admin.waitForTimeout(1000);
    const days = (await admin.locator('.venue-next-day').filter({ visible: true }).allTextContents()).map((d) => d.trim());
    expect(days.length).toBeGreaterThan(0);
    expect(days.some((d) => d.startsWith(label))).toBe(false);
    await screenshot(admin, 'venues-after-cancel');
  }, 180_000);
});
