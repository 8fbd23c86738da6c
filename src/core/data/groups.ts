/**
 * Group labels → arms. Matching is case- and whitespace-insensitive (see `normaliseKey`).
 *
 * Built-in labels (documented): intervention = "i", "indsats", "indsatsgruppe", "intervention",
 * "interventionsgruppe", "intervention group", "interventiongroup", "treatment"; control = "k", "kontrol",
 * "kontrolgruppe", "control", "control group", "controlgroup", "c".
 * Numeric codes such as "1"/"0" or "1"/"2" are NOT mapped by default: registers use both 1 = indsats and
 * 1 = kontrol, so the user must say which is which (the pane shows them as unmapped, with counts).
 * A user mapping (settings.groupMap, keyed by normalised label) always wins over the built-in labels.
 */
import { normaliseKey } from "./values";

export type Arm = "intervention" | "control";

export const ARMS: readonly Arm[] = ["intervention", "control"];

const BUILT_IN: Record<string, Arm> = {
  i: "intervention",
  indsats: "intervention",
  indsatsgruppe: "intervention",
  "indsats-gruppe": "intervention",
  intervention: "intervention",
  interventionsgruppe: "intervention",
  "intervention group": "intervention",
  interventiongroup: "intervention",
  treatment: "intervention",
  k: "control",
  kontrol: "control",
  kontrolgruppe: "control",
  "kontrol-gruppe": "control",
  control: "control",
  "control group": "control",
  controlgroup: "control",
  c: "control",
};

/** The arm of a group label, or null when neither the user map nor the built-in labels know it. */
export function mapGroupLabel(label: string, userMap: Record<string, Arm> = {}): Arm | null {
  const key = normaliseKey(label);
  if (key.length === 0) return null;
  if (Object.prototype.hasOwnProperty.call(userMap, key)) return userMap[key];
  return Object.prototype.hasOwnProperty.call(BUILT_IN, key) ? BUILT_IN[key] : null;
}

/** Danish / English name of an arm. */
export function armName(arm: Arm, lang: "da" | "en" = "da"): string {
  if (lang === "en") return arm === "intervention" ? "Intervention group" : "Control group";
  return arm === "intervention" ? "Indsatsgruppe" : "Kontrolgruppe";
}
