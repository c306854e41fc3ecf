import type { Compilation, Compiler, Module } from 'webpack'

/**
 * The contract's `getStandByScene` path (shared/src/contract/stands.ts). Taro's config loader cannot load the contract
 * (its imports have no file extensions), so it is repeated here; src/services/entry-prefetch.test.ts fails when the two differ.
 */
export const STAND_BY_SCENE_PATH = '/stands/by-scene/{scene}'

/** The global the inline script leaves the stand's answer in, for `services/entry-prefetch.ts`. */
export const PREFETCH_GLOBAL = '__lianxinPrefetch'

/**
 * The inline script put into index.html (ES5, runs before the app's ~1 MB of scripts have arrived): when the address
 * is the stand page (`#/pages/stand/index?scene=v%3D…`, as a venue's QR code opens it), it
 * - preloads the stand page's own chunks, which the router would otherwise ask for only once the app script ran;
 * - asks the API for the stand (`path`: the contract's `getStandByScene`, public; a simple CORS request, no preflight) and
 *   leaves the answer for the page (`services/entry-prefetch.ts`): once it has arrived, the page's first render shows
 *   it; before that, the page's first call waits for it instead of asking again.
 * The scene is decoded as `parseVenueScene` does; anything else is left to the page (which says the code is bad).
 */
export function standHeadStartScript({ apiBase, path, files }: { apiBase: string; path: string; files: string[] }): string {
  const preload = files.map((file) => ({ href: file, as: file.endsWith('.css') ? 'style' : 'script' }))
  return `!function(w,d){try{
var m=/^#\\/pages\\/stand\\/index\\?(?:[^#]*&)?scene=([^&#]*)/.exec(w.location.hash);if(!m)return;
var s=m[1];for(var i=0;i<2&&/%[0-9A-Fa-f]{2}/.test(s);i++)s=decodeURIComponent(s);s=s.replace(/^\\s+|\\s+$/g,'');
if(!/^v=[0-9A-HJKMNP-TV-Z]{26}$/.test(s))return;
var p=${JSON.stringify(preload)};for(var j=0;j<p.length;j++){var l=d.createElement('link');l.rel='preload';l.setAttribute('as',p[j].as);l.href=p[j].href;d.head.appendChild(l)}
if(!w.fetch)return;
var u=${JSON.stringify(apiBase)}+${JSON.stringify(path)}.replace('{scene}',encodeURIComponent(s));
var a=w.fetch(u,{headers:{Accept:'application/json'},credentials:'omit'}).then(function(r){return r.text().then(function(t){return{statusCode:r.status,text:t}})});
var o={url:u,at:Date.now(),answer:a};a.then(function(x){o.settled=x},function(){});
w.${PREFETCH_GLOBAL}=o;
}catch(e){}}(window,document);`
}

const isStandPage = (module: Module) => /[\\/]src[\\/]pages[\\/]stand[\\/]index\.tsx$/.test(module.nameForCondition() ?? '')

/** The stand page's own JS and CSS files (its lazily loaded chunk group, without what the entry already loads). */
export function standRouteFiles(compilation: Compilation): string[] {
  const publicPath = typeof compilation.outputOptions.publicPath === 'string' ? compilation.outputOptions.publicPath : '/'
  const groups = compilation.chunkGroups.filter(
    (group) => !group.isInitial() && group.chunks.some((chunk) => [...compilation.chunkGraph.getChunkModulesIterable(chunk)].some(isStandPage)),
  )
  const files = new Set<string>()
  for (const group of groups) {
    for (const chunk of group.chunks) {
      if (chunk.canBeInitial()) continue
      for (const file of chunk.files) if (/\.(js|css)$/.test(file)) files.add(`${publicPath}${file}`)
    }
  }
  return [...files]
}

/**
 * Webpack plugin (H5 build only): writes `standHeadStartScript` into index.html, before its first script or
 * stylesheet (an inline script after a stylesheet would wait for it). It runs after the content hashes are final,
 * so the file names it preloads are the ones served. A build where the stand page cannot be found fails.
 */
export class StandHeadStartPlugin {
  constructor(private readonly options: { apiBase: string; path: string; webpack: typeof import('webpack') }) {}

  apply(compiler: Compiler): void {
    const { webpack, apiBase, path } = this.options
    compiler.hooks.thisCompilation.tap('StandHeadStartPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'StandHeadStartPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, () => {
        const html = compilation.getAsset('index.html')
        if (!html) return
        const files = standRouteFiles(compilation)
        if (files.length === 0) {
          compilation.errors.push(new webpack.WebpackError('StandHeadStartPlugin: the stand page (src/pages/stand/index.tsx) is in no lazily loaded chunk'))
          return
        }
        const source = html.source.source().toString()
        const at = source.search(/<(script|link)\b/)
        const tag = `<script>${standHeadStartScript({ apiBase, path, files })}</script>`
        const updated = at >= 0 ? source.slice(0, at) + tag + source.slice(at) : source.replace('</head>', `${tag}</head>`)
        compilation.updateAsset('index.html', new webpack.sources.RawSource(updated))
      })
    })
  }
}
