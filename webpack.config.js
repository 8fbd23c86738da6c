/**
 * webpack 5 configuration.
 *
 *   npm run build        production build of the add-in into dist/ (manifest URLs rewritten to
 *                        ADDIN_PRODUCTION_URL, like the yo office template does)
 *   npm run dev-server   development server for sideloading into Excel (https when the Office
 *                        dev certificates exist in ~/.office-addin-dev-certs, else http)
 *   npm run preview      the browser preview (grid + task pane) over plain http, no Excel needed
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const { DEV_URL, PORT, DEFAULT_PRODUCTION_URL, contentSecurityPolicy, devCertificates } = require("./config/addin.cjs");

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const preview = Boolean(env.preview);
  const productionUrl = (process.env.ADDIN_PRODUCTION_URL || DEFAULT_PRODUCTION_URL).replace(/\/?$/, "/");
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, preview ? "build/preview" : "dist");

  const entry = preview
    ? { preview: "./src/preview/index.tsx" }
    : { taskpane: "./src/taskpane/index.tsx", commands: "./src/commands/commands.ts" };

  const html = preview
    ? [
        new HtmlWebpackPlugin({
          filename: "preview.html",
          template: "./src/preview/preview.html",
          chunks: ["preview"],
          csp: contentSecurityPolicy({ officeJs: false, dev }),
        }),
        new HtmlWebpackPlugin({ filename: "index.html", templateContent: '<!doctype html><meta http-equiv="refresh" content="0; url=preview.html">', inject: false }),
      ]
    : [
        new HtmlWebpackPlugin({
          filename: "taskpane.html",
          template: "./src/taskpane/taskpane.html",
          chunks: ["taskpane"],
          csp: contentSecurityPolicy({ officeJs: true, dev }),
        }),
        new HtmlWebpackPlugin({
          filename: "commands.html",
          template: "./src/commands/commands.html",
          chunks: ["commands"],
          csp: contentSecurityPolicy({ officeJs: true, dev }),
        }),
      ];

  const copy = preview
    ? [{ from: "assets/*", to: "assets/[name][ext]" }]
    : [
        { from: "assets/*", to: "assets/[name][ext]" },
        // ES5, not bundled: it must run where the bundle cannot (src/taskpane/unsupported.js)
        { from: "src/taskpane/unsupported.js", to: "unsupported.js" },
        {
          from: "manifest*.xml",
          to: "[name][ext]",
          transform(content) {
            if (dev) return content;
            // Page and icon URLs get the production base URL; AppDomain gets its origin. The
            // comments (written for the development manifest) are dropped.
            return content
              .toString()
              .replace(/<!--[\s\S]*?-->\s*/g, "")
              .split(DEV_URL)
              .join(productionUrl)
              .split(DEV_URL.slice(0, -1))
              .join(new URL(productionUrl).origin);
          },
        },
      ];

  const server = preview ? null : devCertificates();
  // `npm run preview` opens the page in the default browser, except where there is none to show
  // it (CI, a Linux machine without a display); the URL is printed either way.
  const canOpenBrowser = !process.env.CI && (process.platform !== "linux" || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY));
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-cheap-module-source-map" : "source-map",
    entry,
    output: { path: outDir, filename: "[name].[contenthash:8].js", chunkFilename: "[name].[contenthash:8].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: dev } } },
        },
      ],
    },
    plugins: [...html, new CopyWebpackPlugin({ patterns: copy })],
    performance: { hints: false },
    optimization: { splitChunks: { chunks: "async" } },
    devServer: {
      port: PORT,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      server: server ?? { type: "http" },
      static: false,
      hot: false,
      liveReload: !preview,
      open: preview && canOpenBrowser ? ["/preview.html"] : false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
