import { parseWith } from '../validation';
import { replyTemplatesRequest, submitRequest } from './submission';

const STUDIO = '01J00000000000000000000000';
const base = { requestId: 'request-0001', studioId: STUDIO, category: '环境卫生', public: true };

describe('what a suggestion must say', () => {
  it.each(['😡😡😡😡😡😡', '！！！？？？。。。', '👍 👍 👍 👍 👍 👍', '🙂🙂🙂好🙂🙂'])('refuses %j: only emoji, punctuation or too few words', (text) => {
    expect(parseWith(submitRequest, { ...base, text })).toEqual({ ok: false, fields: { text: '请用文字把事情说清楚，不能只有表情或符号' } });
  });

  it.each(['菜场东门的垃圾桶满了😡', 'Bus 12 太挤了', '路灯坏了三盏'])('accepts %j: real words, emoji allowed beside them', (text) => {
    expect(parseWith(submitRequest, { ...base, text }).ok).toBe(true);
  });
});

describe('reply templates', () => {
  const templates = [{ title: '已受理', text: '您反映的问题已受理，我们会尽快办理。' }];

  it.each([9007199254740991, 1e21, -1, 1.5])('refuses a version of %p, naming it', (version) => {
    const result = parseWith(replyTemplatesRequest, { version, templates });
    expect(result.ok).toBe(false);
    expect(Object.keys((result as { fields: object }).fields)).toEqual(['version']);
  });
});
