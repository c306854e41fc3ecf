import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { h5SplitChunks } from './h5-chunks'
import { STAND_BY_SCENE_PATH, StandHeadStartPlugin } from './stand-head-start'

/** The repository's shared code (schemas, errors, scene, time), compiled by Taro's babel like our own src/. */
const SHARED_ROOT = path.resolve(__dirname, '../../shared')
const SHARED_SRC = path.join(SHARED_ROOT, 'src')

/** Used when neither the environment nor a .env file gives an API base (see .env.development / .env.production). */
const DEFAULT_API_BASE = 'https://api.lianxin.example.cn'

// https://taro-docs.jd.com/docs/next/config#defineconfig-辅助函数
export default defineConfig<'webpack5'>(async (merge) => {
  // Taro has already merged miniprogram/.env.<mode> into process.env at this point; an exported variable wins
  // over the file (dotenv-expand keeps existing values). Defined explicitly so the build never ships an
  // undefined base, and so a variable set only in the environment (no .env key) is still injected.
  const apiBase = (process.env.TARO_APP_API_BASE || DEFAULT_API_BASE).replace(/\/+$/, '')

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'lianxin-miniprogram',
    date: '2025-11-22',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
      // The subscribe-message templates, one per notice kind (WeChat admin console → 订阅消息): the same ids as the
      // server's /lianxin/<stage>/wechat/notice-templates parameter. A kind without one is never asked for.
      TARO_APP_TEMPLATE_BOOKING_REMINDER: JSON.stringify(process.env.TARO_APP_TEMPLATE_BOOKING_REMINDER ?? ''),
      TARO_APP_TEMPLATE_STAND_CANCELLED: JSON.stringify(process.env.TARO_APP_TEMPLATE_STAND_CANCELLED ?? ''),
      TARO_APP_TEMPLATE_BOARD_UPDATE: JSON.stringify(process.env.TARO_APP_TEMPLATE_BOARD_UPDATE ?? ''),
      TARO_APP_TEMPLATE_WISH_UPDATE: JSON.stringify(process.env.TARO_APP_TEMPLATE_WISH_UPDATE ?? ''),
      TARO_APP_TEMPLATE_ERRAND_UPDATE: JSON.stringify(process.env.TARO_APP_TEMPLATE_ERRAND_UPDATE ?? ''),
      TARO_APP_TEMPLATE_DEPARTMENT_TASK: JSON.stringify(process.env.TARO_APP_TEMPLATE_DEPARTMENT_TASK ?? ''),
      TARO_APP_TEMPLATE_SUBMISSION_REPLIED: JSON.stringify(process.env.TARO_APP_TEMPLATE_SUBMISSION_REPLIED ?? ''),
      TARO_APP_TEMPLATE_SUBMISSION_STATUS: JSON.stringify(process.env.TARO_APP_TEMPLATE_SUBMISSION_STATUS ?? ''),
      TARO_APP_TEMPLATE_RATE_REQUEST: JSON.stringify(process.env.TARO_APP_TEMPLATE_RATE_REQUEST ?? ''),
      TARO_APP_TEMPLATE_SUBMISSION_CHASED: JSON.stringify(process.env.TARO_APP_TEMPLATE_SUBMISSION_CHASED ?? ''),
      TARO_APP_TEMPLATE_WORK_DIGEST: JSON.stringify(process.env.TARO_APP_TEMPLATE_WORK_DIGEST ?? ''),
      TARO_APP_TEMPLATE_CONSULTATION_INVITE: JSON.stringify(process.env.TARO_APP_TEMPLATE_CONSULTATION_INVITE ?? ''),
      TARO_APP_TEMPLATE_SECONDED_UPDATE: JSON.stringify(process.env.TARO_APP_TEMPLATE_SECONDED_UPDATE ?? ''),
    },
    defineConstants: {},
    alias: {
      '@shared': SHARED_SRC,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // esbuild minifies in a fraction of terser's time (H5 build ~27 s → ~14 s, weapp ~20 s → ~7 s on 2 CPUs)
    jsMinimizer: 'esbuild',
    esbuild: { minify: { enable: true, config: { target: 'es2017' } } },
    mini: {
      compile: { include: [SHARED_ROOT] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      webpackChain(chain, webpack) {
        // one shared vendor chunk instead of a copy of zod and Taro's components in every page (h5-chunks.ts)
        chain.optimization.splitChunks(h5SplitChunks())
        // a stand's QR code opens the stand page: its chunks and its API call start from index.html (stand-head-start.ts)
        if (process.env.NODE_ENV !== 'development') {
          chain.plugin('stand-head-start').use(StandHeadStartPlugin, [{ apiBase, path: STAND_BY_SCENE_PATH, webpack }])
        }
      },
      router: { mode: 'hash' },
      devServer: { host: '127.0.0.1', port: 10086 },
      compile: { include: [SHARED_ROOT] },
      // names that change only when the file's content does: served with a year's immutable caching
      // (scripts/lib/static-server.ts, README "Hosting the H5 build"); index.html is the only file asked for again
      output: {
        clean: true,
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    // 本地开发构建配置（不混淆压缩）
    return merge({}, baseConfig, devConfig)
  }
  // 生产构建配置（默认开启压缩混淆等）
  return merge({}, baseConfig, prodConfig)
})
