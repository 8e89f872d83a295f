import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealedField } from '../../../types/support';

/**
 * Field-level encryption for sensitive values kept in documents (a helper's bank account):
 * AES-256-GCM, a fresh 96-bit IV per value, the 128-bit tag checked on open. The record id is
 * bound in as additional data, so a ciphertext copied into another record does not open.
 */
export const KEY_BYTES = 32;

export class FieldKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldKeyError';
  }
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new FieldKeyError(`field key must be ${KEY_BYTES} bytes, got ${key.length}`);
}

export function sealField(key: Buffer, plaintext: string, boundTo: string): SealedField {
  checkKey(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    v: 1,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** Throws when the key is wrong, the record differs or a byte was altered (GCM authenticates). */
export function openField(key: Buffer, sealed: SealedField, boundTo: string): string {
  checkKey(key);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
}
