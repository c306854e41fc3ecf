/** Writes docs/openapi.yaml from the contract (shared/src/contract). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiYaml } from './lib/openapi';

const file = join(__dirname, '..', 'docs', 'openapi.yaml');
writeFileSync(file, openApiYaml());
console.log(`已生成 ${file}`);
