/** Writes miniprogram/src/services/route-table.ts from the contract (`npm run routes`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { routeTableSource } from '../shared/src/contract/route-table';

const out = join(__dirname, '../miniprogram/src/services/route-table.ts');
writeFileSync(out, routeTableSource());
console.log(`已生成 ${out}`);
