// PDF documents with Vietnamese text that survives copy and search: Noto Sans embedded (regular "Noto", bold
// "NotoBold"), text drawn without glyph decomposition, the bytes collected when the document ends.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf');

/**
 * Glyph composition (ccmp) and localized forms (locl) off: with them, fontkit splits letters such as "ị", "ụ", "ạ"
 * into a base glyph and a combining dot, and the PDF's text layer then reads back "thi", "tu", "đia" (seen with
 * pdftotext and pdf.js). Noto Sans has a precomposed glyph for every Vietnamese letter, so the page looks the same.
 */
export const PLAIN = { features: { ccmp: false, locl: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[] };

/** A new document with the fonts registered, and the promise of its bytes once `doc.end()` is called. */
export function pdfDocument(options: PDFKit.PDFDocumentOptions): {
  doc: PDFKit.PDFDocument;
  bytes: Promise<Uint8Array>;
} {
  const doc = new PDFDocument(options);
  doc.registerFont('Noto', FONT_REGULAR);
  doc.registerFont('NotoBold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  return { doc, bytes };
}
