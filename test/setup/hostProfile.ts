/**
 * Host profile for a test run (the "adapter-excel-1.7" jest project sets VIRKNING_HOST_PROFILE):
 * the preview workbook then emulates that Excel by default and src/excel/host.ts reports its
 * requirement sets, so every API above the profile fails as in that Excel (ApiNotFound).
 */
import { HOST_PROFILES, type HostProfile } from "../../src/excel/requirements";

const wanted = process.env.VIRKNING_HOST_PROFILE;
if (wanted !== undefined && wanted !== "") {
  if (!(wanted in HOST_PROFILES)) throw new Error(`VIRKNING_HOST_PROFILE must be one of ${Object.keys(HOST_PROFILES).join(", ")}`);
  globalThis.__virkningHostProfile = HOST_PROFILES[wanted as HostProfile];
}
