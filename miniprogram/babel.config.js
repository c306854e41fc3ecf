// babel-preset-taro 更多选项和默认值：
// https://docs.taro.zone/docs/next/babel-config
// Also applies to ../shared (see `compile.include` in config/index.ts).
module.exports = {
  presets: [
    ['taro', {
      framework: 'react',
      ts: true,
      compiler: 'webpack5',
    }],
  ],
}
