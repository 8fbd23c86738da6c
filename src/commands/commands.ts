/**
 * Function file for the ribbon. The only button opens the task pane (ShowTaskpane action), so
 * no functions are registered; Office still requires the page to call Office.onReady.
 */
const office = (globalThis as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === "function") {
  void office.onReady();
}
export {};
