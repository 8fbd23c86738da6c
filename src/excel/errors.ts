/**
 * Turn errors from the Excel JavaScript API (OfficeExtension.Error: `code`, `message`,
 * `debugInfo`) and from our own code into a VirkningError with a Danish and an English message
 * the task pane can show. Codes are stable and not localised; Excel's own `message` is not meant
 * for end users, so it is only appended as a technical detail.
 */
import { VirkningError } from "../core/errors";

interface OfficeLikeError {
  code: string;
  message?: string;
  debugInfo?: { errorLocation?: string };
}

function isOfficeError(e: unknown): e is OfficeLikeError {
  return typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string";
}

const MESSAGES: Record<string, [string, string]> = {
  InvalidOperationInCellEditMode: [
    "Afslut redigeringen af cellen i Excel, og prøv igen.",
    "Finish editing the cell in Excel, then try again.",
  ],
  ItemNotFound: [
    "Et ark, en tabel eller en indstilling, som Virkning skulle bruge, findes ikke (længere) i projektmappen. Kontrollér arkene, og prøv igen.",
    "A sheet, table or setting that Virkning needed does not exist (any more) in the workbook. Check the sheets and try again.",
  ],
  ItemAlreadyExists: [
    "Der findes allerede et ark eller en tabel med det navn i projektmappen. Omdøb eller slet det, og prøv igen.",
    "A sheet or table with that name already exists in the workbook. Rename or delete it and try again.",
  ],
  RequestPayloadSizeLimitExceeded: [
    "Der var for mange data at skrive til Excel på én gang. Prøv igen; hvis fejlen gentager sig, så del data op i mindre dele.",
    "There was too much data to write to Excel at once. Try again; if it happens again, split the data into smaller parts.",
  ],
  ResponsePayloadSizeLimitExceeded: [
    "Der var for mange data at læse fra Excel på én gang. Markér et mindre område, eller del data op, og prøv igen.",
    "There was too much data to read from Excel at once. Select a smaller range or split the data, then try again.",
  ],
  InvalidArgument: [
    "Excel afviste en værdi fra Virkning (ugyldigt argument). Prøv igen; hvis fejlen gentager sig, så kontakt supporten.",
    "Excel rejected a value from Virkning (invalid argument). Try again; if it happens again, contact support.",
  ],
  InvalidOperation: [
    "Excel kunne ikke udføre handlingen på projektmappen. Kontrollér, at arket ikke er skjult eller beskyttet, og prøv igen.",
    "Excel could not carry out the operation on the workbook. Check that the sheet is not hidden or protected, then try again.",
  ],
  AccessDenied: [
    "Excel gav ikke adgang til at ændre projektmappen. Den kan være skrivebeskyttet eller delt med begrænsninger.",
    "Excel denied access to change the workbook. It may be read-only or shared with restrictions.",
  ],
  GeneralException: [
    "Excel meldte en uventet fejl. Gem projektmappen, og prøv igen.",
    "Excel reported an unexpected error. Save the workbook and try again.",
  ],
};

/** Map anything thrown by Excel.run or by our code to a VirkningError for the user. */
export function toUserError(e: unknown): VirkningError {
  if (e instanceof VirkningError) return e;
  if (isOfficeError(e)) {
    const known = MESSAGES[e.code];
    const detail = e.message ? ` (${e.code}: ${e.message})` : ` (${e.code})`;
    if (known) return new VirkningError(`EXCEL_${e.code}`, known[0], known[1] + detail);
    return new VirkningError(
      `EXCEL_${e.code}`,
      `Excel meldte en fejl (${e.code}). Prøv igen; hvis fejlen gentager sig, så kontakt supporten.`,
      `Excel reported an error${detail}. Try again; if it happens again, contact support.`,
    );
  }
  const text = e instanceof Error ? e.message : String(e);
  return new VirkningError(
    "UNEXPECTED",
    `Der skete en uventet fejl i Virkning: ${text}`,
    `An unexpected error happened in Virkning: ${text}`,
  );
}
