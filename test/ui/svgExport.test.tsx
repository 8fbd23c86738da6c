/** Issue 9, small one: a control character in an element name made the exported SVG invalid XML. */
import { serializeSvg } from "../../src/taskpane/theory/download";

it("the exported SVG is well-formed XML even when a name holds control characters", () => {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 100 50");
  const text = document.createElementNS("http://www.w3.org/2000/svg", "text");
  text.textContent = "Mentor\u0007forløb\u000b & \u001fsamtaler";
  svg.appendChild(text);
  const out = serializeSvg(svg as SVGSVGElement);
  const doc = new DOMParser().parseFromString(out.replace(/^<\?xml[^>]*>\s*/, ""), "image/svg+xml");
  expect(doc.querySelector("parsererror")).toBeNull();
  expect(doc.querySelector("text")?.textContent).toBe("Mentorforløb & samtaler");
});
