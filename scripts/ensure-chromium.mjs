/**
 * Makes sure a browser for the end-to-end tests exists. On Linux, as root with apt, installs
 * Debian's chromium when it is missing; elsewhere it only checks and explains what to do.
 */
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";

const require = createRequire(import.meta.url);
const { findBrowser, HOW_TO } = require("./browser-path.cjs");

let browser = findBrowser();
if (!browser && process.platform === "linux" && process.getuid?.() === 0 && spawnSync("which", ["apt-get"]).status === 0) {
  console.log("ensure-chromium: installing Debian's chromium with apt-get …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let r = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  if (r.status !== 0) {
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    r = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  }
  browser = findBrowser();
}
if (!browser) {
  console.error(`ensure-chromium: ${HOW_TO}`);
  process.exit(1);
}
console.log(`ensure-chromium: using ${browser}`);
