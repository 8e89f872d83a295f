import { existsSync } from 'node:fs';

/**
 * The CJK font the PDFs embed a subset of: DOCUMENT_FONT (a .ttf/.otf, or a .ttc with
 * DOCUMENT_FONT_FAMILY), else Debian's fonts-wqy-zenhei (installed by CI). A cloud deployment
 * must ship a font file with the function and set DOCUMENT_FONT.
 */
export type DocumentFont = { path: string; family?: string };

const WQY = { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' };

export class FontMissingError extends Error {
  constructor(path: string) {
    super(`PDF font not found: ${path}`);
    this.name = 'FontMissingError';
  }
}

export function documentFont(env: Readonly<Record<string, string | undefined>> = process.env): DocumentFont {
  const font = env.DOCUMENT_FONT
    ? { path: env.DOCUMENT_FONT, ...(env.DOCUMENT_FONT_FAMILY ? { family: env.DOCUMENT_FONT_FAMILY } : {}) }
    : WQY;
  if (!existsSync(font.path)) throw new FontMissingError(font.path);
  return font;
}
