#!/usr/bin/env node
/**
 * Size of the WeChat mini-program's main package (everything under miniprogram/dist/weapp except the roots of
 * subpackages declared in app.json), against WeChat's 2 MB limit. Exits 1 above the 800 KB budget (issue #12: room to grow, well under 2 MB).
 *
 *   node scripts/weapp-size.mjs            # measure the existing build
 *   node scripts/weapp-size.mjs --build    # run `taro build --type weapp` first
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const KB = 1024
const LIMIT = 2 * KB * KB
const BUDGET = 800 * KB
/** Project files the developer tool does not upload as package content. */
const NOT_PACKAGED = new Set(['project.config.json', 'project.private.config.json'])

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const appDir = path.join(root, 'miniprogram')
const distDir = path.join(appDir, 'dist', 'weapp')

if (process.argv.includes('--build')) {
  const started = Date.now()
  console.log('构建微信小程序：taro build --type weapp …')
  const result = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: appDir, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) {
    console.error(`构建失败（退出码 ${result.status ?? result.signal}）`)
    process.exit(result.status || 1)
  }
  console.log(`构建完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`)
}

const appJsonPath = path.join(distDir, 'app.json')
if (!existsSync(appJsonPath)) {
  console.error(`没有找到 ${path.relative(root, appJsonPath)}：请先构建（npm run build:weapp，或加 --build）`)
  process.exit(2)
}

const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'))
const subRoots = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])]
  .map((pkg) => String(pkg.root ?? '').replace(/^\/+|\/+$/g, ''))
  .filter(Boolean)

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else if (entry.isFile()) yield full
  }
}

let main = 0
let mainFiles = 0
const subs = new Map(subRoots.map((r) => [r, 0]))
for (const file of walk(distDir)) {
  const rel = path.relative(distDir, file).split(path.sep).join('/')
  if (NOT_PACKAGED.has(rel)) continue
  const size = statSync(file).size
  const sub = subRoots.find((r) => rel === r || rel.startsWith(`${r}/`))
  if (sub) subs.set(sub, subs.get(sub) + size)
  else {
    main += size
    mainFiles += 1
  }
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`
const pct = ((main / LIMIT) * 100).toFixed(1)
console.log(`主包：${kb(main)}（${mainFiles} 个文件），占 2 MB 上限的 ${pct}%；预算 ${kb(BUDGET)}`)
for (const [sub, size] of subs) console.log(`  分包 ${sub}：${kb(size)}（上限 ${kb(LIMIT)}）`)

let failed = false
if (main > BUDGET) {
  console.error(`主包超出预算 ${kb(main - BUDGET)}`)
  failed = true
}
for (const [sub, size] of subs) {
  if (size > LIMIT) {
    console.error(`分包 ${sub} 超出 2 MB 上限`)
    failed = true
  }
}
process.exit(failed ? 1 : 0)
