import { matchResources, wordsOf } from './match';

describe('matching a need with the town’s resources (资源清单 × 需求清单)', () => {
  const clinic = { id: 'clinic', title: '义诊', kind: 'service' as const, description: '量血压、测血糖、老人健康咨询' };
  const playground = { id: 'playground', title: '操场和图书室', kind: 'venue' as const, description: '周末开放，孩子看书、运动' };
  const teachers = { id: 'teachers', title: '教师志愿者', kind: 'volunteers' as const, description: '暑期辅导孩子功课、看护' };
  const room = { id: 'room', title: '会议室', kind: 'venue' as const, description: '可容纳 40 人' };
  const youth = { id: 'youth', title: '青年志愿者', kind: 'volunteers' as const, description: '结对帮扶困难家庭' };
  const all = [clinic, playground, teachers, room, youth];

  it('reads Chinese as two-character words, Latin and numbers as words, without the words every entry has', () => {
    expect([...wordsOf('老人健康检查')]).toEqual(['老人', '人健', '健康', '康检', '检查']);
    expect([...wordsOf('WiFi 40人')]).toEqual(['wifi', '40']);
    expect([...wordsOf('社区服务')]).toEqual(['区服']);
    expect(wordsOf('服务，社区').size).toBe(0);
    expect(wordsOf('，。！').size).toBe(0);
  });

  it('suggests resources of the same kind first, the one sharing most words on top', () => {
    const matches = matchResources({ title: '暑期孩子看护', kind: 'volunteers', description: '放暑假的孩子没人看护' }, all);
    expect(matches.map((m) => m.resource.id)).toEqual(['teachers', 'youth', 'playground']);
    expect(matches[0]).toMatchObject({ sameKind: true, sharedWords: expect.arrayContaining(['暑期', '孩子', '看护']) });
    expect(matches[1]).toMatchObject({ sameKind: true, sharedWords: [] });
    expect(matches[2]).toMatchObject({ sameKind: false, sharedWords: ['孩子', '子看'] });
  });

  it('suggests a resource of another kind when it shares words, and nothing that shares neither kind nor word', () => {
    const matches = matchResources({ title: '老人健康检查', kind: 'other' }, all);
    expect(matches.map((m) => m.resource.id)).toEqual(['clinic']);
    expect(matches[0]).toMatchObject({ sameKind: false, sharedWords: ['老人', '人健', '健康'] });
    expect(matchResources({ title: '修路灯', kind: 'goods' }, all)).toEqual([]);
  });

  it('keeps the list’s order between equally good matches', () => {
    const matches = matchResources({ title: '借用场地', kind: 'venue' }, all);
    expect(matches.map((m) => m.resource.id)).toEqual(['playground', 'room']);
  });
});
