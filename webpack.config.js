/**
 * Webpack build of the add-in: `npx webpack --mode production` emits dist-addin/ with
 *   taskpane.html + taskpane.<hash>.js     the task pane Excel loads (Office.js from Microsoft's CDN)
 *   playground.html + playground.<hash>.js the pane beside an in-memory workbook (no Excel, no network)
 *   common.<hash>.js                       what both pages share (React, Fluent UI, the engine)
 *   compute-worker.js                      the Web Worker that measures and lays out for Generate (self-contained;
 *                                          loaded by that fixed name, so served revalidated, not hashed)
 *   help.html, assets/icon-*.png, manifest.xml, _headers
 * Each page carries its Content-Security-Policy (scripts/hosting.js); the production build has no source maps.
 * `--env baseUrl=https://...` (or LEASE_WORKPAPERS_BASE_URL) is where the files will be served: the manifest, the
 * help page and the icons point there (default https://localhost:3000, where `npm start` serves).
 * `--env outDir=<dir>` builds elsewhere (the tests do).
 */
'use strict';
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const fs = require('fs');
const { version } = require('./package.json');
const { contentSecurityPolicy, headersFile, helpPageFor, manifestFor, resolveBaseUrl } = require('./scripts/hosting');

/**
 * Emits static files (icons, manifest, help page) into the build. A few lines instead of copy-webpack-plugin,
 * whose schema validation cannot load here (ajv-keywords 5 resolves the top-level ajv 6).
 */
class EmitFilesPlugin {
  constructor(files) {
    this.files = files; // [{ from: absolute path, to: output-relative path, transform?: (text) => text, text?: string }]
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('EmitFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'EmitFilesPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const { from, to, transform, text } of this.files) {
            if (from) compilation.fileDependencies.add(from);
            const content =
              text !== undefined ? text : transform ? transform(fs.readFileSync(from, 'utf8')) : fs.readFileSync(from);
            compilation.emitAsset(to, new webpack.sources.RawSource(content));
          }
        },
      );
    });
  }
}

/** Icons, the manifest and the help page at the build's base URL, and the headers file for static hosts. */
const staticFiles = (hosting) => [
  ...fs
    .readdirSync(path.join(__dirname, 'assets'))
    .filter((f) => f.endsWith('.png'))
    .map((f) => ({ from: path.join(__dirname, 'assets', f), to: `assets/${f}` })),
  { from: path.join(__dirname, 'manifest.xml'), to: 'manifest.xml', transform: (x) => manifestFor(x, hosting) },
  {
    from: path.join(__dirname, 'src', 'taskpane', 'help.html'),
    to: 'help.html',
    transform: (x) => helpPageFor(x, hosting),
  },
];

/** `_headers` for static hosts, written once the hashed script names are known. */
class HeadersFilePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('HeadersFilePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'HeadersFilePlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const names = compilation.getAssets().map((a) => a.name);
          compilation.emitAsset('_headers', new webpack.sources.RawSource(headersFile(names)));
        },
      );
    });
  }
}

/** The policy as a <meta http-equiv> tag (html-webpack-plugin's `meta` option). */
const cspMeta = (officeJs) => ({
  'Content-Security-Policy': { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ officeJs }) },
});

module.exports = (env = {}, argv = {}) => {
  const production = (argv.mode ?? 'production') === 'production';
  const outDir = path.resolve(__dirname, env.outDir ?? 'dist-addin');
  let hosting;
  try {
    hosting = resolveBaseUrl(env);
  } catch (e) {
    // A plain message, not a stack trace, for a mistyped address.
    process.stderr.write(`build: ${e.message}\n`);
    process.exit(2);
  }
  return {
    mode: production ? 'production' : 'development',
    context: __dirname,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      playground: './src/playground/index.tsx',
      // The Web Worker that measures and lays out off the pane's thread (loaded as compute-worker.js).
      'compute-worker': './src/taskpane/worker/computeWorker.ts',
    },
    // Hashed names: a new build never meets a stale cached script (the pages themselves are revalidated).
    // (The worker keeps its plain name: the pages load it as compute-worker.js.)
    output: {
      path: outDir,
      filename: (data) => (production && data.chunk?.name !== 'compute-worker' ? '[name].[contenthash:8].js' : '[name].js'),
      clean: true,
    },
    // No source maps in production: the source is not published with the add-in.
    devtool: production ? false : 'eval-cheap-module-source-map',
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
              compilerOptions: { module: 'es2020', moduleResolution: 'node', sourceMap: !production },
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
        meta: cspMeta(true),
      }),
      new HtmlWebpackPlugin({
        filename: 'playground.html',
        template: './src/playground/playground.html',
        chunks: ['playground'],
        scriptLoading: 'defer',
        meta: cspMeta(false),
      }),
      new EmitFilesPlugin(staticFiles(hosting)),
      new HeadersFilePlugin(),
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
