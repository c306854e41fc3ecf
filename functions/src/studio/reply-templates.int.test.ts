import { DEFAULT_REPLY_TEMPLATES } from '@shared/submission/reply-templates';
import { getReplyTemplates, saveReplyTemplates } from './reply-templates.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { invoke, loadHandlers } from '../../../test/support/invoke';
import { testEnv } from '../../../test/support/tables';

// Each studio's reply templates (答复模板): its representatives edit them; two editors never silently overwrite each other.
describe('reply templates (DynamoDB Local)', () => {
  const mine = [
    { title: '已派人查看', text: '您反映的{类别}问题，我们已派人到{地点}查看，{期限}前给您答复。——{工作室}' },
    { title: '感谢建议', text: '感谢您的建议，我们会认真研究。——{工作室}' },
  ];

  it('starts from the defaults, saves a studio’s own, and refuses a save made from an old version', async () => {
    const f = await bookingFixture();
    const rep1 = f.principalOf('rep1');
    const rep2 = f.principalOf('rep2');
    expect(await getReplyTemplates(f.deps, rep1, f.seed.studioId)).toEqual({ templates: DEFAULT_REPLY_TEMPLATES, version: 0 });

    const saved = await saveReplyTemplates(f.deps, rep1, f.seed.studioId, { templates: mine, version: 0 });
    expect(saved).toMatchObject({ templates: mine, version: 1 });
    expect(await getReplyTemplates(f.deps, f.principalOf('admin'), f.seed.studioId)).toMatchObject({ templates: mine, version: 1 });

    // rep2 also started from the defaults (version 0): refused, and rep1's words stay
    expect(await failureOf(saveReplyTemplates(f.deps, rep2, f.seed.studioId, { templates: DEFAULT_REPLY_TEMPLATES, version: 0 }))).toMatchObject({ code: 'CONFLICT' });
    // and two saves from the same version: exactly one wins
    const outcomes = await Promise.allSettled([
      saveReplyTemplates(f.deps, rep1, f.seed.studioId, { templates: mine.slice(0, 1), version: 1 }),
      saveReplyTemplates(f.deps, rep2, f.seed.studioId, { templates: mine.slice(1), version: 1 }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const now = await getReplyTemplates(f.deps, rep1, f.seed.studioId);
    expect(now.version).toBe(2);
    expect(now.templates).toHaveLength(1);
  }, 60_000);

  it('is for the studio’s representatives and admin only; bad lists are refused naming the field', async () => {
    const f = await bookingFixture();
    const api = loadHandlers(testEnv(f.tableName));
    const token = async (persona: string) => (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona } })).body.token;
    const path = { studioId: f.seed.studioId };
    for (const persona of ['resident', 'staff1']) {
      expect((await invoke(api.getReplyTemplates, 'getReplyTemplates', { token: await token(persona), params: path })).status).toBe(403);
      expect((await invoke(api.saveReplyTemplates, 'saveReplyTemplates', { token: await token(persona), params: path, body: { templates: mine, version: 0 } })).status).toBe(403);
    }
    // a representative of this studio asking about another studio learns nothing
    expect((await invoke(api.getReplyTemplates, 'getReplyTemplates', { token: await token('rep1'), params: { studioId: '01J0000000000000000000000Z' } })).status).toBe(403);

    const rep = await token('rep1');
    const save = (body: unknown) => invoke(api.saveReplyTemplates, 'saveReplyTemplates', { token: rep, params: path, body });
    expect((await save({ templates: [{ title: '短', text: '感谢您的建议。' }], version: 0 })).body.error.fields).toEqual({ 'templates.0.title': '模板名称至少 2 个字' });
    expect((await save({ templates: [mine[0], mine[0]], version: 0 })).body.error.fields).toEqual({ templates: '模板名称不能重复' });
    expect((await save({ templates: mine })).body.error.fields).toEqual({ version: '缺少版本号，请刷新后再改' });
    expect((await invoke(api.getReplyTemplates, 'getReplyTemplates', { token: rep, params: path })).body.version).toBe(0);

    const ok = await save({ templates: mine, version: 0 });
    expect(ok.status).toBe(200);
    const stale = await save({ templates: mine, version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe('答复模板刚被其他人修改过，请重新载入后再改');
  }, 60_000);
});
