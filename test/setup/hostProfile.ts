/**
 * Host profile for a test run: VIRKNING_HOST_PROFILE (1.7, 1.8, 1.9, current), or a project's
 * setup file (excel-1.7.ts). The preview workbook then emulates that Excel by default and
 * src/excel/host.ts reports its requirement sets, so every API above the profile fails as it
 * does in that Excel (ApiNotFound).
 */
import { HOST_PROFILES, type HostProfile } from "../../src/excel/requirements";

export function applyHostProfile(wanted: string | undefined): void {
  if (wanted === undefined || wanted === "") return;
  if (!(wanted in HOST_PROFILES)) throw new Error(`VIRKNING_HOST_PROFILE must be one of ${Object.keys(HOST_PROFILES).join(", ")}`);
  globalThis.__virkningHostProfile = HOST_PROFILES[wanted as HostProfile];
}

applyHostProfile(process.env.VIRKNING_HOST_PROFILE);
