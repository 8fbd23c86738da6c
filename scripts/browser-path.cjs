/**
 * Finds a Chromium-family browser for the end-to-end tests (playwright-core never downloads one).
 * Order: $CHROME_PATH, Debian/Ubuntu chromium, Google Chrome, Microsoft Edge (Linux, macOS, Windows).
 */
const fs = require("fs");
const path = require("path");

function candidates() {
  const list = [];
  if (process.env.CHROME_PATH) list.push(process.env.CHROME_PATH);
  if (process.platform === "linux") {
    list.push("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/usr/bin/microsoft-edge");
  } else if (process.platform === "darwin") {
    list.push(
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
    );
  } else if (process.platform === "win32") {
    const roots = [process.env["PROGRAMFILES"], process.env["PROGRAMFILES(X86)"], process.env["LOCALAPPDATA"]].filter(Boolean);
    for (const r of roots) {
      list.push(path.join(r, "Google", "Chrome", "Application", "chrome.exe"), path.join(r, "Microsoft", "Edge", "Application", "msedge.exe"));
    }
  }
  return list;
}

function findBrowser() {
  return candidates().find((p) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  });
}

const HOW_TO =
  "No Chromium, Chrome or Edge found for the end-to-end tests. On Debian/Ubuntu run `apt-get install -y chromium` as root; " +
  "elsewhere install Chrome or Edge, or set CHROME_PATH to the browser's executable.";

module.exports = { findBrowser, HOW_TO };
