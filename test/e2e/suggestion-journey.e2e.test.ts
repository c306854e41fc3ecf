import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { screenshot, waitForText } from '../support/browser';
import { journey, signIn } from '../support/journey';

// 刘阿姨 scans the market's code and reports broken street lights with a photo, leaving her phone number in the
// text; 张建国 sees the photo, accepts it, sorts it as 小事, starts the reply from a template, replies publicly and
// resolves it; she sees the reply and rates it; the public board shows it with her number masked.
// Real Chromium, H5 build, serverless-offline, DynamoDB Local, photos in the local S3 server (s3rver).
describe('a suggestion from the market to a rated reply', () => {
  const j = journey();
  let resident: Page;
  let representative: Page;

  beforeAll(async () => {
    resident = await j.phone();
    representative = await j.phone();
  });

  /** Some shown photo has really loaded from object storage (an image that failed has no natural width). */
  const photoLoaded = (page: Page, selector: string) =>
    page.waitForFunction((sel) => Array.from(document.querySelectorAll<HTMLImageElement>(sel)).some((img) => img.complete && img.naturalWidth > 0 && img.src.includes('X-Amz-Signature')), selector, { timeout: 15_000 });

  it('is submitted, answered, resolved, rated and shown on the board', async () => {
    await resident.goto(j.stack.standUrl);
    await waitForText(resident.locator('.stand-studio-name').filter({ visible: true }).first(), '洛社镇党代表工作室', { exact: true });
    await signIn(resident, 'resident');
    await waitForText(resident.locator('.greeting').filter({ visible: true }).first(), '刘阿姨');

    await resident.locator('.stand-submit').filter({ visible: true }).first().click();
    await resident.locator('.category-chip', { hasText: '道路交通' }).filter({ visible: true }).first().click();
    await resident.locator('.textarea-input textarea').filter({ visible: true }).first().fill('村口路灯坏了三盏，晚上很黑。有事请打我电话 13800138000');
    await resident.locator('.place-input input').filter({ visible: true }).first().fill('洛社村口');

    // A photo: the browser's file chooser opens (with a phone's user agent Taro first asks 拍摄 or 从相册选择).
    const photo = await QRCode.toBuffer('洛社村口的路灯', { width: 240 });
    const chooser = resident.waitForEvent('filechooser');
    await resident.locator('.photo-add').filter({ visible: true }).first().click();
    const album = resident.getByText('从相册选择', { exact: true }).filter({ visible: true }).first();
    if (await album.waitFor({ state: 'visible', timeout: 1_000 }).then(() => true, () => false)) await album.click();
    await (await chooser).setFiles({ name: 'streetlight.png', mimeType: 'image/png', buffer: photo });
    await resident.locator('.photo-tile--done').filter({ visible: true }).first().waitFor({ timeout: 15_000 });
    await screenshot(resident, 'suggestion-form-with-photo');

    await resident.locator('.submit-button').filter({ visible: true }).first().click();
    await waitForText(resident.locator('.submission-status').filter({ visible: true }).first(), '待受理');
    await photoLoaded(resident, '.photo-grid img');
    await screenshot(resident, 'suggestion-submitted');
    const detailUrl = resident.url();

    // The representative works the inbox.
    await representative.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(representative, 'rep1');
    await representative.locator('.rep-entry').filter({ visible: true }).first().click();
    await waitForText(representative.locator('.inbox-count').filter({ visible: true }).first(), '1');
    await representative.locator('.inbox-item').filter({ visible: true }).first().click();
    await photoLoaded(representative, '.photo-grid img');
    await representative.locator('.triage-minor').filter({ visible: true }).first().click();
    await representative.locator('.accept-submit').filter({ visible: true }).first().click();
    // a template fills the reply from the submission; then he writes his own words
    await representative.locator('.reply-template', { hasText: '已经办好' }).filter({ visible: true }).first().click();
    expect(await representative.locator('.reply-input textarea').filter({ visible: true }).first().inputValue()).toBe('您反映的道路交通问题已经处理好了，感谢您对我们工作的支持，欢迎继续监督。——洛社镇党代表工作室');
    await representative.locator('.reply-input textarea').filter({ visible: true }).first().fill('已请村委会联系电工，本周内修好三盏路灯。——洛社镇党代表工作室');
    await representative.locator('.reply-submit').filter({ visible: true }).first().click();
    // 办结 says how: 已解决
    await representative.locator('.closure-outcome', { hasText: '已解决' }).filter({ visible: true }).first().click();
    await representative.locator('.resolve-button').filter({ visible: true }).first().click();
    await waitForText(representative.locator('.submission-status').filter({ visible: true }).first(), '已办结');
    await screenshot(representative, 'suggestion-representative');

    // She sees the reply and rates it.
    await resident.goto(detailUrl);
    await resident.reload();
    await waitForText(resident.locator('.submission-status').filter({ visible: true }).first(), '已办结');
    await waitForText(resident.locator('.reply-card').filter({ visible: true }).first(), '本周内修好三盏路灯');
    await resident.locator('.rate-satisfied').filter({ visible: true }).first().click();
    await resident.locator('.rate-submit').filter({ visible: true }).first().click();
    await waitForText(resident.locator('.timeline-step').filter({ visible: true }).last(), '满意');

    // The board shows it, with her number masked.
    const studioId = j.stack.seed.studioId;
    await resident.goto(`${j.stack.h5Url}/#/pages/board/index?studioId=${studioId}`);
    await waitForText(resident.locator('.board-item').filter({ visible: true }).first(), '138****8000');
    expect(await resident.locator('.board-item').filter({ visible: true }).first().textContent()).not.toContain('13800138000');
    await waitForText(resident.locator('.board-reply').filter({ visible: true }).first(), '本周内修好三盏路灯');
    await screenshot(resident, 'suggestion-board');
  }, 180_000);

  it('is entered by staff for a resident without a phone (代填), with a photo of the paper form, and reaches the inbox', async () => {
    const staff = await j.phone();
    await staff.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(staff, 'staff1');
    await staff.locator('.staff-entry').filter({ visible: true }).first().click();
    await staff.locator('.staff-stand-main').filter({ visible: true }).first().click();
    await staff.locator('.on-behalf-link').filter({ visible: true }).first().click();

    await staff.locator('.source-chip', { hasText: '纸质意见征询表' }).filter({ visible: true }).first().click();
    await staff.locator('.category-chip', { hasText: '环境卫生' }).filter({ visible: true }).first().click();
    await staff.locator('.textarea-input textarea').filter({ visible: true }).first().fill('河边的垃圾没人清理，夏天味道很大');
    const form = await QRCode.toBuffer('纸质意见征询表', { width: 200 });
    const chooser = staff.waitForEvent('filechooser');
    await staff.locator('.photo-add').filter({ visible: true }).first().click();
    const album = staff.getByText('从相册选择', { exact: true }).filter({ visible: true }).first();
    if (await album.waitFor({ state: 'visible', timeout: 1_000 }).then(() => true, () => false)) await album.click();
    await (await chooser).setFiles({ name: 'paper-form.png', mimeType: 'image/png', buffer: form });
    await staff.locator('.photo-tile--done').filter({ visible: true }).first().waitFor({ timeout: 15_000 });
    await staff.locator('.submit-button').filter({ visible: true }).first().click();
    await waitForText(staff.locator('.on-behalf-done').filter({ visible: true }).first(), '已代填');
    await screenshot(staff, 'suggestion-on-behalf');

    // The representative finds it among the new ones, marked 代填, with the photo.
    await representative.goto(`${j.stack.h5Url}/#/packageRep/pages/inbox/index`);
    await representative.reload();
    const item = representative.locator('.inbox-item', { hasText: '河边的垃圾' }).filter({ visible: true }).first();
    await waitForText(item, '代填');
    await item.click();
    await photoLoaded(representative, '.photo-grid img');
  }, 120_000);

  it('shows 周大爷 that 刘阿姨 raised the same thing; he 附议s it, and the representative sees one more voice', async () => {
    const studioId = j.stack.seed.studioId;
    await resident.goto(`${j.stack.h5Url}/#/pages/submit/index?studioId=${studioId}`);
    await resident.reload();
    await resident.locator('.category-chip', { hasText: '环境卫生' }).filter({ visible: true }).first().click();
    await resident.locator('.textarea-input textarea').filter({ visible: true }).first().fill('菜场东门的垃圾桶满了好几天没人清理，味道很大');
    await resident.locator('.submit-button').filter({ visible: true }).first().click();
    await waitForText(resident.locator('.submission-status').filter({ visible: true }).first(), '待受理');

    const neighbour = await j.phone();
    await neighbour.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await signIn(neighbour, 'resident2');
    await waitForText(neighbour.locator('.me-name').filter({ visible: true }).first(), '周大爷');
    await neighbour.goto(`${j.stack.h5Url}/#/pages/submit/index?studioId=${studioId}`);
    await neighbour.reload();
    // the form is ready once the studio's categories are shown (before then a typed text can be replaced by the form's
    // start); then he types, and the hint comes after a pause in typing
    await neighbour.locator('.category-chip', { hasText: '环境卫生' }).filter({ visible: true }).first().click();
    const box = neighbour.locator('.textarea-input textarea').filter({ visible: true }).first();
    await box.fill('菜场东门垃圾箱一直没人清，臭味很大');
    await expect(box.inputValue()).resolves.toBe('菜场东门垃圾箱一直没人清，臭味很大');
    const hint = neighbour.locator('.similar-hint').filter({ visible: true }).first();
    await waitForText(hint, '这些事已经有人反映过', { timeoutMs: 30_000 });
    await hint.locator('.second-button').first().click();
    await waitForText(hint.locator('.second-done').first(), '已附议');
    await waitForText(hint, '1 位居民也反映了这件事');
    await screenshot(neighbour, 'suggestion-seconded');

    // he follows it in 我的 → 我附议的事
    await neighbour.goto(`${j.stack.h5Url}/#/pages/me/index`);
    await neighbour.reload();
    await neighbour.locator('.seconds-entry').filter({ visible: true }).first().click();
    await waitForText(neighbour.locator('.seconds-item').filter({ visible: true }).first(), '菜场东门的垃圾桶');

    await representative.goto(`${j.stack.h5Url}/#/packageRep/pages/inbox/index`);
    await representative.reload();
    await waitForText(representative.locator('.inbox-item', { hasText: '菜场东门的垃圾桶' }).filter({ visible: true }).first(), '1 位居民也反映了这件事');
  }, 120_000);
});
