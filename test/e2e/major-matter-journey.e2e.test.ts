import type { Page } from 'playwright-core';
import { screenshot, waitForText } from '../support/browser';
import { journey, visible } from '../support/journey';
import { handOnAsMajor, raiseAtStand, signForInQueue } from '../support/loop-steps';

// The whole loop of a 大事 (收集 → 协商 → 解决 → 反馈): 刘阿姨 reports stalls blocking the market gate; 张建国 accepts it as
// 大事 and hands it to 城管办 from the studio's list; 城管办's liaison signs in, finds it in 部门待办, signs for it (签收),
// posts progress and the result; 刘阿姨 sees each step on her timeline signed "城管办", never the liaison's own name;
// 张建国 calls a 议事协商 on it, holds it and publishes the decision (四议两公开: on the board with the matter); he
// answers and closes it as 已解决, and 刘阿姨 rates it. Real Chromium, H5 build, serverless-offline, DynamoDB Local.
describe('a 大事 handed to 城管办, answered by its liaison, consulted on, closed and rated', () => {
  const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))); // Taro H5 hands typed text over a frame later
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
    const detailUrl = await raiseAtStand(resident, j, '环境卫生', '菜场东门天天有人占道摆摊，老人推车过不去');

    // The representative accepts it as 大事 for 城管办 (from the studio's list), due today.
    await handOnAsMajor(representative, j, '占道摆摊', '城管办', 'department-handed-on');

    // 城管办's liaison: 部门待办 → the matter → 签收 → 办理进展 → 办理结果.
    await signForInQueue(liaison, j, 'liaison', '城管办', '占道摆摊');
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

    // 协商: 张建国 calls a 议事协商 on the matter, holds it and publishes the decision.
    const topic = `东门占道摆摊${String(Date.now()).slice(-3)}`;
    await representative.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await visible(representative, '.rep-entry').click();
    await visible(representative, '.consultations-link').click();
    await visible(representative, '.consultation-new').click();
    await representative.locator('.consultation-pick', { hasText: '占道摆摊' }).filter({ visible: true }).first().click();
    await visible(representative, '.consultation-topic-input input').fill(topic);
    await visible(representative, '.consultation-place-input input').fill('菜场管理处');
    await visible(representative, '.consultation-agenda-input textarea').fill('听取摊主和居民意见\n城管办说明临时摊位');
    await visible(representative, '.consultation-invitedUnits-input input').fill('城管办、菜场管理处');
    await settle(representative);
    await visible(representative, '.consultation-create').click();
    await waitForText(visible(representative, '.consultation-status'), '待召开');
    await visible(representative, '.consultation-attendance-input input').fill('18');
    await visible(representative, '.consultation-minutes-input textarea').fill('摊主同意搬到临时摊位，城管办每天早上巡查。');
    await visible(representative, '.consultation-decision-input textarea').fill('东门通道不再摆摊，临时摊位设在停车场北侧');
    await settle(representative);
    await visible(representative, '.consultation-record-submit').click();
    await waitForText(visible(representative, '.consultation-status'), '已召开');
    await screenshot(representative, 'loop-consultation-held');

    // 张建国 answers (the department's result in his words) and closes it as 已解决.
    await representative.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await visible(representative, '.rep-entry').click();
    await visible(representative, '.inbox-tab--in_progress').click();
    await representative.locator('.inbox-item', { hasText: '占道摆摊' }).filter({ visible: true }).first().click();
    await visible(representative, '.reply-input textarea').fill('城管办已清空东门通道，摊位搬到停车场北侧，每天早上巡查。——洛社镇党代表工作室');
    await visible(representative, '.reply-submit').click();
    await representative.locator('.closure-outcome', { hasText: '已解决' }).filter({ visible: true }).first().click();
    await visible(representative, '.resolve-button').click();
    await waitForText(visible(representative, '.submission-status'), '已办结');

    // 刘阿姨 sees the 协商 on her timeline and the answer, and rates it.
    await resident.goto(detailUrl);
    await resident.reload();
    await waitForText(visible(resident, '.submission-status'), '已办结');
    const loop = (await resident.locator('.timeline-step').filter({ visible: true }).allTextContents()).join('\n');
    expect(loop).toContain('议事协商');
    expect(loop).toContain('东门通道不再摆摊');
    await visible(resident, '.rate-satisfied').click();
    await visible(resident, '.rate-submit').click();
    await waitForText(resident.locator('.timeline-step').filter({ visible: true }).last(), '满意');
    await screenshot(resident, 'loop-rated');

    // The board's 议事协商公示 shows the decision with the matter it answers.
    await resident.goto(j.stack.standUrl);
    await visible(resident, '.board-entry').click();
    await visible(resident, '.board-consultations').click();
    const card = resident.locator('.consultation-card', { hasText: topic }).filter({ visible: true }).first();
    await waitForText(card.locator('.consultation-decision-text'), '东门通道不再摆摊，临时摊位设在停车场北侧');
    await waitForText(card.locator('.consultation-matters'), '占道摆摊');
  }, 300_000);
});
