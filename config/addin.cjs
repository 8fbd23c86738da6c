/**
 * Add-in configuration shared by the build (webpack.config.js) and the tests: development URL and
 * port, the placeholder production URL, the task pane's Content-Security-Policy, and the Office
 * development certificates used by `npm run dev-server` when they exist.
 */
const path = require("path");
const fs = require("fs");
const os = require("os");

const DEV_URL = "https://localhost:3000/";
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/**
 * Hosts office.js is served from: the classic CDN, the unified Microsoft 365 domain Microsoft
 * moved it to (office-js-docs-pr#5882, 2026), and the CDN office.js loads part of its code from
 * (office-js-docs-pr#1005). Microsoft publishes no complete list (office-js#1005).
 */
const OFFICE_JS_HOSTS = ["https://appsforoffice.microsoft.com", "https://officeapis.public.onecdn.static.microsoft", "https://ajax.aspnetcdn.com"];

/** Content-Security-Policy for the task pane: our own scripts, office.js from Microsoft's CDNs, nothing else remote. */
function contentSecurityPolicy({ officeJs, dev }) {
  const office = officeJs ? ` ${OFFICE_JS_HOSTS.join(" ")}` : "";
  return [
    "default-src 'self'",
    `script-src 'self'${office}${dev ? " 'unsafe-eval'" : ""}`,
    // The statistics worker (src/worker, a chunk of our own): nothing else may start a worker.
    "worker-src 'self'",
    // Fluent UI (Griffel) injects style elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data: https://res-1.cdn.office.net https://static2.sharepointonline.com",
    `connect-src 'self'${office}${dev ? " ws: http://localhost:* https://localhost:*" : ""}`,
    "frame-src 'self' https://appsforoffice.microsoft.com https://telemetry.firstpartyapps.oaspapps.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

function devCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  const ca = path.join(dir, "ca.crt");
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return { type: "https", options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ca: fs.existsSync(ca) ? fs.readFileSync(ca) : undefined } };
  }
  return null;
}

/** Used when ADDIN_PRODUCTION_URL is not set (a placeholder; set the variable for a real deployment). */
const DEFAULT_PRODUCTION_URL = "https://virkning.example.dk/";

module.exports = { OFFICE_JS_HOSTS, DEV_URL, PORT, DEFAULT_PRODUCTION_URL, contentSecurityPolicy, devCertificates };
