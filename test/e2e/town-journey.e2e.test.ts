import type { Page } from 'playwright-core';
import { screenshot, waitForText } from '../support/browser';
import { journey, signIn, visible } from '../support/journey';

/** Taro H5 hands an input's value over a frame later: wait for it before tapping a button that sends the form. */
const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

// 洛社镇's 镇街管理员 吴卫东 opens a new studio in his town and hands its first admin's invite code to 张建国, already a
// representative of the town's first studio. 张建国 redeems it and sets the new studio up: a service, a venue (逢三六九)
// and a grid (网格), and a grid head's invite that 周大爷 redeems. 刘阿姨 finds the new studio in 我的 → 工作室, raises a
// matter in that grid, and 周大爷 (网格员) accepts it as a 小事 from his 网格待办. Then 张建国's 切换身份 takes him back to
// his first role. Real Chromium, the H5 build, serverless-offline, DynamoDB Local.
describe('a town admin opens a studio; its admin sets up a venue and a grid; a matter of the grid reaches its grid head (切换身份)', () => {
  const j = journey();

  it('creates the studio with its admin invite; the invite is redeemed; switching back works', async () => {
    const townAdmin = await j.phone();
    const rep = await j.phone();

    // 镇街工作台: the town's studios side by side, then 新建工作室
    await townAdmin.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(townAdmin, 'townadmin');
    await visible(townAdmin, '.town-desk-entry').click();
    await waitForText(visible(townAdmin, '.town-title'), '洛社镇');
    await visible(townAdmin, '.town-studio-name').waitFor();
    expect(await townAdmin.locator('.town-studio-name').filter({ visible: true }).allTextContents()).toEqual(expect.arrayContaining(['洛社镇党代表工作室', '新开河村党代表工作室']));
    await visible(townAdmin, '.studio-name-input input').fill('石塘湾村党代表工作室');
    await visible(townAdmin, '.studio-address-input input').fill('石塘湾村村委会');
    await settle(townAdmin);
    await visible(townAdmin, '.new-studio-submit').click();
    const code = ((await visible(townAdmin, '.admin-invite-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
    await screenshot(townAdmin, 'town-desk-new-studio');

    // 张建国 (a representative of 洛社镇党代表工作室) redeems it in 我的 and becomes the new studio's admin
    await rep.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(rep, 'rep1');
    await waitForText(visible(rep, '.me-role'), '党代表');
    await visible(rep, '.invite-open').click();
    await visible(rep, '.invite-input input').fill(code);
    await settle(rep);
    await visible(rep, '.invite-submit').click();
    await waitForText(visible(rep, '.me-role'), '工作室管理员');
    await waitForText(visible(rep, '.me-studio'), '石塘湾村党代表工作室');

    // the new studio's admin sets it up: a service, a venue meeting 逢三六九 with it, and a grid
    await rep.goto(`${j.stack.h5Url}/#/packageAdmin/pages/service-edit/index`);
    await visible(rep, '.service-name-input input').fill('量血压');
    await settle(rep);
    await visible(rep, '.service-save').click();
    await visible(rep, '.service-item').waitFor();
    await rep.goto(`${j.stack.h5Url}/#/packageAdmin/pages/venue-edit/index`);
    await visible(rep, '.venue-name-input input').fill('石塘湾村文化广场');
    await visible(rep, '.venue-address-input input').fill('石塘湾村文化广场东侧');
    await visible(rep, '.preset-369').click();
    await rep.locator('.rule-service', { hasText: '量血压' }).filter({ visible: true }).first().click();
    await settle(rep);
    await visible(rep, '.venue-save').click();
    await waitForText(visible(rep, '.venue-item-name'), '石塘湾村文化广场');
    await rep.goto(`${j.stack.h5Url}/#/packageAdmin/pages/grids/index`);
    await visible(rep, '.grid-name input').fill('石塘湾一组');
    await visible(rep, '.grid-area input').fill('村委会以东');
    await settle(rep);
    await visible(rep, '.grid-save').click();
    await waitForText(visible(rep, '.grid-row-name'), '石塘湾一组');
    // …and a grid head's invite for that grid, which 周大爷 redeems
    await rep.goto(`${j.stack.h5Url}/#/packageAdmin/pages/members/index`);
    await rep.locator('.invite-role', { hasText: '网格员' }).filter({ visible: true }).first().click();
    await rep.locator('.invite-grid', { hasText: '石塘湾一组' }).filter({ visible: true }).first().click();
    await visible(rep, '.invite-make').click();
    const gridCode = ((await visible(rep, '.invite-code').textContent()) ?? '').trim();
    expect(gridCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
    const head = await j.phone();
    await head.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(head, 'resident2');
    await visible(head, '.invite-open').click();
    await visible(head, '.invite-input input').fill(gridCode);
    await settle(head);
    await visible(head, '.invite-submit').click();
    await waitForText(visible(head, '.me-role'), '网格员');

    // 刘阿姨 finds the new studio among her town's studios and raises a matter in its grid
    const resident = await j.phone();
    await resident.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(resident, 'resident');
    await visible(resident, '.town-studios-entry').click();
    const card = resident.locator('.town-directory-studio', { hasText: '石塘湾村党代表工作室' }).filter({ visible: true }).first();
    await waitForText(card.locator('.directory-venue-name').first(), '石塘湾村文化广场');
    await card.locator('.directory-submit').click();
    await visible(resident, '.category-chip').click();
    await visible(resident, '.textarea-input textarea').fill('一组村道边的排水沟堵了，下雨就积水。');
    await resident.locator('.grid-choice', { hasText: '石塘湾一组' }).filter({ visible: true }).first().click();
    await settle(resident);
    await visible(resident, '.submit-button').click();
    await waitForText(visible(resident, '.submission-status'), '待受理');
    await screenshot(resident, 'town-grid-submitted');

    // 周大爷 sees it in his 网格待办 and accepts it as a 小事
    await head.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await visible(head, '.grid-entry').click();
    await waitForText(visible(head, '.grid-title'), '石塘湾一组');
    await waitForText(visible(head, '.grid-item .item-text'), '排水沟堵了');
    await visible(head, '.grid-item').click();
    await visible(head, '.grid-accept-submit').click();
    await waitForText(visible(head, '.submission-status'), '已受理');
    await screenshot(head, 'town-grid-head-accepted');

    // two roles now: 切换身份 back to the first studio's representative
    await rep.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await visible(rep, '.memberships-entry').click();
    await waitForText(visible(rep, '.membership-card--active .membership-place'), '石塘湾村党代表工作室');
    await screenshot(rep, 'town-memberships');
    await visible(rep, '.membership-switch').click();
    await waitForText(visible(rep, '.membership-card--active .membership-place'), '洛社镇党代表工作室');
    await rep.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await waitForText(visible(rep, '.me-role'), '党代表');
    await waitForText(visible(rep, '.me-studio'), '洛社镇党代表工作室');
  }, 420_000);
});
