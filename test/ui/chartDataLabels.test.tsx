/**
 * The preview draws a chart's data labels as Excel does (Chart.dataLabels.showValue): each bar's value in
 * its source cell's number format ("40 %" from 0.4 in "0 %"), and none when data labels are off.
 */
import * as React from "react";
import { render } from "@testing-library/react";
import { ChartView } from "../../src/preview/grid/ChartView";
import type { PreviewChart } from "../../src/preview/workbook/model";

function chart(dataLabels: boolean): PreviewChart {
  return {
    name: "Udfald1",
    type: "ColumnClustered",
    title: "Andel, der har nået målet",
    dataRange: { row: 0, column: 0, rowCount: 3, columnCount: 3 },
    seriesBy: "Columns",
    left: 0,
    top: 0,
    width: 360,
    height: 216,
    dataLabels,
    categories: () => ["6 mdr.", "12 mdr."],
    series: () => [
      { name: "Indsatsgruppe", values: [0.4, 0.517], formats: ["0 %", "0 %"] },
      { name: "Kontrolgruppe", values: [0.1, Number.NaN], formats: ["0 %", "0 %"] },
    ],
  };
}

test("with data labels each bar shows its value in the cell's format; a missing value has no bar and no label", () => {
  const { container } = render(<ChartView chart={chart(true)} />);
  expect([...container.querySelectorAll(".vk-chart-label")].map((e) => e.textContent)).toEqual(["40 %", "52 %", "10 %"]);
  expect(container.querySelectorAll(".vk-chart-bar")).toHaveLength(3);
});

test("without data labels no values are written on the chart", () => {
  const { container } = render(<ChartView chart={chart(false)} />);
  expect(container.querySelectorAll(".vk-chart-label")).toHaveLength(0);
  expect(container.querySelectorAll(".vk-chart-bar")).toHaveLength(3);
});
