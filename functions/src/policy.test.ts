import { ForbiddenError } from './errors';
import { isLiaisonOf, isUnitLiaisonOf, mayActFor, requireStudioRole } from './policy';

const STUDIO = '01J0000000000000000000STUD';
const OTHER = '01J0000000000000000000OTHR';

describe('who may act for a studio', () => {
  it.each([
    ['serve', ['representative', 'staff', 'admin']],
    ['answer', ['representative', 'admin']],
    ['administer', ['admin']],
  ] as const)('%s: only %j of that studio', (action, allowed) => {
    for (const role of ['resident', 'representative', 'staff', 'admin', 'liaison'] as const) {
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

describe('who may act on what was handed to a department', () => {
  const DEPT = '01J0000000000000000000DEPT';
  it('is its own liaison only, of its own studio', () => {
    expect(isLiaisonOf({ userId: 'u', role: 'liaison', studioId: STUDIO, departmentId: DEPT }, STUDIO, DEPT)).toBe(true);
    expect(isLiaisonOf({ userId: 'u', role: 'liaison', studioId: STUDIO, departmentId: 'another' }, STUDIO, DEPT)).toBe(false);
    expect(isLiaisonOf({ userId: 'u', role: 'liaison', studioId: OTHER, departmentId: DEPT }, STUDIO, DEPT)).toBe(false);
    for (const role of ['resident', 'representative', 'staff', 'admin'] as const) expect(isLiaisonOf({ userId: 'u', role, studioId: STUDIO, departmentId: DEPT }, STUDIO, DEPT)).toBe(false);
  });
});

describe('who may act on what was handed to a member unit', () => {
  const TOWN = '01J0000000000000000000TOWN';
  const UNIT = '01J0000000000000000000UNIT';
  it('is a liaison of that unit, of that town, only', () => {
    expect(isUnitLiaisonOf({ userId: 'u', role: 'unit_liaison', townId: TOWN, departmentId: UNIT }, TOWN, UNIT)).toBe(true);
    expect(isUnitLiaisonOf({ userId: 'u', role: 'unit_liaison', townId: TOWN, departmentId: 'another' }, TOWN, UNIT)).toBe(false);
    expect(isUnitLiaisonOf({ userId: 'u', role: 'unit_liaison', townId: 'another-town', departmentId: UNIT }, TOWN, UNIT)).toBe(false);
    // a studio department's liaison with the unit's id, or the town's admin, is not the unit's liaison
    expect(isUnitLiaisonOf({ userId: 'u', role: 'liaison', studioId: STUDIO, townId: TOWN, departmentId: UNIT }, TOWN, UNIT)).toBe(false);
    expect(isUnitLiaisonOf({ userId: 'u', role: 'town_admin', townId: TOWN, departmentId: UNIT }, TOWN, UNIT)).toBe(false);
    expect(isLiaisonOf({ userId: 'u', role: 'unit_liaison', studioId: STUDIO, departmentId: UNIT }, STUDIO, UNIT)).toBe(false);
    // nor a resident or a studio's admin holding the same ids
    for (const role of ['resident', 'admin'] as const) expect(isUnitLiaisonOf({ userId: 'u', role, townId: TOWN, departmentId: UNIT }, TOWN, UNIT)).toBe(false);
  });
});
