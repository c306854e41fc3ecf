import type { Configuration } from 'webpack'

type SplitChunks = Exclude<NonNullable<Configuration['optimization']>['splitChunks'], false | undefined>
interface ModuleLike {
  nameForCondition?: () => string | null
}
interface ChunkLike {
  canBeInitial(): boolean
}
interface Context {
  chunkGraph: { getModuleChunksIterable(module: never): Iterable<ChunkLike> }
}

/**
 * A library (or a module of our own) used by at least this many of the browser build's chunks goes into the shared
 * chunk: about a quarter of the app's 31 pages. Below it, it stays with the few pages that use it — swiper (the photo
 * viewer of 4 pages, 323 KB) and qrcode-generator (the ticket) are not downloaded by a resident opening a stand.
 */
export const WIDELY_USED = 8

const NODE_MODULES = /[\\/]node_modules[\\/]/

function usage(module: ModuleLike, { chunkGraph }: Context): { chunks: number; initial: boolean } {
  let chunks = 0
  let initial = false
  for (const chunk of chunkGraph.getModuleChunksIterable(module as never)) {
    chunks += 1
    if (chunk.canBeInitial()) initial = true
  }
  return { chunks, initial }
}

const isLibrary = (module: ModuleLike) => NODE_MODULES.test(module.nameForCondition?.() ?? '')

/**
 * How the browser (H5) build splits its code. Taro's own H5 rule shares code between *initial* chunks only, so each
 * page's lazily loaded chunk carried its own copy of zod, Taro's components and our services (~250 KB per page, 9 MB
 * in all). Here:
 * - `vendors`: one chunk with every library the entry uses (React, Taro's runtime and router) or many pages use (zod,
 *   Taro's components, dayjs), loaded with the entry and cached for a year, unchanged by our own edits;
 * - `common`: our own modules many pages use (the contract and schemas in shared/, services/, components/), loaded
 *   with the first page that needs them;
 * - what only a few pages share is split among those pages by webpack's usual rule (once, not per page).
 */
export function h5SplitChunks(): SplitChunks {
  return {
    chunks: 'all',
    cacheGroups: {
      default: false,
      defaultVendors: false,
      vendors: {
        name: 'vendors',
        priority: 30,
        enforce: true,
        test: (module: ModuleLike, context: Context) => {
          if (!isLibrary(module)) return false
          const used = usage(module, context)
          return used.initial || used.chunks >= WIDELY_USED
        },
      },
      common: {
        name: 'common',
        chunks: 'async',
        priority: 20,
        enforce: true,
        test: (module: ModuleLike, context: Context) => !isLibrary(module) && usage(module, context).chunks >= WIDELY_USED,
      },
      sharedByFew: {
        chunks: 'async',
        minChunks: 2,
        minSize: 10_000,
        priority: 10,
        reuseExistingChunk: true,
      },
    },
  }
}
