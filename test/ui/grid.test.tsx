import * as React from "react";
import { act, fireEvent, render } from "@testing-library/react";
import { WorkbookView } from "../../src/preview/grid";
import { FakeSheet, FakeWorkbook, fakeChart } from "./fakeWorkbook";

function cell(container: HTMLElement, address: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`[data-cell="${address}"]`);
  if (!el) throw new Error(`cell ${address} is not rendered`);
  return el;
}

function nameBox(container: HTMLElement): HTMLInputElement {
  return container.querySelector<HTMLInputElement>('[data-testid="name-box"]') as HTMLInputElement;
}

function formulaBar(container: HTMLElement): HTMLInputElement {
  return container.querySelector<HTMLInputElement>('[data-testid="formula-bar"]') as HTMLInputElement;
}

function grid(container: HTMLElement): HTMLElement {
  return container.querySelector<HTMLElement>('[role="grid"]') as HTMLElement;
}

/** Scroll the grid (jsdom has no layout, so set the scroll offsets by hand). */
function scrollTo(container: HTMLElement, top: number, left = 0): void {
  const g = grid(container);
  Object.defineProperty(g, "scrollTop", { configurable: true, value: top, writable: true });
  Object.defineProperty(g, "scrollLeft", { configurable: true, value: left, writable: true });
  fireEvent.scroll(g);
}

describe("WorkbookView: values as a Danish user sees them", () => {
  it("formats numbers, percents, dates and booleans with Danish conventions and aligns them", () => {
    const wb = new FakeWorkbook("Resultater");
    wb.sheet("Resultater")
      .set(0, 0, "Indsatsgruppe", "General", { bold: true, fill: "#DDEBF7", fontColor: "#1F4E78" })
      .set(1, 1, 12.5)
      .set(1, 2, 0.4, "0.0%")
      .set(1, 3, 1234567, "#,##0")
      .set(1, 4, true)
      .set(1, 5, 45658, "dd-mm-yyyy")
      .set(1, 6, 0.03, "0.00")
      .set(2, 1, "venstre", "General", { horizontalAlignment: "Right", italic: true })
      .set(3, 1, 1 / 3)
      .set(3, 2, 45658, "dd-mm-yyyy");
    wb.sheet("Resultater").columnWidths.set(5, 70);
    const { container } = render(<WorkbookView workbook={wb} height={500} />);
    expect(cell(container, "B2").textContent).toBe("12,5");
    expect(cell(container, "C2").textContent).toBe("40,0%");
    expect(cell(container, "D2").textContent).toBe("1.234.567");
    expect(cell(container, "E2").textContent).toBe("SAND");
    expect(cell(container, "F2").textContent).toBe("01-01-2025");
    expect(cell(container, "G2").textContent).toBe("0,03");
    // In a default-width column General drops decimals and a date shows ####, as in Excel.
    expect(cell(container, "B4").textContent).toBe("0,333333");
    expect(cell(container, "C4").textContent).toMatch(/^#+$/);
    const textAlign = (a: string): string => (cell(container, a).firstElementChild as HTMLElement).style.textAlign;
    expect(textAlign("B2")).toBe("right");
    expect(textAlign("A1")).toBe("left");
    expect(textAlign("E2")).toBe("center");
    expect(textAlign("B3")).toBe("right");
    expect(cell(container, "B3").style.fontStyle).toBe("italic");
    const a1 = cell(container, "A1");
    expect(a1.style.fontWeight).toBe("700");
    expect(a1.style.background).toContain("rgb(221, 235, 247)");
    expect(a1.style.color).toBe("rgb(31, 78, 120)");
    expect(container.querySelector('[role="grid"]')).not.toBeNull();
    expect(container.querySelectorAll('[role="gridcell"]').length).toBeGreaterThan(100);
  });

  it("sizes columns and rows from points (96/72) and hides gridlines when asked", () => {
    const wb = new FakeWorkbook("Ark1");
    const s = wb.sheet("Ark1").set(0, 0, "x");
    s.columnWidths.set(1, 150);
    s.rowHeights.set(2, 30);
    s.showGridlines = false;
    const { container } = render(<WorkbookView workbook={wb} />);
    expect(cell(container, "B1").style.width).toBe("200px");
    expect(cell(container, "A1").style.width).toBe("64px");
    expect(cell(container, "A3").style.height).toBe("40px");
    expect(cell(container, "A2").style.height).toBe("20px");
    expect(cell(container, "B1").style.left).toBe("64px");
    expect(cell(container, "A4").style.top).toBe(`${20 + 20 + 40}px`);
    const gridline = (a: string): string => getComputedStyle(cell(container, a)).borderRightColor;
    expect(gridline("C5")).toBe("rgba(0, 0, 0, 0)");
    s.showGridlines = true;
    act(() => wb.notify());
    expect(gridline("C5")).toBe("rgb(225, 225, 225)");
    // A filled cell hides its own gridlines.
    s.set(5, 2, null, "General", { fill: "#FFFF00" });
    act(() => wb.notify());
    expect(gridline("C6")).toBe("rgb(255, 255, 0)");
  });

  it("lets long text flow over empty neighbours, also when its own column is scrolled out of view", () => {
    const wb = new FakeWorkbook("Ark1");
    wb.sheet("Ark1")
      .set(0, 0, "Virksomhedsrettet indsats for ledige over 30 år")
      .set(1, 0, "Virksomhedsrettet indsats for ledige over 30 år")
      .set(1, 2, "stop");
    const { container } = render(<WorkbookView workbook={wb} />);
    expect(parseFloat(cell(container, "A1").style.width)).toBeGreaterThan(3 * 64);
    expect(container.querySelector('[data-cell="B1"]')).toBeNull();
    // Row 2: the text stops at the next non-empty cell, C2.
    expect(cell(container, "A2").style.width).toBe(`${2 * 64}px`);
    expect(cell(container, "C2").textContent).toBe("stop");
    act(() => scrollTo(container, 0, 100));
    expect(cell(container, "A1").textContent).toBe("Virksomhedsrettet indsats for ledige over 30 år");
    expect(cell(container, "A2").textContent).toBe("Virksomhedsrettet indsats for ledige over 30 år");
    // Clicking on the overflowing text selects A1 in jsdom (no layout); a browser picks the column under the pointer.
    fireEvent.mouseDown(cell(container, "A1"), { button: 0 });
    expect(nameBox(container).value).toBe("A1");
  });

  it("gives rows without an explicit height Excel's automatic height for big fonts and wrapped text", () => {
    const wb = new FakeWorkbook("Ark1");
    const s = wb.sheet("Ark1")
      .set(0, 0, "Ledelsesoverblik", "General", { fontSize: 16, bold: true })
      .set(1, 0, "kort")
      .set(2, 0, "Første linje\nanden linje", "General", { wrapText: true })
      .set(3, 0, "Stor men fast", "General", { fontSize: 20 });
    s.columnWidths.set(0, 200);
    s.rowHeights.set(3, 15);
    const { container } = render(<WorkbookView workbook={wb} />);
    const h = (a: string): number => parseFloat(cell(container, a).style.height);
    // Excel: 16 pt Calibri gives a 21 pt row (28 px); two wrapped lines of 11 pt give 30 pt (40 px).
    expect(h("A1")).toBeGreaterThanOrEqual(27);
    expect(h("A1")).toBeLessThanOrEqual(31);
    expect(h("A2")).toBe(20);
    expect(h("A3")).toBeGreaterThanOrEqual(38);
    expect(h("A3")).toBeLessThanOrEqual(42);
    expect(h("A4")).toBe(20);
  });

  it("renders a merged area as one cell spanning it, with the top-left contents", () => {
    const wb = new FakeWorkbook("Ark1");
    const s = wb.sheet("Ark1").set(0, 0, "Ledelsesoverblik", "General", { horizontalAlignment: "Center" }).set(0, 1, "skjult");
    s.merges.push({ row: 0, column: 0, rowCount: 2, columnCount: 3 });
    const { container } = render(<WorkbookView workbook={wb} />);
    const a1 = cell(container, "A1");
    expect(a1.textContent).toBe("Ledelsesoverblik");
    expect(a1.style.width).toBe(`${3 * 64}px`);
    expect(a1.style.height).toBe("40px");
    expect(a1.getAttribute("aria-colspan")).toBe("3");
    expect(container.querySelector('[data-cell="B1"]')).toBeNull();
    expect(container.querySelector('[data-cell="A2"]')).toBeNull();
    expect(container.textContent).not.toContain("skjult");
    // Clicking anywhere in it selects the whole merged area.
    fireEvent.mouseDown(a1, { button: 0 });
    expect(nameBox(container).value).toBe("A1:C2");
  });

  it("styles an Excel table: coloured header with the table name as tooltip, banded rows", () => {
    const wb = new FakeWorkbook("Data");
    const s = wb.sheet("Data");
    ["Id", "Gruppe", "Status"].forEach((h, c) => s.set(0, c, h));
    for (let r = 1; r <= 4; r++) s.set(r, 0, r).set(r, 1, r % 2 ? "indsats" : "kontrol").set(r, 2, "job");
    s.tables.push({ name: "Borgere", range: { row: 0, column: 0, rowCount: 5, columnCount: 3 }, style: "TableStyleMedium2", showHeaders: true, showTotals: false });
    const { container } = render(<WorkbookView workbook={wb} />);
    const head = cell(container, "B1");
    expect(head.getAttribute("title")).toBe("Borgere");
    expect(head.style.fontWeight).toBe("700");
    expect(head.style.color).toBe("rgb(255, 255, 255)");
    expect(head.style.background).not.toBe("");
    // Banded: first and second data rows differ in fill.
    expect(cell(container, "B2").style.background).not.toBe(cell(container, "B3").style.background);
    expect(cell(container, "B2").getAttribute("title")).toBeNull();
  });
});

describe("WorkbookView: sheet tabs", () => {
  it("shows tabs in workbook order, switches sheet through the workbook and re-renders", () => {
    const wb = new FakeWorkbook("Programteori", "Data", "Ledelsesoverblik");
    wb.sheet("Programteori").set(0, 0, "Målgruppe");
    wb.sheet("Data").set(0, 0, "Cpr-løbenummer");
    wb.sheet("Data").tabColor = "#70AD47";
    const { container } = render(<WorkbookView workbook={wb} />);
    const tabs = [...container.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs.map((t) => t.getAttribute("data-sheet"))).toEqual(["Programteori", "Data", "Ledelsesoverblik"]);
    expect(tabs[0].getAttribute("aria-selected")).toBe("true");
    expect(tabs[1].querySelector("[data-tab-color]")?.getAttribute("data-tab-color")).toBe("#70AD47");
    expect(cell(container, "A1").textContent).toBe("Målgruppe");

    fireEvent.click(tabs[1]);
    expect(wb.calls).toContain("activate:Data");
    expect(container.querySelector('[data-sheet="Data"]')?.getAttribute("aria-selected")).toBe("true");
    expect(container.querySelector('[data-sheet="Programteori"]')?.getAttribute("aria-selected")).toBe("false");
    expect(cell(container, "A1").textContent).toBe("Cpr-løbenummer");
  });

  it("re-renders when the workbook notifies a change (e.g. after an add-in sync)", () => {
    const wb = new FakeWorkbook("Ark1");
    wb.sheet("Ark1").set(0, 0, 1);
    const { container } = render(<WorkbookView workbook={wb} />);
    expect(cell(container, "A1").textContent).toBe("1");
    wb.sheet("Ark1").set(0, 0, 0.125, "0.0%");
    act(() => wb.notify());
    expect(cell(container, "A1").textContent).toBe("12,5%");
    // A new sheet added and activated by the add-in appears as a tab and is shown.
    wb.sheets.push(new FakeSheet("Resultat"));
    wb.sheet("Resultat").set(1, 1, "ny");
    act(() => {
      wb.activeSheetName = "Resultat";
      wb.notify();
    });
    expect(container.querySelector('[data-sheet="Resultat"]')?.getAttribute("aria-selected")).toBe("true");
    expect(cell(container, "B2").textContent).toBe("ny");
  });
});

describe("WorkbookView: selection, name box and formula bar", () => {
  it("selects on click, extends with shift+click and drag, and shows the address", () => {
    const wb = new FakeWorkbook("Ark1");
    wb.sheet("Ark1").set(3, 1, 6, "General", {}, "=SUM(A1:A3)").set(0, 0, 12.5);
    const { container } = render(<WorkbookView workbook={wb} />);
    expect(nameBox(container).value).toBe("A1");
    expect(formulaBar(container).value).toBe("12,5");

    fireEvent.mouseDown(cell(container, "B4"), { button: 0 });
    expect(wb.calls).toContain("select:Ark1:3,1,1,1");
    expect(nameBox(container).value).toBe("B4");
    expect(formulaBar(container).value).toBe("=SUM(A1:A3)");
    fireEvent.mouseUp(window);

    fireEvent.mouseDown(cell(container, "D10"), { button: 0, shiftKey: true });
    expect(wb.selection.range).toEqual({ row: 3, column: 1, rowCount: 7, columnCount: 3 });
    expect(nameBox(container).value).toBe("B4:D10");
    // The active cell stays B4.
    expect(formulaBar(container).value).toBe("=SUM(A1:A3)");
    fireEvent.mouseUp(window);

    fireEvent.mouseDown(cell(container, "A1"), { button: 0 });
    fireEvent.mouseOver(cell(container, "C3"), { buttons: 1 });
    expect(nameBox(container).value).toBe("A1:C3");
    fireEvent.mouseUp(window);
    fireEvent.mouseOver(cell(container, "E5"), { buttons: 0 });
    expect(nameBox(container).value).toBe("A1:C3");
    const outline = container.querySelector<HTMLElement>('[data-pane="main"] .vk-selection');
    expect(outline?.getAttribute("data-selection")).toBe("A1:C3");
    expect(outline?.style.width).toBe(`${3 * 64 + 1}px`);
  });

  it("moves the selection with the arrow keys and follows a selection made by the add-in", () => {
    const wb = new FakeWorkbook("Ark1");
    const { container } = render(<WorkbookView workbook={wb} />);
    const g = grid(container);
    fireEvent.keyDown(g, { key: "ArrowDown" });
    fireEvent.keyDown(g, { key: "ArrowRight" });
    expect(nameBox(container).value).toBe("B2");
    fireEvent.keyDown(g, { key: "ArrowDown", shiftKey: true });
    fireEvent.keyDown(g, { key: "ArrowRight", shiftKey: true });
    expect(nameBox(container).value).toBe("B2:C3");
    act(() => wb.selectByUser("Ark1", { row: 9, column: 3, rowCount: 2, columnCount: 2 }));
    expect(nameBox(container).value).toBe("D10:E11");
  });

  it("selects whole columns and rows from the headers", () => {
    const wb = new FakeWorkbook("Ark1");
    const { container } = render(<WorkbookView workbook={wb} />);
    fireEvent.mouseDown(container.querySelector('[data-colhead="2"]') as HTMLElement, { button: 0 });
    expect(nameBox(container).value).toBe("C:C");
    expect(wb.selection.range).toEqual({ row: 0, column: 2, rowCount: 1048576, columnCount: 1 });
    fireEvent.mouseDown(container.querySelector('[data-rowhead="3"]') as HTMLElement, { button: 0 });
    fireEvent.mouseDown(container.querySelector('[data-rowhead="5"]') as HTMLElement, { button: 0, shiftKey: true });
    expect(nameBox(container).value).toBe("4:6");
    expect(container.querySelector('[data-rowhead="4"]')?.className).toContain("vk-sel");
    expect(container.querySelector('[data-rowhead="6"]')?.className).not.toContain("vk-sel");
  });

  it("selects the range typed into the name box", () => {
    const wb = new FakeWorkbook("Ark1");
    const { container } = render(<WorkbookView workbook={wb} />);
    const nb = nameBox(container);
    fireEvent.focus(nb);
    fireEvent.change(nb, { target: { value: "C5:D8" } });
    fireEvent.keyDown(nb, { key: "Enter" });
    expect(wb.selection.range).toEqual({ row: 4, column: 2, rowCount: 4, columnCount: 2 });
    expect(nameBox(container).value).toBe("C5:D8");
    // Far beyond the used area: the grid grows and scrolls to it.
    expect(container.querySelector('[data-cell="AB5000"]')).toBeNull();
    fireEvent.focus(nb);
    fireEvent.change(nb, { target: { value: "AB5000" } });
    fireEvent.keyDown(nb, { key: "Enter" });
    expect(nameBox(container).value).toBe("AB5000");
    expect(container.querySelector('[data-cell="AB5000"]')).not.toBeNull();
    expect(container.querySelector('[data-rowhead="4999"]')).not.toBeNull();
  });
});

describe("WorkbookView: editing", () => {
  it("double-click opens an editor; Enter commits through setCellByUser and moves down", () => {
    const wb = new FakeWorkbook("Ark1");
    wb.sheet("Ark1").set(2, 2, 7.25);
    const { container } = render(<WorkbookView workbook={wb} />);
    fireEvent.doubleClick(cell(container, "C3"));
    const editor = container.querySelector<HTMLInputElement>('[data-testid="cell-editor"]');
    expect(editor).not.toBeNull();
    expect(editor?.value).toBe("7,25");
    fireEvent.change(editor as HTMLInputElement, { target: { value: "12,5" } });
    expect(formulaBar(container).value).toBe("12,5");
    fireEvent.keyDown(editor as HTMLInputElement, { key: "Enter" });
    expect(wb.edits).toEqual([{ sheet: "Ark1", row: 2, column: 2, text: "12,5" }]);
    expect(container.querySelector('[data-testid="cell-editor"]')).toBeNull();
    expect(cell(container, "C3").textContent).toBe("12,5");
    expect(nameBox(container).value).toBe("C4");
  });

  it("Escape cancels; typing on a selected cell starts an editor with that character", () => {
    const wb = new FakeWorkbook("Ark1");
    wb.sheet("Ark1").set(0, 0, "behold");
    const { container } = render(<WorkbookView workbook={wb} />);
    const g = grid(container);
    fireEvent.keyDown(g, { key: "Enter" });
    let editor = container.querySelector<HTMLInputElement>('[data-testid="cell-editor"]') as HTMLInputElement;
    expect(editor.value).toBe("behold");
    fireEvent.change(editor, { target: { value: "slet" } });
    fireEvent.keyDown(editor, { key: "Escape" });
    expect(container.querySelector('[data-testid="cell-editor"]')).toBeNull();
    expect(wb.edits).toEqual([]);
    expect(cell(container, "A1").textContent).toBe("behold");

    fireEvent.keyDown(g, { key: "ArrowRight" });
    fireEvent.keyDown(g, { key: "4" });
    editor = container.querySelector<HTMLInputElement>('[data-testid="cell-editor"]') as HTMLInputElement;
    expect(editor.value).toBe("4");
    fireEvent.change(editor, { target: { value: "42" } });
    fireEvent.keyDown(editor, { key: "Tab" });
    expect(wb.edits).toEqual([{ sheet: "Ark1", row: 0, column: 1, text: "42" }]);
    expect(nameBox(container).value).toBe("C1");
  });

  it("Delete clears the selected cells through setCellByUser", () => {
    const wb = new FakeWorkbook("Ark1");
    wb.sheet("Ark1").set(1, 1, 5).set(1, 2, "x").set(1, 3, "uden for");
    const { container } = render(<WorkbookView workbook={wb} />);
    fireEvent.mouseDown(cell(container, "B2"), { button: 0 });
    fireEvent.mouseDown(cell(container, "C2"), { button: 0, shiftKey: true });
    fireEvent.keyDown(grid(container), { key: "Delete" });
    expect(wb.edits).toEqual([
      { sheet: "Ark1", row: 1, column: 1, text: "" },
      { sheet: "Ark1", row: 1, column: 2, text: "" },
    ]);
    expect(cell(container, "B2").textContent).toBe("");
    expect(cell(container, "D2").textContent).toBe("uden for");
  });

  it("commits text typed in the formula bar to the active cell", () => {
    const wb = new FakeWorkbook("Ark1");
    const { container } = render(<WorkbookView workbook={wb} />);
    fireEvent.mouseDown(cell(container, "B2"), { button: 0 });
    const fb = formulaBar(container);
    fireEvent.focus(fb);
    fireEvent.change(fb, { target: { value: "=A1*2" } });
    fireEvent.keyDown(fb, { key: "Enter" });
    expect(wb.edits).toEqual([{ sheet: "Ark1", row: 1, column: 1, text: "=A1*2" }]);
    fireEvent.focus(fb);
    fireEvent.change(fb, { target: { value: "fortrudt" } });
    fireEvent.keyDown(fb, { key: "Escape" });
    fireEvent.blur(fb);
    expect(wb.edits.length).toBe(1);
  });
});

describe("WorkbookView: charts and shapes", () => {
  it("draws a line chart and a clustered column chart with legend and categories", () => {
    const wb = new FakeWorkbook("Ark1");
    const s = wb.sheet("Ark1");
    s.charts.push(
      fakeChart({
        name: "Progression",
        type: "LineMarkers",
        title: "Delmål over tid",
        left: 300,
        top: 20,
        width: 360,
        height: 216,
        categories: ["Uge 0", "Uge 6", "Uge 12"],
        series: [
          { name: "Indsatsgruppe", values: [2, 3, 4] },
          { name: "Kontrolgruppe", values: [2, 2.5, 3] },
        ],
      }),
      fakeChart({
        name: "Status",
        type: "ColumnClustered",
        title: "Status efter 12 mdr.",
        left: 20,
        top: 250,
        width: 300,
        height: 200,
        categories: ["Job", "Uddannelse", "Ledig"],
        series: [
          { name: "Indsats", values: [0.3, 0.2, 0.5] },
          { name: "Kontrol", values: [0.2, 0.1, 0.7] },
        ],
      }),
    );
    const { container } = render(<WorkbookView workbook={wb} />);
    const line = container.querySelector<HTMLElement>('[data-chart="Progression"]') as HTMLElement;
    expect(line).not.toBeNull();
    expect(line.style.left).toBe("400px");
    expect(line.style.width).toBe("480px");
    expect(line.textContent).toContain("Delmål over tid");
    expect(line.textContent).toContain("Indsatsgruppe");
    expect(line.textContent).toContain("Kontrolgruppe");
    expect(line.textContent).toContain("Uge 12");
    expect(line.querySelectorAll("polyline").length).toBe(2);
    expect(line.querySelectorAll("circle").length).toBe(6);
    // Higher values are drawn higher up: the indsatsgruppe line ends above where it starts.
    const pts = (line.querySelector('[data-series="Indsatsgruppe"] polyline') as SVGElement).getAttribute("points")?.split(" ").map((p) => p.split(",").map(Number)) ?? [];
    expect(pts.length).toBe(3);
    expect(pts[2][1]).toBeLessThan(pts[0][1]);
    expect(pts[2][0]).toBeGreaterThan(pts[0][0]);

    const col = container.querySelector<HTMLElement>('[data-chart="Status"]') as HTMLElement;
    const bars = [...col.querySelectorAll<SVGRectElement>(".vk-chart-bar")];
    expect(bars.length).toBe(6);
    const h = (series: string, i: number): number => Number(bars.filter((b) => b.getAttribute("data-series") === series)[i].getAttribute("height"));
    expect(h("Kontrol", 2)).toBeGreaterThan(h("Indsats", 2));
    expect(h("Indsats", 0)).toBeCloseTo(h("Kontrol", 0) * 1.5, 5);
    expect(col.textContent).toContain("Uddannelse");
  });

  it("draws 100% stacked bars to the same length and a pie with one slice per category", () => {
    const wb = new FakeWorkbook("Ark1");
    const s = wb.sheet("Ark1");
    s.charts.push(
      fakeChart({
        name: "Fordeling",
        type: "BarStacked100",
        title: "",
        left: 0,
        top: 0,
        width: 300,
        height: 200,
        categories: ["Indsats", "Kontrol"],
        series: [
          { name: "Job", values: [30, 10] },
          { name: "Ledig", values: [70, 30] },
        ],
      }),
      fakeChart({ name: "Lagkage", type: "Pie", title: "Status", left: 320, top: 0, width: 200, height: 200, categories: ["Job", "Uddannelse", "Ledig"], series: [{ name: "Andel", values: [1, 1, 2] }] }),
    );
    const { container } = render(<WorkbookView workbook={wb} />);
    const bars = [...container.querySelectorAll<SVGRectElement>('[data-chart="Fordeling"] .vk-chart-bar')];
    expect(bars.length).toBe(4);
    const w = (series: string, i: number): number => Number(bars.filter((b) => b.getAttribute("data-series") === series)[i].getAttribute("width"));
    expect(w("Job", 0) + w("Ledig", 0)).toBeCloseTo(w("Job", 1) + w("Ledig", 1), 5);
    // 30 of 100 against 10 of 40: the job share is 30 % against 25 %.
    expect(w("Job", 0) / (w("Job", 0) + w("Ledig", 0))).toBeCloseTo(0.3, 5);
    expect(w("Job", 1) / (w("Job", 1) + w("Ledig", 1))).toBeCloseTo(0.25, 5);
    expect(container.querySelector('[data-chart="Fordeling"]')?.textContent).toContain("100%");
    const pie = container.querySelector('[data-chart="Lagkage"]') as HTMLElement;
    expect(pie.querySelectorAll("path").length).toBe(3);
    expect(pie.textContent).toContain("Uddannelse");
  });

  it("draws shapes with text, and lines with arrowheads and dashes", () => {
    const wb = new FakeWorkbook("Programteori");
    const s = wb.sheet("Programteori");
    s.showGridlines = false;
    s.shapes.push(
      { name: "Målgruppe", id: "1", type: "GeometricShape", geometricShapeType: "RoundRectangle", left: 10, top: 10, width: 150, height: 60, text: "Målgruppe: ledige over 30", fill: "#DDEBF7", lineColor: "#2F5597", fontColor: "#000000", fontSize: 10, bold: true },
      { name: "Pil 1", id: "2", type: "Line", left: 160, top: 40, width: 40, height: 0, text: "", lineColor: "#404040", lineWeight: 1.5, endArrowheadStyle: "Triangle", beginX: 160, beginY: 40, endX: 200, endY: 40 },
      { name: "Stiplet", id: "3", type: "Line", left: 10, top: 100, width: 100, height: 50, text: "", lineColor: "#7F7F7F", lineDashStyle: "Dash" },
      { name: "Note", id: "4", type: "TextBox", left: 220, top: 10, width: 120, height: 40, text: "Kilde: KL" },
      { name: "Cirkel", id: "5", type: "GeometricShape", geometricShapeType: "Ellipse", left: 400, top: 10, width: 60, height: 60, text: "" },
    );
    const { container } = render(<WorkbookView workbook={wb} />);
    const box = container.querySelector<HTMLElement>('[data-shape="Målgruppe"]') as HTMLElement;
    expect(box.textContent).toBe("Målgruppe: ledige over 30");
    expect(parseFloat(box.style.left)).toBeCloseTo((10 * 4) / 3, 6);
    expect(box.style.width).toBe("200px");
    expect(box.querySelector("rect")?.getAttribute("fill")).toBe("#DDEBF7");
    expect(Number(box.querySelector("rect")?.getAttribute("rx"))).toBeGreaterThan(0);
    const text = box.querySelector<HTMLElement>("div") as HTMLElement;
    expect(text.style.fontWeight).toBe("700");
    expect(text.style.textAlign).toBe("center");

    const arrow = container.querySelector('[data-shape="Pil 1"] line') as SVGLineElement;
    expect(arrow.getAttribute("marker-end")).toMatch(/^url\(#/);
    expect(Number(arrow.getAttribute("x2")) - Number(arrow.getAttribute("x1"))).toBeCloseTo((40 * 4) / 3, 5);
    const dashed = container.querySelector('[data-shape="Stiplet"] line') as SVGLineElement;
    expect(dashed.getAttribute("stroke-dasharray")).toBeTruthy();
    expect(dashed.getAttribute("marker-end")).toBeNull();
    expect(container.querySelector('[data-shape="Note"]')?.textContent).toBe("Kilde: KL");
    expect(container.querySelector('[data-shape="Cirkel"] ellipse')).not.toBeNull();
  });
});

describe("WorkbookView: large sheets and frozen panes", () => {
  it("renders only the visible part of a 100,000-row sheet, and the right part after scrolling", () => {
    const wb = new FakeWorkbook("Data");
    const s = wb.sheet("Data");
    s.extent = { rowCount: 100000, columnCount: 13 };
    s.generator = (row, column) => ({ value: column === 0 ? `Borger ${row + 1}` : row * 13 + column, numberFormat: "General", format: {} });
    const { container } = render(<WorkbookView workbook={wb} />);
    const rowEls = container.querySelectorAll('[role="row"]');
    expect(rowEls.length).toBeGreaterThan(10);
    expect(rowEls.length).toBeLessThan(200);
    expect(container.querySelectorAll('[role="gridcell"]').length).toBeLessThan(2000);
    expect(s.getCellCalls).toBeLessThan(10000);
    expect(grid(container).getAttribute("aria-rowcount")).toBe(String(100000 + 30));
    expect(cell(container, "A1").textContent).toBe("Borger 1");

    // 20 px per row: scrolling to 1,000,000 px shows row 50,001.
    act(() => scrollTo(container, 1000000));
    expect(cell(container, "A50001").textContent).toBe("Borger 50001");
    expect(cell(container, "B50001").textContent).toBe(String(50000 * 13 + 1));
    expect(container.querySelector('[data-cell="A1"]')).toBeNull();
    expect(container.querySelector('[data-rowhead="50000"]')?.textContent).toBe("50001");
    expect(container.querySelectorAll('[role="row"]').length).toBeLessThan(200);
  });

  it("keeps frozen rows and columns visible when scrolled", () => {
    const wb = new FakeWorkbook("Data");
    const s = wb.sheet("Data");
    for (let r = 0; r < 500; r++) for (let c = 0; c < 40; c++) s.set(r, c, r === 0 ? `Kolonne ${c + 1}` : c === 0 ? `Række ${r + 1}` : r + c);
    s.frozen = { rows: 1, columns: 1 };
    const { container } = render(<WorkbookView workbook={wb} />);
    act(() => scrollTo(container, 4000, 1280));
    expect(cell(container, "A1").textContent).toBe("Kolonne 1");
    expect(cell(container, "A1").closest("[data-pane]")?.getAttribute("data-pane")).toBe("frozen");
    // Header row stays, in the scrolled columns too; first column stays, in the scrolled rows too.
    expect(cell(container, "W1").closest("[data-pane]")?.getAttribute("data-pane")).toBe("top");
    expect(cell(container, "A202").closest("[data-pane]")?.getAttribute("data-pane")).toBe("left");
    expect(cell(container, "A202").textContent).toBe("Række 202");
    expect(container.querySelector('[data-cell="A2"]')).toBeNull();
    expect(container.querySelector('[data-cell="B2"]')).toBeNull();
    expect(cell(container, "W202").closest("[data-pane]")?.getAttribute("data-pane")).toBe("main");
  });
});
