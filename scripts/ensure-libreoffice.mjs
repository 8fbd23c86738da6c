/**
 * Makes sure LibreOffice (headless `soffice`) and `pdfinfo` exist for the engine tests (jest project
 * "engine", see README "Engine checks"). On Linux, as root with apt, installs Debian's
 * `libreoffice-calc-nogui` and `poppler-utils` when missing (after `apt-get update`); elsewhere it
 * only checks and explains what to do. Exits non-zero when either is still missing.
 */
import { spawnSync } from "node:child_process";

const TOOLS = [
  { bin: "soffice", pkg: "libreoffice-calc-nogui" },
  { bin: "pdfinfo", pkg: "poppler-utils" },
];
const has = (bin) => spawnSync("sh", ["-c", `command -v ${bin}`], { encoding: "utf8" }).status === 0;

const missing = () => TOOLS.filter((t) => !has(t.bin));
let need = missing();
if (need.length > 0 && process.platform === "linux" && process.getuid?.() === 0 && has("apt-get")) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const pkgs = need.map((t) => t.pkg);
  console.log(`ensure-libreoffice: installing ${pkgs.join(", ")} with apt-get …`);
  // Another apt run may hold the lock for a while: wait for it (dpkg's own lock timeout) instead of failing.
  const lock = ["-o", "DPkg::Lock::Timeout=600"];
  spawnSync("apt-get", [...lock, "update", "-qq"], { stdio: "inherit", env });
  spawnSync("apt-get", [...lock, "install", "-y", "-qq", "--no-install-recommends", ...pkgs], { stdio: "inherit", env });
  need = missing();
}
if (need.length > 0) {
  console.error(
    `ensure-libreoffice: missing ${need.map((t) => t.bin).join(", ")}. Install ${need.map((t) => t.pkg).join(" and ")} ` +
      "(Debian/Ubuntu: apt-get install libreoffice-calc-nogui poppler-utils; macOS: brew install --cask libreoffice and brew install poppler), " +
      "then run the engine tests again (npm run test:engine).",
  );
  process.exit(1);
}
const version = spawnSync("soffice", ["--version"], { encoding: "utf8", timeout: 60000 }).stdout.trim();
console.log(`ensure-libreoffice: using ${version || "soffice"}`);
