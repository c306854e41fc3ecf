import type { Page } from 'playwright-core';
import { chinaDate } from '@shared/time';
import { screenshot } from '../support/browser';
import { apiOf, journey } from '../support/journey';

// The 大屏 on a TV or a laptop at the stand cannot scroll: with six services at 1366×768 every one of them must be
// on the screen. The admin's set-up is made through the API (the same routes as 工作室设置), then the screen is opened
// in real Chromium.
describe('the queue screen (大屏) with six services', () => {
  const j = journey();
  let screen: Page;

  beforeAll(async () => {
    screen = await j.screen({ width: 1366, height: 768 });
  });

  const api = apiOf(j);

  it('shows all six services at 1366×768 without scrolling', async () => {
    const { token } = await api<{ token: string }>('POST', '/auth/local', undefined, { persona: 'admin' });
    const studioId = j.stack.seed.studioId;
    // the studio's own four services (the demo's 义诊 by 卫生院 aside) and two more: six
    const services = (await api<{ services: { id: string; providerName?: string }[] }>('GET', `/studios/${studioId}/services`, token)).services.filter((s) => !s.providerName);
    for (const name of ['理发', '测血糖']) {
      services.push(await api<{ id: string }>('POST', `/studios/${studioId}/services`, token, { name, description: '', minutesPerPerson: 10, peoplePerSlot: 2 }));
    }
    expect(services).toHaveLength(6);
    const today = chinaDate(new Date());
    const venue = await api<{ id: string }>('POST', `/studios/${studioId}/venues`, token, {
      name: '前洲文化广场',
      address: '洛社镇前洲路 8 号文化广场',
      rules: [{ kind: 'date', date: today, startTime: '00:00', endTime: '23:59', serviceIds: services.map((s) => s.id) }],
    });
    await api('POST', `/venues/${venue.id}/stands/generate`, token, { weeks: 1 });
    const { stands } = await api<{ stands: { id: string; venueId: string }[] }>('GET', `/studios/${studioId}/stands?date=${today}`, token);
    const stand = stands.find((s) => s.venueId === venue.id)!;

    await screen.goto(`${j.stack.h5Url}/#/pages/screen/index?standId=${stand.id}`);
    const cards = screen.locator('.screen-service').filter({ visible: true });
    await cards.nth(5).waitFor({ timeout: 15_000 });
    expect(await cards.count()).toBe(6);
    for (let i = 0; i < 6; i += 1) {
      const box = (await cards.nth(i).boundingBox())!;
      // wholly inside the 1366×768 screen
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1366);
      expect(box.y + box.height).toBeLessThanOrEqual(768);
    }
    expect(await screen.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(768);
    await screenshot(screen, 'screen-six-services');
  }, 180_000);
});
