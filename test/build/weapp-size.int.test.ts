import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');

// The WeChat build must stay far under the 2 MB main-package limit: the script builds, measures and prints
// the size, and fails above its 800 KB budget.
describe('the WeChat build', () => {
  it('builds for weapp and keeps the main package under budget', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'weapp-size.mjs'), '--build'], { cwd: ROOT, timeout: 170_000, maxBuffer: 20 * 1024 * 1024 });
    const report = stdout.split('\n').filter((l) => /KB|MB/.test(l));
    console.log(report.join('\n'));
    expect(stdout).toMatch(/主包|main package/i);
  }, 180_000);
});
