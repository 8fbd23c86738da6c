/**
 * Saving the diagram as a file: SVG (the serialized <svg> with an XML declaration) and PNG (the
 * SVG drawn on a canvas at twice its size). Browser-only; no maths here.
 */

export const SVG_FILE_NAME = "programteori.svg";
export const PNG_FILE_NAME = "programteori.png";
const SVG_NS = "http://www.w3.org/2000/svg";

/** A standalone SVG document for the element: namespace, XML declaration, nothing from the page. */
export function serializeSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  // The element is sized by the pane's CSS; the file uses the diagram's own size in points.
  const viewBox = clone.getAttribute("viewBox");
  if (viewBox) {
    const [, , w, h] = viewBox.split(/\s+/).map(Number);
    clone.setAttribute("width", `${w}`);
    clone.setAttribute("height", `${h}`);
  }
  clone.removeAttribute("style");
  clone.removeAttribute("class");
  // Characters XML 1.0 does not allow (control characters pasted into an element name) make the file
  // invalid and the PNG export fail: they are left out (issue 9).
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  let body = new XMLSerializer().serializeToString(clone).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
  // Serializers add the SVG namespace for an element in it; make sure the file declares it.
  if (!/^<svg[^>]*\sxmlns="/.test(body)) body = body.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${body}\n`;
}

/** Starts a download of the blob under the file name (an <a download> click). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadSvg(svg: SVGSVGElement): void {
  downloadBlob(new Blob([serializeSvg(svg)], { type: "image/svg+xml;charset=utf-8" }), SVG_FILE_NAME);
}

/** Draws the SVG on a canvas at `scale` × its size and resolves with a PNG blob. */
export function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const text = serializeSvg(svg);
  const viewBox = (svg.getAttribute("viewBox") ?? "0 0 800 600").split(/\s+/).map(Number);
  const width = Math.ceil(viewBox[2] * scale);
  const height = Math.ceil(viewBox[3] * scale);
  return new Promise<Blob>((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext("2d");
      if (!ctx) {
        reject(new Error("canvas 2d context unavailable"));
        return;
      }
      ctx.fillStyle = "#FFFFFF";
      ctx.fillRect(0, 0, width, height);
      ctx.drawImage(img, 0, 0, width, height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("canvas.toBlob returned nothing"))), "image/png");
    };
    img.onerror = () => reject(new Error("the SVG could not be loaded as an image"));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  });
}

export async function downloadPng(svg: SVGSVGElement, scale = 2): Promise<void> {
  downloadBlob(await svgToPng(svg, scale), PNG_FILE_NAME);
}

/**
 * Puts the diagram on the clipboard as a PNG picture (async Clipboard API, with the user's click),
 * so it can be pasted into Word, PowerPoint or a sheet on every host – also in Excel for Mac,
 * whose web view ignores downloads (office-js#2700). Resolves false when the host does not allow it.
 */
export async function copyPng(svg: SVGSVGElement, scale = 2): Promise<boolean> {
  const clipboard = globalThis.navigator?.clipboard as (Clipboard & { write?: (items: ClipboardItem[]) => Promise<void> }) | undefined;
  const Item = (globalThis as { ClipboardItem?: typeof ClipboardItem }).ClipboardItem;
  if (!clipboard?.write || !Item) return false;
  try {
    // A promise of the blob keeps the user's click valid while the PNG is drawn (Safari/WebKit).
    await clipboard.write([new Item({ "image/png": svgToPng(svg, scale) })]);
    return true;
  } catch {
    return false;
  }
}

/** The PNG as a data URL, for an <img> the user can copy or drag out by hand. */
export async function pngDataUrl(svg: SVGSVGElement, scale = 2): Promise<string> {
  const blob = await svgToPng(svg, scale);
  return new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error("FileReader failed"));
    r.readAsDataURL(blob);
  });
}
