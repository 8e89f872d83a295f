/** Encodings found in grade exports: UTF-8 (with or without BOM) and GBK from older systems. */
export type TextEncoding = 'utf-8' | 'gbk';

/** True when every byte of the stream is valid UTF-8. Reads the stream without keeping it. */
export async function isValidUtf8(bytes: AsyncIterable<Uint8Array>): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of bytes) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** Decodes a byte stream to text chunks; a UTF-8 BOM is dropped. */
export async function* decodeText(bytes: AsyncIterable<Uint8Array>, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
