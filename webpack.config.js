/**
 * Webpack build of the add-in: `npx webpack --mode production` emits dist-addin/ with
 *   taskpane.html + taskpane.js   the task pane Excel loads (Office.js from Microsoft's CDN)
 *   playground.html + playground.js   the pane beside an in-memory workbook (no Excel, no network)
 *   common.js                     what both pages share (React, Fluent UI, the engine)
 *   compute-worker.js             the Web Worker that measures and lays out for Generate (self-contained)
 *   help.html, assets/icon-*.png, manifest.xml
 * `--env outDir=<dir>` builds elsewhere (the tests do).
 */
'use strict';
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const fs = require('fs');
const { version } = require('./package.json');

/**
 * Emits static files (icons, manifest, help page) into the build. A few lines instead of copy-webpack-plugin,
 * whose schema validation cannot load here (ajv-keywords 5 resolves the top-level ajv 6).
 */
class EmitFilesPlugin {
  constructor(files) {
    this.files = files; // [{ from: absolute path, to: output-relative path }]
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('EmitFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'EmitFilesPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const { from, to } of this.files) {
            compilation.fileDependencies.add(from);
            compilation.emitAsset(to, new webpack.sources.RawSource(fs.readFileSync(from)));
          }
        },
      );
    });
  }
}

const staticFiles = [
  ...fs
    .readdirSync(path.join(__dirname, 'assets'))
    .filter((f) => f.endsWith('.png'))
    .map((f) => ({ from: path.join(__dirname, 'assets', f), to: `assets/${f}` })),
  { from: path.join(__dirname, 'manifest.xml'), to: 'manifest.xml' },
  { from: path.join(__dirname, 'src', 'taskpane', 'help.html'), to: 'help.html' },
];

module.exports = (env = {}, argv = {}) => {
  const production = (argv.mode ?? 'production') === 'production';
  const outDir = path.resolve(__dirname, env.outDir ?? 'dist-addin');
  return {
    mode: production ? 'production' : 'development',
    context: __dirname,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      playground: './src/playground/index.tsx',
      // The Web Worker that measures and lays out off the pane's thread (loaded as compute-worker.js).
      'compute-worker': './src/taskpane/worker/computeWorker.ts',
    },
    output: { path: outDir, filename: '[name].js', clean: true },
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules so that Fluent UI and the engine tree-shake.
              compilerOptions: { module: 'es2020', moduleResolution: 'node', sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({ PRODUCT_VERSION: JSON.stringify(version) }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'playground.html',
        template: './src/playground/playground.html',
        chunks: ['playground'],
        scriptLoading: 'defer',
      }),
      new EmitFilesPlugin(staticFiles),
    ],
    // Modules both pages use (React, Fluent UI, the engine) go into common.js once: smaller total, faster build.
    optimization: {
      // The worker is left out: it loads alone, with no script tags to bring common.js.
      splitChunks: {
        cacheGroups: {
          common: {
            name: 'common',
            chunks: (chunk) => chunk.name !== 'compute-worker',
            minChunks: 2,
            enforce: true,
          },
        },
      },
    },
    performance: { hints: production ? 'warning' : false, maxAssetSize: 1_500_000, maxEntrypointSize: 1_500_000 },
    stats: 'errors-warnings',
  };
};
