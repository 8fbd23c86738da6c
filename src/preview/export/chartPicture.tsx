/**
 * A chart's picture for the .xlsx export, drawn as the preview shows it: ChartView's SVG rendered
 * to a canvas of the chart's size and saved as PNG. Browser only (canvas, Image); where drawing
 * fails, the placeholder of the same size stands in (placeholderPng.ts).
 */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ChartView } from "../grid/ChartView";
import type { ChartPicture } from "./toExcelJs";
import { placeholderPng } from "./placeholderPng";

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error("the chart's SVG did not load"));
    img.src = src;
  });
}

async function drawPng(svg: string, width: number, height: number): Promise<Uint8Array> {
  const img = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext("2d");
  if (!g) throw new Error("no 2D canvas");
  g.fillStyle = "#FFFFFF";
  g.fillRect(0, 0, width, height);
  g.drawImage(img, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("the canvas gave no PNG");
  return new Uint8Array(await blob.arrayBuffer());
}

/** The chart as the preview draws it, or the placeholder when the browser cannot draw it. */
export const chartPicture: ChartPicture = async (chart, size) => {
  try {
    const markup = renderToStaticMarkup(<ChartView chart={chart} />);
    const svg = /<svg[\s\S]*<\/svg>/.exec(markup)?.[0];
    if (!svg) throw new Error("ChartView gave no SVG");
    return await drawPng(svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"'), size.width, size.height);
  } catch {
    return placeholderPng(size.width, size.height);
  }
};
