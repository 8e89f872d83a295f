import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** Taro build config: weapp for WeChat, h5 for the local browser app. */
const shared = (file: string) =>
  [path.resolve(__dirname, '..', 'types'), path.resolve(__dirname, '..', 'cloudfunctions', 'core', 'time')].some(
    (dir) => file.startsWith(dir),
  );

export default defineConfig<'webpack5'>(async (merge) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'xueye-bangfu',
    date: '2026-11-23',
    // NutUI React Taro is designed at 375 px.
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // XUEYE_OUT lets parallel builds (and their tests) use separate folders.
    outputRoot: process.env.XUEYE_OUT ?? `dist/${process.env.TARO_ENV ?? 'weapp'}`,
    plugins: [],
    // Set by the deployer when building for WeChat (README): the CloudBase environment id.
    defineConstants: { CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? '') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // esbuild minifies JS in seconds where terser takes most of a minute.
    jsMinimizer: 'esbuild',
    // Some dependencies ship ES2015+; WeChat's base library 2.x and current browsers run ES2017.
    esbuild: { minify: { enable: true, config: { target: 'es2017' } } },
    cache: { enable: false },
    mini: {
      // The zod contract in types/ and the domain helpers it shares are TypeScript outside src/.
      compile: { include: [shared] },
      miniCssExtractPluginOption: { ignoreOrder: true },
      // Modules used only by one subpackage are moved into it, keeping the main package small.
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile: { include: [shared] },
      miniCssExtractPluginOption: { ignoreOrder: true },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  return merge({}, base, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
