import type { Page } from 'playwright-core';
import { screenshot, waitForText } from './browser';
import { signIn, visible, type Journey } from './journey';

/**
 * The loop's first steps as the journeys take them (major-matter, unit-loop): a resident raises a matter at the demo
 * stand; a representative accepts it as 大事 for a department (or a member unit) of the list, due today; the
 * department's liaison signs for it in 部门待办.
 */

/** 刘阿姨 (persona `resident`) raises a matter at the demo stand; answers the URL of its page. */
export async function raiseAtStand(resident: Page, j: Journey, category: string, text: string): Promise<string> {
  await resident.goto(j.stack.standUrl);
  await waitForText(visible(resident, '.stand-studio-name'), '洛社镇党代表工作室', { exact: true });
  await signIn(resident, 'resident');
  await waitForText(visible(resident, '.greeting'), '刘阿姨');
  await visible(resident, '.stand-submit').click();
  await resident.locator('.category-chip', { hasText: category }).filter({ visible: true }).first().click();
  await visible(resident, '.textarea-input textarea').fill(text);
  await visible(resident, '.submit-button').click();
  await waitForText(visible(resident, '.submission-status'), '待受理');
  return resident.url();
}

/** 张建国 (persona `rep1`) finds the matter in his inbox and hands it on as 大事 to `department` (its chip's text), due today. */
export async function handOnAsMajor(representative: Page, j: Journey, matter: string, department: string, shot: string): Promise<void> {
  await representative.goto(`${j.stack.h5Url}/#/pages/me/index`);
  await signIn(representative, 'rep1');
  await visible(representative, '.rep-entry').click();
  await representative.locator('.inbox-item', { hasText: matter }).filter({ visible: true }).first().click();
  await visible(representative, '.triage-major').click();
  await representative.locator('.department-chip', { hasText: department }).filter({ visible: true }).first().click();
  await visible(representative, '.due-date-input').click();
  await representative.getByText('确定', { exact: true }).filter({ visible: true }).first().click();
  await visible(representative, '.accept-submit').click();
  await waitForText(visible(representative, '.hand-on-line'), '部门：待签收');
  await screenshot(representative, shot);
}

/** The liaison (`persona`) opens 部门待办 (titled `department`), the matter, and signs for it (签收). */
export async function signForInQueue(liaison: Page, j: Journey, persona: string, department: string, matter: string): Promise<void> {
  await liaison.goto(`${j.stack.h5Url}/#/pages/me/index`);
  await signIn(liaison, persona);
  await visible(liaison, '.dept-entry').click();
  await waitForText(visible(liaison, '.dept-queue-title'), department);
  await liaison.locator('.dept-queue-item', { hasText: matter }).filter({ visible: true }).first().click();
  await visible(liaison, '.dept-acknowledge').click();
  await waitForText(visible(liaison, '.dept-matter-state'), '办理中');
}
