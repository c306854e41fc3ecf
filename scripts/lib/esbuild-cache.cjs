// Loaded with `node --require` into the serverless-offline of a browser journey (scripts/lib/stack.ts, option
// `bundleCache`): the same esbuild builds, each kept in a temporary folder named after a hash of its options and of
// every source it can read, so that the next journey with the same sources copies the bundles instead of building
// them again (all 15 functions: ~13 s on an idle 2-core machine, at every journey's start). A change to
// functions/src, shared/src, tsconfig.json or the lockfile makes another hash, hence a real build. `npm start` does
// not load it (its rebuilds on edit stay esbuild's own).
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(tmpdir(), 'lianxin-esbuild-bundles');
const INPUTS = ['functions/src', 'shared/src', 'tsconfig.json', 'package.json', 'package-lock.json'];

function filesUnder(p, out) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) if (name !== 'node_modules') filesUnder(path.join(p, name), out);
  } else out.push(p);
}

/** A hash of the sources (read again for every build: cheap, and never stale). */
function sourcesHash() {
  const hash = createHash('sha256');
  const files = [];
  for (const input of INPUTS) filesUnder(path.join(ROOT, input), files);
  for (const file of files) hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const esbuildPath = require.resolve('esbuild', { paths: [path.dirname(require.resolve('serverless-esbuild/package.json', { paths: [ROOT] }))] });
const esbuild = require(esbuildPath);

async function build(options) {
  // only plain builds with serializable options (no plugins) can be keyed; anything else is built as usual
  if ((options.plugins && options.plugins.length > 0) || !options.outdir || options.write === false) return esbuild.build(options);
  const outdir = path.resolve(options.outdir);
  const keyed = { ...options, outdir: path.relative(ROOT, outdir), plugins: undefined, esbuild: esbuild.version };
  const key = createHash('sha256').update(JSON.stringify(keyed)).update(sourcesHash()).digest('hex').slice(0, 24);
  const cached = path.join(CACHE, key);
  if (fs.existsSync(path.join(cached, '.complete'))) {
    const now = new Date();
    fs.utimesSync(cached, now, now);
    fs.mkdirSync(outdir, { recursive: true });
    for (const name of fs.readdirSync(cached)) if (name !== '.complete') fs.copyFileSync(path.join(cached, name), path.join(outdir, name));
    return { errors: [], warnings: [], outputFiles: undefined, mangleCache: undefined, metafile: undefined };
  }
  const result = await esbuild.build({ ...options, metafile: true });
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.resolve(options.absWorkingDir || process.cwd(), file));
  // all in the outdir (one entry, no splitting): otherwise it is not ours to copy back
  if (outputs.every((file) => path.dirname(file) === outdir)) {
    const partial = `${cached}.partial-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(partial, { recursive: true });
    for (const file of outputs) fs.copyFileSync(file, path.join(partial, path.basename(file)));
    fs.writeFileSync(path.join(partial, '.complete'), '');
    try {
      fs.renameSync(partial, cached);
    } catch {
      fs.rmSync(partial, { recursive: true, force: true }); // another journey kept the same build first
    }
  }
  if (!options.metafile) delete result.metafile;
  return result;
}

// bundles of other sources not used for a day
try {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of fs.readdirSync(CACHE)) {
    const entry = path.join(CACHE, name);
    if (fs.statSync(entry).mtimeMs < dayAgo) fs.rmSync(entry, { recursive: true, force: true });
  }
} catch {
  /* no cache yet */
}

// serverless-esbuild takes esbuild from the module cache: the same package, its `build` keyed.
const wrapped = { ...esbuild, build };
require.cache[esbuildPath].exports = wrapped;
