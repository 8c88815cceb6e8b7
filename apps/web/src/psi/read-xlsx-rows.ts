/**
 * 读取 xlsx: the cell texts of the first worksheet of an Office Open XML workbook, read in the browser (zip with
 * `DecompressionStream('deflate-raw')`, XML by pattern), so that a bank's customer list is never uploaded. Only
 * what a list of codes needs: shared, inline and plain strings and numbers' text; no formulas are evaluated
 * (their cached value is read), no styles.
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const entries = readZipDirectory(bytes);
  const text = async (name: string) => {
    const entry = entries.get(name);
    return entry === undefined ? null : new TextDecoder().decode(await inflateEntry(bytes, entry));
  };
  const sheetPath = firstSheetPath(
    (await text('xl/workbook.xml')) ?? '',
    (await text('xl/_rels/workbook.xml.rels')) ?? '',
  );
  const sheet = (await text(sheetPath)) ?? (await text('xl/worksheets/sheet1.xml'));
  if (sheet === null) throw new Error('readXlsxRows: the workbook has no worksheet');
  const shared = parseSharedStrings((await text('xl/sharedStrings.xml')) ?? '');
  return parseSheetRows(sheet, shared);
}

interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('readXlsxRows: not a zip file');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (view.getUint32(offset, true) !== 0x02014b50) throw new Error('readXlsxRows: broken zip directory');
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.set(name, {
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (view.getUint32(at, true) !== 0x04034b50) throw new Error('readXlsxRows: broken zip entry');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.slice(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new Error(`readXlsxRows: zip method ${entry.method} not supported`);
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

/** The concatenated `<t>` runs of a string item (plain or rich text). */
const runsText = (xml: string) =>
  [...xml.replace(/<t\b[^>]*\/>/g, '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)]
    .map((m) => decodeXml(m[1]!))
    .join('');

function parseSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runsText(m[1]!));
}

/** The path of the workbook's first sheet, through its relationship id; empty when either part is missing. */
function firstSheetPath(workbook: string, rels: string): string {
  const id = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  if (id === undefined) return '';
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((r) => r.includes(`Id="${id}"`));
  const target = rel === undefined ? undefined : /Target="([^"]+)"/.exec(rel)?.[1];
  if (target === undefined) return '';
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** A1 → column index 0; AB7 → 27. */
function columnIndex(ref: string): number {
  let index = 0;
  for (const ch of ref.replace(/\d+$/, '')) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

function parseSheetRows(xml: string, shared: readonly string[]): string[][] {
  const rows: string[][] = [];
  for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(/\br="(\d+)"/.exec(rowMatch[1]!)?.[1] ?? rows.length + 1);
    const cells: string[] = [];
    for (const cell of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cell[1]!;
      const body = cell[2] ?? '';
      const ref = /\br="([A-Z]+\d*)"/.exec(attributes)?.[1];
      const type = /\bt="([^"]+)"/.exec(attributes)?.[1];
      const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const text =
        type === 's'
          ? (shared[Number(value)] ?? '')
          : type === 'inlineStr'
            ? runsText(body)
            : value === undefined
              ? ''
              : decodeXml(value);
      cells[ref === undefined ? cells.length : columnIndex(ref)] = text;
    }
    while (rows.length < rowNumber - 1) rows.push([]);
    rows.push(Array.from(cells, (c) => c ?? ''));
  }
  return rows;
}
