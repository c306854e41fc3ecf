import { screenshot, waitForText } from '../support/browser';
import { journey, signIn, visible } from '../support/journey';

// 洛社镇's 镇街管理员 吴卫东 opens a new studio in his town and hands its first admin's invite code to 张建国, already a
// representative of the town's first studio. 张建国 redeems it: he runs the new studio, and 我的 → 切换身份 takes him
// back to his first role. Real Chromium, the H5 build, serverless-offline, DynamoDB Local; axe on every page.
describe('a town admin opens a studio and its first admin joins it (切换身份)', () => {
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
    await townAdmin.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))); // Taro H5 hands the input over a frame later
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
    await rep.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await visible(rep, '.invite-submit').click();
    await waitForText(visible(rep, '.me-role'), '工作室管理员');
    await waitForText(visible(rep, '.me-studio'), '石塘湾村党代表工作室');

    // two roles now: 切换身份 back to the first studio's representative
    await visible(rep, '.memberships-entry').click();
    await waitForText(visible(rep, '.membership-card--active .membership-place'), '石塘湾村党代表工作室');
    await screenshot(rep, 'town-memberships');
    await visible(rep, '.membership-switch').click();
    await waitForText(visible(rep, '.membership-card--active .membership-place'), '洛社镇党代表工作室');
    await rep.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await waitForText(visible(rep, '.me-role'), '党代表');
    await waitForText(visible(rep, '.me-studio'), '洛社镇党代表工作室');
  }, 180_000);
});
