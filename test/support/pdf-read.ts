import { inflateSync } from 'node:zlib';

/**
 * A small reader for the PDFs the documents function writes (pdfkit: a classic xref table,
 * Flate streams, one Type0 font with a ToUnicode map): checks the structure and gives back the
 * pages, the embedded font subset and the text of each page, so a test can read fields back.
 */
export type PdfObject = { num: number; dict: string; stream: Buffer | null };
export type ReadPdf = {
  objects: Map<number, PdfObject>;
  pageCount: number;
  fontName: string;
  subsetGlyphs: number;
  text: string[];
};

function objects(pdf: Buffer): Map<number, PdfObject> {
  const latin = pdf.toString('latin1');
  const xrefAt = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin)?.[1]);
  if (!Number.isFinite(xrefAt) || !latin.startsWith('%PDF-'))
    throw new Error('not a PDF (header or startxref missing)');
  const xref = /^xref\s+0\s+(\d+)\s+([\s\S]*?)trailer/.exec(latin.slice(xrefAt));
  if (!xref?.[1] || xref[2] === undefined) throw new Error('xref table unreadable');
  const size = Number(xref[1]);
  const entries = xref[2]
    .trim()
    .split(/\r?\n/)
    .map((l) => l.trim());
  const out = new Map<number, PdfObject>();
  for (let num = 1; num < size; num++) {
    const [offset, , kind] = (entries[num] ?? '').split(' ');
    if (kind !== 'n') continue;
    const at = Number(offset);
    const head = new RegExp(`^${num} 0 obj`).exec(latin.slice(at, at + 20));
    if (!head) throw new Error(`xref of object ${num} does not point at it`);
    const end = latin.indexOf('endobj', at);
    const body = latin.slice(at, end);
    const streamAt = body.indexOf('stream\n');
    const dict = streamAt >= 0 ? body.slice(0, streamAt) : body;
    let stream: Buffer | null = null;
    if (streamAt >= 0) {
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const start = at + streamAt + 'stream\n'.length;
      const raw = pdf.subarray(start, start + length);
      stream = dict.includes('/FlateDecode') ? inflateSync(raw) : raw;
    }
    out.set(num, { num, dict, stream });
  }
  return out;
}

/** glyph id (hex, 4 digits) → text, from a ToUnicode CMap. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hexText = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(m[1] ?? '0', 16);
      const hi = parseInt(m[2] ?? '0', 16);
      const target = m[3] ?? '';
      if (target.startsWith('[')) {
        const items = [...target.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => x[1] ?? '');
        for (let g = lo; g <= hi; g++) map.set(g.toString(16).padStart(4, '0'), hexText(items[g - lo] ?? ''));
      } else {
        const base = parseInt(target.slice(1, -1), 16);
        for (let g = lo; g <= hi; g++) map.set(g.toString(16).padStart(4, '0'), String.fromCodePoint(base + g - lo));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set((m[1] ?? '').toLowerCase().padStart(4, '0'), hexText(m[2] ?? ''));
  }
  return map;
}

function pageText(content: string, glyphs: Map<string, string>): string {
  let text = '';
  for (const op of content.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]+)>\s*Tj/g)) {
    const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] ?? '') : [op[2] ?? ''];
    for (const h of hexes) for (const g of h.match(/.{4}/g) ?? []) text += glyphs.get(g.toLowerCase()) ?? '';
    text += '\n';
  }
  return text;
}

/** A TrueType font's glyph count (its 'maxp' table), after checking it is one: sfnt header, glyf, loca, head. */
function trueTypeGlyphs(font: Buffer): number {
  // 0x00010000 or 'true': both mark TrueType outlines.
  if (![0x00010000, 0x74727565].includes(font.readUInt32BE(0))) throw new Error('embedded font is not TrueType');
  const tables = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++)
    tables.set(font.toString('latin1', 12 + i * 16, 16 + i * 16), font.readUInt32BE(12 + i * 16 + 8));
  for (const tag of ['glyf', 'loca', 'head', 'maxp'])
    if (!tables.has(tag)) throw new Error(`embedded font has no ${tag} table`);
  return font.readUInt16BE((tables.get('maxp') ?? 0) + 4);
}

export function readPdf(pdf: Buffer): ReadPdf {
  const objs = objects(pdf);
  const all = [...objs.values()];
  const pages = all.filter((o) => /\/Type \/Page\b/.test(o.dict));
  const fontDescriptor = all.find((o) => o.dict.includes('/FontFile2'));
  const fontFileRef = Number(/\/FontFile2 (\d+) 0 R/.exec(fontDescriptor?.dict ?? '')?.[1]);
  const fontFile = objs.get(fontFileRef)?.stream;
  if (!fontFile) throw new Error('no embedded TrueType font (FontFile2)');
  const subsetGlyphs = trueTypeGlyphs(fontFile);
  const fontName = /\/BaseFont \/([A-Z]{6}\+[^\s/>]+)/.exec(all.map((o) => o.dict).join('\n'))?.[1] ?? '';
  const cmapRef = Number(/\/ToUnicode (\d+) 0 R/.exec(all.map((o) => o.dict).join('\n'))?.[1]);
  const glyphs = toUnicode(objs.get(cmapRef)?.stream?.toString('latin1') ?? '');
  const text = pages.map((p) => {
    const refs = [...(/\/Contents (\d+) 0 R/.exec(p.dict) ?? [])].slice(1).map(Number);
    return refs.map((r) => pageText(objs.get(r)?.stream?.toString('latin1') ?? '', glyphs)).join('\n');
  });
  return { objects: objs, pageCount: pages.length, fontName, subsetGlyphs, text };
}
