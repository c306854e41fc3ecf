import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { H5_PLACEHOLDER_API_BASE, h5CopyFor, h5InputsHash } from './h5-shared';

describe('the shared H5 build', () => {
  const made: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'lianxin-h5-test-'));
    made.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it('copies a build with the placeholder replaced by the API address in every text file, and other files as they are', () => {
    const shared = folder();
    mkdirSync(join(shared, 'js'));
    writeFileSync(join(shared, 'index.html'), `<script>var u=${JSON.stringify(H5_PLACEHOLDER_API_BASE)}+"/stands/by-scene/{scene}"</script>`);
    writeFileSync(join(shared, 'js', 'app.0123abcd.js'), `a="${H5_PLACEHOLDER_API_BASE}".replace(/\\/+$/,"");b="${H5_PLACEHOLDER_API_BASE}/me"`);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    writeFileSync(join(shared, 'logo.png'), png);

    const copy = h5CopyFor(shared, 'http://127.0.0.1:41234/');
    made.push(copy);
    expect(readFileSync(join(copy, 'index.html'), 'utf8')).toBe('<script>var u="http://127.0.0.1:41234"+"/stands/by-scene/{scene}"</script>');
    expect(readFileSync(join(copy, 'js', 'app.0123abcd.js'), 'utf8')).toBe('a="http://127.0.0.1:41234".replace(/\\/+$/,"");b="http://127.0.0.1:41234/me"');
    expect(readFileSync(join(copy, 'logo.png'))).toEqual(png);
    // the shared build itself is untouched (other journeys copy it too)
    expect(readFileSync(join(shared, 'index.html'), 'utf8')).toContain(H5_PLACEHOLDER_API_BASE);
  });

  it('names the build after its inputs: a change to the mini-program’s sources makes another', () => {
    const root = folder();
    mkdirSync(join(root, 'miniprogram', 'src'), { recursive: true });
    writeFileSync(join(root, 'miniprogram', 'src', 'app.ts'), 'export const a = 1');
    writeFileSync(join(root, 'package-lock.json'), '{}');
    const before = h5InputsHash(root);
    expect(h5InputsHash(root)).toBe(before);
    writeFileSync(join(root, 'miniprogram', 'src', 'app.ts'), 'export const a = 2');
    expect(h5InputsHash(root)).not.toBe(before);
  });
});
