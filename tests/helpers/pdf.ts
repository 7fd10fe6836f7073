// Reads a PDF as the specs check it: each page's text items (NFC, with positions), its size, and its raster images.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
}

export interface PdfImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  rgba: Uint8ClampedArray;
}

export async function readPdf(bytes: ArrayBuffer | Uint8Array) {
  const data = new Uint8Array(bytes instanceof Uint8Array ? bytes.slice() : bytes);
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: { items: PdfItem[]; text: string; size: number[] }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const items = (await page.getTextContent()).items
      .filter((x: any) => typeof x.str === 'string' && x.str.trim())
      .map((x: any) => ({ str: x.str.normalize('NFC'), x: x.transform[4], y: x.transform[5], width: x.width }));
    pages.push({ items, text: items.map((i) => i.str).join(' '), size: page.view.slice(2) });
  }
  return pages;
}

/** The raster images painted on a page (a printed canvas is one), decoded to RGBA. */
export async function pdfImages(bytes: Uint8Array, pageNumber: number): Promise<PdfImage[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes.slice()),
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
  }).promise;
  const page = await doc.getPage(pageNumber);
  const ops = await page.getOperatorList();
  const names = ops.fnArray.flatMap((fn, i) => (fn === OPS.paintImageXObject ? [ops.argsArray[i][0] as string] : []));
  const images: PdfImage[] = [];
  for (const name of names) {
    const store = name.startsWith('g_') ? page.commonObjs : page.objs;
    // Decoded images arrive after the operator list: asked with a callback, answered once resolved.
    const img = await new Promise<{ width: number; height: number; kind: number; data: Uint8ClampedArray }>((done) =>
      store.get(name, done),
    );
    const rgba = new Uint8ClampedArray(img.width * img.height * 4);
    const channels = img.kind === 3 ? 4 : 3; // pdf.js ImageKind: 2 RGB_24BPP, 3 RGBA_32BPP
    for (let p = 0; p < img.width * img.height; p++) {
      for (let c = 0; c < 3; c++) rgba[p * 4 + c] = img.data[p * channels + c]!;
      rgba[p * 4 + 3] = channels === 4 ? img.data[p * 4 + 3]! : 255;
    }
    images.push({ width: img.width, height: img.height, rgba });
  }
  return images;
}
