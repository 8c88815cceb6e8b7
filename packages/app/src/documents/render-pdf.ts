import { createRequire } from 'node:module';
import type pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/** The font family every generated document uses: Noto Sans SC (SIL OFL), embedded as a subset. */
export const DOCUMENT_FONT = 'NotoSansSC';

const require = createRequire(import.meta.url);
const regularFontPath =
  require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const boldFontPath = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
const fontPaths = new Set([regularFontPath, boldFontPath]);

type Pdfmake = typeof pdfmakeModule;
let configured: Promise<Pdfmake> | null = null;

// pdfmake 0.3 in Node is a configured singleton: this module is the one place that configures it, on the first
// render (loading it costs ~0.3 s, which importing @ipf/app should not). Documents load no URL and no local
// file but the two font files (both policies also silence pdfmake's warnings).
function loadPdfmake(): Promise<Pdfmake> {
  configured ??= import('pdfmake').then(({ default: pdfmake }) => {
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => fontPaths.has(path));
    pdfmake.addFonts({
      [DOCUMENT_FONT]: {
        normal: regularFontPath,
        bold: boldFontPath,
        italics: regularFontPath,
        bolditalics: boldFontPath,
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
