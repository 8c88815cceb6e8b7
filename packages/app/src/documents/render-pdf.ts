import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/** The font family every generated document uses: Noto Sans SC (SIL OFL), embedded as a subset. */
export const DOCUMENT_FONT = 'NotoSansSC';

const require = createRequire(import.meta.url);
const regularFontPath =
  require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const boldFontPath = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

/** pdfmake's in-memory file system in Node (not in @types/pdfmake, whose `addVirtualFileSystem` is browser-only). */
type Pdfmake = typeof pdfmakeModule & {
  readonly virtualfs: { writeFileSync(name: string, content: Buffer): void };
};
/** Names of the two fonts in that file system. */
const REGULAR_FONT_FILE = 'NotoSansSC-Regular.ttf';
const BOLD_FONT_FILE = 'NotoSansSC-Bold.ttf';
let configured: Promise<Pdfmake> | null = null;

// pdfmake 0.3 in Node is a configured singleton: this module is the one place that configures it, on the first
// render (loading it costs ~0.3 s, which importing @ipf/app should not). The two font files (10 MB each) are read
// once into pdfmake's in-memory file system, not from disk again for every document. Documents load no URL and
// no local file (both policies also silence pdfmake's warnings).
function loadPdfmake(): Promise<Pdfmake> {
  configured ??= import('pdfmake').then(({ default: loaded }) => {
    const pdfmake = loaded as Pdfmake;
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    pdfmake.virtualfs.writeFileSync(REGULAR_FONT_FILE, readFileSync(regularFontPath));
    pdfmake.virtualfs.writeFileSync(BOLD_FONT_FILE, readFileSync(boldFontPath));
    pdfmake.addFonts({
      [DOCUMENT_FONT]: {
        normal: REGULAR_FONT_FILE,
        bold: BOLD_FONT_FILE,
        italics: REGULAR_FONT_FILE,
        bolditalics: BOLD_FONT_FILE,
      },
    });
    return pdfmake;
  });
  return configured;
}

/**
 * 生成 PDF (render a document definition to PDF bytes) with Noto Sans SC embedded. The same definition gives
 * the same bytes as long as it fixes `info.creationDate` (pdfkit derives the file ID from the info dictionary);
 * without one this function refuses, since an unstable digest could not be signed and re-verified.
 */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  if (definition.info?.creationDate === undefined) {
    throw new Error('renderPdf needs info.creationDate so that the same document renders to the same bytes');
  }
  const info = { ...definition.info, modDate: definition.info.modDate ?? definition.info.creationDate };
  const pdfmake = await loadPdfmake();
  const document = pdfmake.createPdf({
    ...definition,
    info,
    defaultStyle: { font: DOCUMENT_FONT, ...definition.defaultStyle },
  });
  return document.getBuffer();
}
