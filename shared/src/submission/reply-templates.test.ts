import { DEFAULT_REPLY_TEMPLATES, fillReplyTemplate } from './reply-templates';
import { replyTemplatesRequest } from '../schemas/submission';

describe('reply templates', () => {
  const facts = { category: '道路交通', studioName: '洛社镇党代表工作室', department: '镇交通办', dueDate: '2026年12月3日', place: '前进村村口' };

  it('fills every placeholder from the submission', () => {
    expect(fillReplyTemplate('您在{地点}反映的{类别}问题已转交{部门}，{期限}前办好。——{工作室}', facts)).toBe(
      '您在前进村村口反映的道路交通问题已转交镇交通办，2026年12月3日前办好。——洛社镇党代表工作室',
    );
  });

  it('says something sensible when a fact is missing, and leaves unknown braces alone', () => {
    expect(fillReplyTemplate('已转交{部门}，{期限}前办好，{地点}。{未知}', { category: '其他', studioName: '工作室' })).toBe('已转交有关部门，近期前办好，您说的地方。{未知}');
  });

  it('ships defaults that pass the same rules as an edited list', () => {
    expect(replyTemplatesRequest.safeParse({ templates: DEFAULT_REPLY_TEMPLATES, version: 0 }).success).toBe(true);
    expect(fillReplyTemplate(DEFAULT_REPLY_TEMPLATES[0]!.text, facts)).toBe('您反映的道路交通问题已转交镇交通办，预计2026年12月3日前处理完毕。——洛社镇党代表工作室');
  });
});
