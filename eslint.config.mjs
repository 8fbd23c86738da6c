// ESLint 9 flat config: typescript-eslint, the Office add-in rules (eslint-plugin-office-addins)
// on the code that calls the Excel API, and the architecture rule that keeps src/core pure.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const office = officeAddins.default ?? officeAddins;

/** src/core must not depend on Office, React, Fluent, the DOM or the other layers. */
const coreRestrictedImports = {
  patterns: [
    { group: ["react", "react-*", "react/*", "@fluentui/*"], message: "src/core is pure TypeScript: no React or Fluent UI." },
    { group: ["office-*", "@microsoft/office-js*", "@types/office-js"], message: "src/core must not use office-js; Excel calls belong in src/excel." },
    { group: ["**/excel/*", "**/taskpane/*", "**/preview/*", "**/excel", "**/taskpane", "**/preview"], message: "src/core must not import the excel/, taskpane/ or preview/ layers." },
  ],
};
const domGlobals = [
  "window", "self", "document", "location", "navigator", "localStorage", "sessionStorage", "indexedDB",
  "HTMLElement", "Element", "Node", "DOMParser", "XMLSerializer", "Image", "Blob", "getComputedStyle", "requestAnimationFrame",
  "fetch", "XMLHttpRequest", "WebSocket", "Office", "Excel", "OfficeExtension",
].map(
  (name) => ({ name, message: "src/core must not use DOM or Office globals." }),
);

export default tseslint.config(
  { ignores: ["dist/**", "build/**", "node_modules/**", "test-results/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { console: "readonly", process: "readonly", require: "readonly", module: "writable", __dirname: "readonly", globalThis: "readonly", URL: "readonly", URLSearchParams: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", performance: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}", "test/ui/**/*.tsx"],
    languageOptions: { globals: { window: "readonly", document: "readonly", navigator: "readonly", location: "readonly", Office: "readonly", Excel: "readonly", OfficeExtension: "readonly", Blob: "readonly", HTMLElement: "readonly", Image: "readonly", XMLSerializer: "readonly" } },
  },
  {
    files: ["src/excel/**/*.ts", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": office },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", coreRestrictedImports],
      "no-restricted-globals": ["error", ...domGlobals],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["**/*.cjs", "webpack.config.js", "jest.config.js", "test/stubs/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The unsupported-host page runs where the bundle cannot (IE 11, EdgeHTML): ES5 syntax only, checked here.
    files: ["src/taskpane/unsupported.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: { window: "readonly", document: "readonly" } },
  },
);
