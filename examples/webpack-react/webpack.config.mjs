import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadEnv } from '@sameorigin/core'
import { SameOriginPlugin } from '@sameorigin/webpack'
import HtmlWebpackPlugin from 'html-webpack-plugin'
import webpack from 'webpack'

const root = fileURLToPath(new URL('.', import.meta.url))
const require = createRequire(import.meta.url)

/** @import { Configuration } from 'webpack' */
/** @import { Configuration as DevServerConfiguration } from 'webpack-dev-server' */

/** @type {(env: unknown, argv: { mode?: Configuration['mode'] }) => Configuration & { devServer: DevServerConfiguration }} */
export default (_env, argv) => {
  const mode = argv.mode ?? 'development'
  // The backend's own origin, for the page's "call the backend directly" button: the same API_TARGET
  // sameorigin.config.ts reads (process environment first, then the .env files), and the same default.
  const { env } = loadEnv(mode, root)
  const backendOrigin = new URL(env.API_TARGET || 'http://127.0.0.1:4020').origin

  return {
    mode,
    context: root,
    entry: './src/main.tsx',
    output: {
      path: fileURLToPath(new URL('dist/', import.meta.url)),
      // Absolute, so a history-fallback page on a nested path (/a/b) still finds its scripts.
      publicPath: '/',
      filename: '[name].[contenthash].js',
      clean: true,
    },
    devtool: mode === 'development' ? 'eval-cheap-module-source-map' : false,
    // Later `webpack serve` starts (and the browser tests) reuse the last build's modules; webpack.config.mjs
    // changes invalidate it. Kept in node_modules/.cache/webpack.
    cache: { type: 'filesystem', buildDependencies: { config: [fileURLToPath(import.meta.url)] } },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      alias: {
        // The page's panels, API calls and styles are examples/vite-react's (see README): one page, three hosts.
        '@page': fileURLToPath(new URL('../vite-react/src/', import.meta.url)),
        // One React for this app and the shared panels, whichever node_modules they resolve from.
        react: dirname(require.resolve('react/package.json')),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'babel-loader',
            options: {
              babelrc: false,
              configFile: false,
              presets: [['@babel/preset-react', { runtime: 'automatic' }], '@babel/preset-typescript'],
            },
          },
        },
        { test: /\.css$/, type: 'css' },
      ],
    },
    // webpack's own CSS support: no css-loader / style-loader for one stylesheet.
    experiments: { css: true },
    plugins: [
      new HtmlWebpackPlugin({ template: './index.html' }),
      new webpack.DefinePlugin({ 'process.env.BACKEND_ORIGIN': JSON.stringify(backendOrigin) }),
      // Reads sameorigin.config.ts and mounts the proxy in `webpack serve`; builds ignore it.
      new SameOriginPlugin(),
    ],
    devServer: { port: 8080, historyApiFallback: true },
  }
}
