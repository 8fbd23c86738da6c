/** Jest projects: unit (core), adapter (excel/ against the preview workbook), ui (jsdom), engine (LibreOffice), e2e (Chromium). */
const tsJest = {
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", jsx: "react-jsx", isolatedModules: true }, diagnostics: { warnOnly: false } }],
  // @noble/hashes 2.x ships only ES modules: compile them to CommonJS for jest (Node 20 cannot require ESM here).
  "[\\/]@noble[\\/].+\\.js$": ["ts-jest", { tsconfig: { module: "commonjs", allowJs: true, isolatedModules: true }, diagnostics: false }],
};
const common = {
  transform: tsJest,
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  transformIgnorePatterns: ["[\\/]node_modules[\\/](?!@noble[\\/])"],
  // office-addin-mock/office-addin-manifest pull an ESM-only module under jest 30; we never load them in tests.
  moduleNameMapper: { "\\.(css|svg|png)$": "<rootDir>/test/stubs/file-stub.js" },
  // Property tests use a fixed fast-check seed (FC_SEED=random explores).
  setupFiles: ["<rootDir>/test/setup/fast-check.ts"],
  // Every test must make at least one assertion.
  setupFilesAfterEnv: ["<rootDir>/test/setup/assertions.ts"],
};
/** Adapter test files that also run under the ExcelApi 1.7 host profile (they exercise the renderer and every store). */
const ADAPTER_AT_1_7 = ["register", "design", "designProtection", "comparisonAnalyses", "comparisonSettings", "comparisonColumns", "recovery", "readCounts"];

module.exports = {
  // Generous for the e2e project (browser start, page builds); unit tests finish far below it.
  testTimeout: 90000,
  projects: [
    { ...common, displayName: "unit", testEnvironment: "node", testMatch: ["<rootDir>/test/unit/**/*.test.ts"] },
    { ...common, displayName: "adapter", testEnvironment: "node", testMatch: ["<rootDir>/test/adapter/**/*.test.ts"], setupFiles: [...common.setupFiles, "<rootDir>/test/setup/hostProfile.ts"] },
    // The renderer and every store again on the oldest Excel the manifest admits (ExcelApi 1.7): every API above it fails there as in that Excel.
    {
      ...common,
      displayName: "adapter-excel-1.7",
      testEnvironment: "node",
      testMatch: ADAPTER_AT_1_7.map((f) => `<rootDir>/test/adapter/${f}.test.ts`),
      setupFiles: [...common.setupFiles, "<rootDir>/test/setup/excel-1.7.ts"],
    },
    {
      ...common,
      displayName: "ui",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/ui/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/setup/assertions.ts", "<rootDir>/test/ui/setup.ts"],
    },
    // Headless LibreOffice opens the preview's .xlsx export (scripts/ensure-libreoffice.mjs installs it).
    { ...common, displayName: "engine", testEnvironment: "node", testMatch: ["<rootDir>/test/engine/**/*.test.ts"] },
    {
      ...common,
      displayName: "e2e",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      globalSetup: "<rootDir>/test/e2e/globalSetup.ts",
      globalTeardown: "<rootDir>/test/e2e/globalTeardown.ts",
    },
  ],
};
