import { ForbiddenError } from './errors';
import { mayActFor, requireStudioRole } from './policy';

const STUDIO = '01J0000000000000000000STUD';
const OTHER = '01J0000000000000000000OTHR';

describe('who may act for a studio', () => {
  it.each([
    ['serve', ['representative', 'staff', 'admin']],
    ['answer', ['representative', 'admin']],
    ['administer', ['admin']],
  ] as const)('%s: only %j of that studio', (action, allowed) => {
    for (const role of ['resident', 'representative', 'staff', 'admin'] as const) {
      expect(mayActFor({ userId: 'u', role, studioId: STUDIO }, STUDIO, action)).toBe((allowed as readonly string[]).includes(role));
      // the same role in another studio acts for nothing here
      expect(mayActFor({ userId: 'u', role, studioId: OTHER }, STUDIO, action)).toBe(false);
    }
  });

  it('refuses a person without a studio, and says who may', () => {
    expect(mayActFor({ userId: 'u', role: 'admin' }, STUDIO, 'administer')).toBe(false);
    expect(() => requireStudioRole({ userId: 'u', role: 'staff', studioId: STUDIO }, STUDIO, 'answer')).toThrow(new ForbiddenError('只有本工作室的党代表和管理员可以办理'));
    expect(() => requireStudioRole({ userId: 'u', role: 'staff', studioId: STUDIO }, STUDIO, 'administer', '只有本工作室的管理员可以生成海报')).toThrow('只有本工作室的管理员可以生成海报');
    expect(() => requireStudioRole({ userId: 'u', role: 'admin', studioId: STUDIO }, STUDIO, 'administer')).not.toThrow();
  });
});
