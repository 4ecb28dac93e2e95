/** Small pure helpers on text shared by the knowledge loader. */

/** Collapses every run of whitespace (including no-break spaces and newlines) to one space, and trims. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** 1-based line number of a character offset in `text`. */
export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export type DecodedText = { ok: true; text: string } | { ok: false; reason: 'not-utf8' | 'binary'; line: number };

/**
 * Decodes bytes as strict UTF-8 (a leading BOM is dropped). Files that are not UTF-8, or that hold NUL
 * bytes (binary files), are refused with the line of the first offending byte.
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const nul = text.indexOf('\u0000');
    if (nul >= 0) return { ok: false, reason: 'binary', line: lineAtOffset(text, nul) };
    return { ok: true, text };
  } catch {
    return { ok: false, reason: 'not-utf8', line: lineOfFirstInvalidByte(bytes) };
  }
}

/** Line (1-based) holding the first byte that does not start or continue a valid UTF-8 sequence. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i);
    if (length === 0) return line;
    if (bytes[i] === 10) line++;
    i += length;
  }
  return line;
}

function validSequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
