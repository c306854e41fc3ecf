import { ulid } from 'ulid';
import { screenshot, waitForText } from '../support/browser';
import { apiOf, journey, signIn, visible } from '../support/journey';

// 张建国 handles residents' suggestions at his desk. The office PC (1280×800) shows the desk sign-in's QR code; on his
// phone he opens it (locally: the confirm page in a second page) and taps 确认登录; the PC lands in the desk console —
// the inbox beside the chosen item — and he moves through the list with the keyboard. Real Chromium, the H5 build,
// serverless-offline, DynamoDB Local; axe on every page.
describe('the desk console at 1280 px, signed in by a scan confirmed on the phone', () => {
  const j = journey();

  const api = apiOf(j);

  it('signs the PC in by the QR code and shows list and detail side by side, keyboard-friendly', async () => {
    // two residents' suggestions are waiting in the studio's inbox
    const { token: resident } = await api<{ token: string }>('POST', '/auth/local', undefined, { persona: 'resident' });
    const studioId = j.stack.seed.studioId;
    for (const text of ['菜场东门的垃圾桶满了好几天没人清理', '村口的路灯坏了三盏，晚上走路很黑']) {
      await api('POST', '/submissions', resident, { requestId: ulid(), studioId, category: '环境卫生', text, place: '洛社菜场东门', public: true });
    }

    // the PC, not signed in: the QR code, its countdown and the ticket it shows
    const desk = await j.screen({ width: 1280, height: 800 });
    await desk.goto(`${j.stack.h5Url}/#/packageRep/pages/desk-login/index`);
    const shown = visible(desk, '.desk-ticket');
    await shown.waitFor({ timeout: 30_000 });
    const ticketId = await shown.getAttribute('data-ticket-id');
    expect(ticketId).toMatch(/^[0-9A-Z]{26}$/);
    await waitForText(visible(desk, '.desk-countdown'), '秒后过期');
    expect(await visible(desk, '.desk-open-on-phone').getAttribute('data-href')).toContain(`desk-confirm/index?ticket=${ticketId}`);
    await screenshot(desk, 'desk-login');
    expect(await desk.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('session')))).toEqual([]);

    // his phone: signed in as the representative, the confirm page for that ticket
    const phone = await j.phone();
    await phone.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(phone, 'rep1');
    await waitForText(visible(phone, '.desk-scan-entry'), '扫码登录电脑工作台');
    await phone.goto(`${j.stack.h5Url}/#/packageRep/pages/desk-confirm/index?ticket=${ticketId}`);
    await waitForText(visible(phone, '.desk-confirm-question'), '在电脑上登录连心工作台？');
    await waitForText(visible(phone, '.desk-browser'), 'Chrome 浏览器');
    await screenshot(phone, 'desk-confirm');
    await visible(phone, '.desk-confirm').click();
    await waitForText(visible(phone, '.desk-confirm-outcome'), '已确认登录');

    // the PC's next poll brings its own session and opens the desk console
    await visible(desk, '.desk-console').waitFor({ timeout: 20_000 });
    const items = desk.locator('.desk-pane--list .inbox-item').filter({ visible: true });
    await items.nth(1).waitFor({ timeout: 15_000 });
    expect(await items.count()).toBe(2);
    // each holds a session of its own (Taro's storage wraps the stored JSON: the token is found in it)
    const tokenIn = (stored: string | null) => /eyJ[\w-]+\.[\w-]+\.[\w-]+/.exec(stored ?? '')?.[0];
    const deskToken = tokenIn(await desk.evaluate(() => localStorage.getItem('lianxin.session')));
    const phoneToken = tokenIn(await phone.evaluate(() => localStorage.getItem('lianxin.session')));
    expect(deskToken).toBeTruthy();
    expect(deskToken).not.toBe(phoneToken);

    // list and detail side by side
    const list = (await visible(desk, '.desk-pane--list').boundingBox())!;
    const detail = (await visible(desk, '.desk-pane--detail').boundingBox())!;
    expect(list.x + list.width).toBeLessThanOrEqual(detail.x + 1);
    expect(Math.abs(list.y - detail.y)).toBeLessThan(40);
    expect(detail.x + detail.width).toBeLessThanOrEqual(1280);

    // the keyboard: j to the first, j to the second, Enter opens it on the right; k back up and Enter
    await desk.keyboard.press('j');
    await desk.keyboard.press('j');
    expect(await items.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    const second = ((await items.nth(1).locator('.item-text').textContent()) ?? '').trim();
    await desk.keyboard.press('Enter');
    await waitForText(visible(desk, '.desk-pane--detail .submission-text'), second);
    await desk.keyboard.press('k');
    await desk.keyboard.press('Enter');
    const first = ((await items.nth(0).locator('.item-text').textContent()) ?? '').trim();
    await waitForText(visible(desk, '.desk-pane--detail .submission-text'), first);
    expect(first).not.toBe(second);
    // a visible focus ring on the focused item
    expect(await items.nth(0).evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await screenshot(desk, 'desk-console');
  }, 240_000);
});
