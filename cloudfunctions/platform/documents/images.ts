/**
 * A signature as stored: a PNG data URL (H5) or a cloud file id (WeChat). Only the data URL can
 * be drawn without a download; for a file id the form prints the signer's name and time.
 */
export function imageBytes(image: string): Buffer | null {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(image);
  if (!match?.[1]) return null;
  const bytes = Buffer.from(match[1], 'base64');
  // The PNG signature: anything else is not drawn.
  return bytes.length > 8 && bytes.readUInt32BE(0) === 0x89504e47 ? bytes : null;
}
