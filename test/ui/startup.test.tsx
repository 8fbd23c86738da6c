/**
 * Start-up cannot hang: when office.js is present but Office.onReady never resolves (its host
 * scripts blocked), the pane starts after OFFICE_READY_TIMEOUT_MS and says in Danish why Excel
 * is not answering.
 */
import { act, screen } from "@testing-library/react";

test("a blocked office.js does not leave a blank pane", async () => {
  jest.useFakeTimers();
  document.body.innerHTML = '<div id="container"></div>';
  (globalThis as unknown as { Office: unknown }).Office = { onReady: () => new Promise(() => undefined) };
  const { OFFICE_READY_TIMEOUT_MS } = await import("../../src/taskpane/index");
  expect(document.getElementById("container")!.children).toHaveLength(0);
  await act(async () => {
    jest.advanceTimersByTime(OFFICE_READY_TIMEOUT_MS);
  });
  // shown at the top of the pane (and said through the live region; see liveRegion.test.tsx)
  expect(screen.getByTestId("office-timed-out").textContent).toMatch(/Excel svarede ikke/);
  expect(screen.getByTestId("virkning-pane")).toBeTruthy();
  jest.useRealTimers();
  delete (globalThis as unknown as { Office?: unknown }).Office;
});
