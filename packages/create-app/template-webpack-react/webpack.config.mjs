import { fileURLToPath } from 'node:url'
import { SameOriginPlugin } from '@sameorigin/webpack'
import HtmlWebpackPlugin from 'html-webpack-plugin'

/** @import { Configuration } from 'webpack' */
/** @import { Configuration as DevServerConfiguration } from 'webpack-dev-server' */

/** @type {(env: unknown, argv: { mode?: Configuration['mode'] }) => Configuration & { devServer: DevServerConfiguration }} */
export default (_env, argv) => {
  const mode = argv.mode ?? 'development'
  return {
    mode,
    entry: './src/main.tsx',
    output: {
      path: fileURLToPath(new URL('dist/', import.meta.url)),
      // Absolute, so a page on a nested path still finds its scripts.
      publicPath: '/',
      filename: '[name].[contenthash].js',
      clean: true,
    },
    devtool: mode === 'development' ? 'eval-cheap-module-source-map' : false,
    // One line per compile instead of every module.
    stats: 'minimal',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'babel-loader',
            options: {
              presets: [['@babel/preset-react', { runtime: 'automatic' }], '@babel/preset-typescript'],
            },
          },
        },
        { test: /\.css$/, type: 'css' },
      ],
    },
    // webpack's own CSS support: no css-loader or style-loader for one stylesheet.
    experiments: { css: true },
    plugins: [
      new HtmlWebpackPlugin({ template: './index.html' }),
      // Reads sameorigin.config.ts and forwards its routes in `webpack serve`; builds ignore it.
      new SameOriginPlugin(),
    ],
    // localhost only, not every interface (webpack-dev-server's default): `npm run dev -- --host 0.0.0.0` to share it.
    devServer: { host: 'localhost', port: 8080, historyApiFallback: true },
  }
}
