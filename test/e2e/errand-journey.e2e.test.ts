import type { Page } from 'playwright-core';
import { screenshot, waitForText } from '../support/browser';
import { journey, signIn, visible } from '../support/journey';

// 王奶奶 lives alone and has no phone. 王志强 orders 代购药品 for her at the studio (代下单) and approves it; 周大爷, an
// approved volunteer, claims it, reads her address (the one person who can), buys the medicine and marks it
// delivered; 王志强 confirms it for her with five stars, and 周大爷's 幸福币 show the five coins of a finished errand.
// Real Chromium, the H5 build, serverless-offline, DynamoDB Local.
describe('点单-配送: an errand ordered for an old resident, claimed, delivered and confirmed', () => {
  const j = journey();
  /** Taro H5 hands typed text to React a frame later. */
  const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const api = async (persona: string, method: string, path: string, body?: unknown) => {
    const { token } = (await (await fetch(`${j.stack.apiUrl}/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona }) })).json()) as { token: string };
    const response = await fetch(`${j.stack.apiUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    expect(response.status).toBeLessThan(300);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const chip = (page: Page, selector: string, text: string) => page.locator(selector, { hasText: text }).filter({ visible: true }).first().click();

  it('goes from 代下单 to the volunteer’s coins', async () => {
    const studioId = j.stack.seed.studioId;
    // 周大爷 registered as a volunteer some time ago and the admin approved him
    const volunteer = await api('resident2', 'PUT', `/studios/${studioId}/me/volunteer`, { partyMember: true, skills: ['代购跑腿'], availability: '每天下午' });
    await api('admin', 'POST', `/studios/${studioId}/volunteers/${volunteer.userId as string}/decision`, { approve: true });

    // 王志强: 我的 → 代办服务：审核与派单 → 代下单
    const staff = await j.phone();
    await staff.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(staff, 'staff1');
    await visible(staff, '.staff-errands-entry').click();
    await visible(staff, '.on-behalf-errand').click();
    await chip(staff, '.errand-kind-chip', '代购药品');
    await visible(staff, '.person-input input').fill('王奶奶');
    await chip(staff, '.for-whom-chip', '独居老人');
    await chip(staff, '.urgency-chip', '较急');
    await visible(staff, '.when-input input').fill('明天上午');
    await visible(staff, '.address-input input').fill('洛社镇人民路光荣院落3栋2号');
    await visible(staff, '.phone-input input').fill('13812345678');
    await visible(staff, '.note-input textarea').fill('降压药两盒');
    await settle(staff);
    await visible(staff, '.errand-submit').click();
    // placed: the form is emptied for the next person
    await staff.locator('.errand-form .errand-kind-description').waitFor({ state: 'detached' });

    // back to the queue: 已下单 → 审核通过
    await staff.goto(`${j.stack.h5Url}/#/packageStaff/pages/errands/index`);
    await waitForText(visible(staff, '.queue-errand-title'), '代购药品 · 王奶奶');
    expect(await visible(staff, '.queue-errand').textContent()).not.toContain('光荣院落');
    await visible(staff, '.queue-approve').click();
    await visible(staff, '.queue-errand--open').waitFor(); // reviewed (the card follows the answer) before the next tab loads
    await chip(staff, '.queue-tab', '已审核');
    await waitForText(visible(staff, '.queue-errand-title'), '代购药品 · 王奶奶');
    await screenshot(staff, 'errand-reviewed');

    // 周大爷 claims it, then reads the address and phone (recorded) and marks it delivered
    const helper = await j.phone();
    await helper.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(helper, 'resident2');
    await visible(helper, '.errands-entry').waitFor();
    await helper.goto(`${j.stack.h5Url}/#/packageResident/pages/errand-tasks/index?studioId=${studioId}`);
    await waitForText(visible(helper, '.errand-area'), '片区：洛社镇…');
    await visible(helper, '.errand-claim').click();
    await visible(helper, '.errand-reveal').click();
    await waitForText(visible(helper, '.errand-address'), '地址：洛社镇人民路光荣院落3栋2号');
    await waitForText(visible(helper, '.errand-phone'), '电话：13812345678');
    await visible(helper, '.errand-deliver').click();
    await waitForText(visible(helper, '.errand-status'), '已送达');
    await screenshot(helper, 'errand-delivered');

    // 王志强 confirms it for 王奶奶: 已送达 → 代确认完成, five stars
    await staff.reload();
    await chip(staff, '.queue-tab', '已送达');
    await waitForText(visible(staff, '.queue-errand-volunteer'), '志愿者：周大爷（已送达）');
    await visible(staff, '.queue-confirm').click();
    await chip(staff, '.staff-rating-chip', '5 分');
    await visible(staff, '.queue-text input').fill('药买得很快');
    await settle(staff);
    await visible(staff, '.queue-send').click();
    await visible(staff, '.queue-errand--confirmed').waitFor();
    await chip(staff, '.queue-tab', '已确认');
    await waitForText(visible(staff, '.queue-errand-title'), '代购药品 · 王奶奶');

    // 周大爷's 幸福币: five for a finished errand
    await helper.goto(`${j.stack.h5Url}/#/packageResident/pages/coins/index?studioId=${studioId}`);
    await waitForText(visible(helper, '.coin-balance'), '5', { exact: true });
    await waitForText(visible(helper, '.coin-entry-what'), '完成一次代办服务（代购药品）');
    await screenshot(helper, 'errand-coins');
  }, 240_000);
});
