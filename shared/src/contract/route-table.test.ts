import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routes } from './index';
import { routeTable, routeTableSource } from './route-table';

describe('the mini-program’s route table', () => {
  it('is the contract’s, as generated (run `npm run routes` after changing a route)', () => {
    const generated = readFileSync(join(__dirname, '../../../miniprogram/src/services/route-table.ts'), 'utf8');
    expect(generated).toBe(routeTableSource());
  });

  it('has every route with its method, path and whether it is public', () => {
    const table = routeTable();
    expect(Object.keys(table).sort()).toEqual(Object.keys(routes).sort());
    expect(table.getStandByScene).toEqual({ method: 'GET', path: routes.getStandByScene.path, public: true });
    expect(table.getMe.public).toBe(false);
    expect(Object.values(table).some((e) => e.file)).toBe(true);
  });
});
