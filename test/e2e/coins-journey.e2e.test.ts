import type { Page } from 'playwright-core';
import { screenshot, waitForText } from '../support/browser';
import { journey, signIn, visible } from '../support/journey';

// 刘阿姨 helped settle a quarrel between neighbours. At the stand 王志强 credits her 幸福币 by the card on her phone;
// she trades ten of them for a towel and collects it against the code. Real Chromium, the H5 build,
// serverless-offline, DynamoDB Local; axe on every page.
describe('幸福币 earned for an activity and redeemed at the stand', () => {
  const j = journey();
  const confirmModal = (page: Page, label: string) => page.locator('.taro-modal__foot').getByText(label, { exact: true }).click();

  it('credits her card, she redeems a towel, staff hand it over against the code', async () => {
    const resident = await j.phone();
    const staff = await j.phone();

    // she opens the stand's page (that is how the app knows the studio), then 我的 → 我的幸福币, and takes a card
    await resident.goto(j.stack.standUrl);
    await signIn(resident, 'resident');
    await waitForText(visible(resident, '.greeting'), '刘阿姨');
    await resident.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await visible(resident, '.coins-entry').click();
    await waitForText(visible(resident, '.coin-balance'), '0', { exact: true });
    await visible(resident, '.open-card').click();
    await waitForText(visible(resident, '.coin-card-code-label'), '幸福币卡号');
    const card = ((await visible(resident, '.coin-card-code').textContent()) ?? '').replace(/\s/g, '');
    expect(card).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
    await screenshot(resident, 'coins-card');

    // at the stand: 我的 → 幸福币：记分与兑换, her card, 调解纠纷 (+10), 记上
    await staff.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(staff, 'staff1');
    await visible(staff, '.staff-coins-entry').click();
    await visible(staff, '.card-code-input input').fill(card.toLowerCase());
    await staff.locator('.award-rule', { hasText: '调解纠纷' }).filter({ visible: true }).first().click();
    await staff.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))); // Taro H5 hands the input over a frame later
    await visible(staff, '.award-submit').click();
    await waitForText(visible(staff, '.award-done'), '已为 刘阿姨 记 10 个幸福币（调解纠纷）');
    await screenshot(staff, 'coins-award');

    // her balance, and a towel for ten
    await resident.reload();
    await waitForText(visible(resident, '.coin-balance'), '10', { exact: true });
    await resident.locator('.reward-row', { hasText: '毛巾一条' }).filter({ visible: true }).first().locator('.reward-redeem').click();
    await confirmModal(resident, '兑换');
    await waitForText(visible(resident, '.coin-balance'), '0', { exact: true });
    const code = ((await visible(resident, '.redemption-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    await screenshot(resident, 'coins-redeemed');

    // staff look the code up and hand it over
    await visible(staff, '.redemption-code-input input').fill(code);
    await staff.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await visible(staff, '.redemption-look').click();
    await waitForText(visible(staff, '.redemption-found-who'), '刘阿姨：毛巾一条（10 个幸福币）');
    await visible(staff, '.redemption-hand-over').click();
    await waitForText(visible(staff, '.redemption-found-status'), '已领取');
    await screenshot(staff, 'coins-handed-over');

    await resident.reload();
    await waitForText(visible(resident, '.redemption-status'), '已领取');
    await waitForText(visible(resident, '.coin-entry-what'), '兑换：毛巾一条');
  }, 180_000);
});
