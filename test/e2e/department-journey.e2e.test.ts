import type { Page } from 'playwright-core';
import { screenshot, waitForText } from '../support/browser';
import { journey, signIn, visible } from '../support/journey';

// 刘阿姨 reports stalls blocking the market gate; 张建国 accepts it as 大事 and hands it to 城管办 from the studio's
// list; 城管办's liaison signs in, finds it in 部门待办, signs for it (签收), posts progress and the result; 刘阿姨 sees
// each step on her timeline signed "城管办", never the liaison's own name.
// Real Chromium, H5 build, serverless-offline, DynamoDB Local.
describe('a 大事 handed to 城管办 and answered by its liaison', () => {
  const j = journey();
  let resident: Page;
  let representative: Page;
  let liaison: Page;

  beforeAll(async () => {
    resident = await j.phone();
    representative = await j.phone();
    liaison = await j.phone();
  });

  it('is handed on, signed for, progressed and answered; the resident sees 城管办 on the timeline', async () => {
    await resident.goto(j.stack.standUrl);
    await waitForText(visible(resident, '.stand-studio-name'), '洛社镇党代表工作室', { exact: true });
    await signIn(resident, 'resident');
    await waitForText(visible(resident, '.greeting'), '刘阿姨');
    await visible(resident, '.stand-submit').click();
    await resident.locator('.category-chip', { hasText: '环境卫生' }).filter({ visible: true }).first().click();
    await visible(resident, '.textarea-input textarea').fill('菜场东门天天有人占道摆摊，老人推车过不去');
    await visible(resident, '.submit-button').click();
    await waitForText(visible(resident, '.submission-status'), '待受理');
    const detailUrl = resident.url();

    // The representative accepts it as 大事 for 城管办 (from the studio's list), due today.
    await representative.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(representative, 'rep1');
    await visible(representative, '.rep-entry').click();
    await representative.locator('.inbox-item', { hasText: '占道摆摊' }).filter({ visible: true }).first().click();
    await visible(representative, '.triage-major').click();
    await representative.locator('.department-chip', { hasText: '城管办' }).filter({ visible: true }).first().click();
    await visible(representative, '.due-date-input').click();
    await representative.getByText('确定', { exact: true }).filter({ visible: true }).first().click();
    await visible(representative, '.accept-submit').click();
    await waitForText(visible(representative, '.hand-on-line'), '部门：待签收');
    await screenshot(representative, 'department-handed-on');

    // 城管办's liaison: 部门待办 → the matter → 签收 → 办理进展 → 办理结果.
    await liaison.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(liaison, 'liaison');
    await visible(liaison, '.dept-entry').click();
    await waitForText(visible(liaison, '.dept-queue-title'), '城管办');
    await liaison.locator('.dept-queue-item', { hasText: '占道摆摊' }).filter({ visible: true }).first().click();
    await visible(liaison, '.dept-acknowledge').click();
    await waitForText(visible(liaison, '.dept-matter-state'), '办理中');
    await waitForText(liaison.locator('.dept-step-kind.chip--on').filter({ visible: true }).first(), '办理进展');
    await visible(liaison, '.dept-step-text textarea').fill('已到现场劝离摊贩，划定了临时摊位');
    await visible(liaison, '.dept-step-send').click();
    await waitForText(liaison.locator('.dept-timeline-line').filter({ visible: true }).last(), '划定了临时摊位');
    await liaison.locator('.dept-step-kind', { hasText: '办理结果' }).filter({ visible: true }).first().click();
    await visible(liaison, '.dept-step-text textarea').fill('东门通道已清空，每天早上派人巡查');
    await visible(liaison, '.dept-step-send').click();
    await waitForText(visible(liaison, '.dept-steps-done'), '已反馈结果');
    await screenshot(liaison, 'department-answered');

    // 刘阿姨 sees each step signed 城管办.
    await resident.goto(detailUrl);
    await resident.reload();
    await waitForText(resident.locator('.timeline-step').filter({ visible: true }).last(), '东门通道已清空');
    const steps = await resident.locator('.timeline-step').filter({ visible: true }).allTextContents();
    expect(steps.filter((s) => s.includes('· 城管办')).length).toBe(3);
    expect(steps.join('\n')).toContain('城管办：已签收');
    expect(steps.join('\n')).not.toContain('城管办联络员');
    await screenshot(resident, 'department-resident-timeline');
  }, 180_000);
});
