import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FieldKeyError, openField, sealField } from '../../../cloudfunctions/platform/crypto/field-cipher';
import { fieldKey, loadOrCreateFieldKey } from '../../../cloudfunctions/platform/crypto/field-key';

describe('field encryption (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('round-trips, and never stores the clear text', () => {
    const sealed = sealField(key, '6217000012345678901', 'pairing-1');
    expect(JSON.stringify(sealed)).not.toContain('6217000012345678901');
    expect(openField(key, sealed, 'pairing-1')).toBe('6217000012345678901');
    // A fresh IV each time: the same account does not give the same ciphertext.
    expect(sealField(key, '6217000012345678901', 'pairing-1').data).not.toBe(sealed.data);
  });

  it.each([
    ['another key', (s: ReturnType<typeof sealField>) => openField(randomBytes(32), s, 'pairing-1')],
    ['another record', (s: ReturnType<typeof sealField>) => openField(key, s, 'pairing-2')],
    [
      'an altered byte',
      (s: ReturnType<typeof sealField>) =>
        openField(
          key,
          {
            ...s,
            data: Buffer.from(Buffer.from(s.data, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64'),
          },
          'pairing-1',
        ),
    ],
  ])('does not open with %s', (_name, open) => {
    expect(() => open(sealField(key, '6217000012345678901', 'pairing-1'))).toThrow();
  });

  it('refuses a key of the wrong size', () => {
    expect(() => sealField(randomBytes(16), 'x', 'y')).toThrow(FieldKeyError);
  });

  it('takes FIELD_KEY from the environment, refuses a bad one, and requires it in the cloud', () => {
    const hex = randomBytes(32).toString('hex');
    expect(fieldKey({ FIELD_KEY: hex }).toString('hex')).toBe(hex);
    expect(() => fieldKey({ FIELD_KEY: 'abc' })).toThrow(FieldKeyError);
    expect(() => fieldKey({ TENCENTCLOUD_RUNENV: 'SCF' })).toThrow(/FIELD_KEY/);
  });

  it('locally makes a key on first run in the data folder and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'field-key-'));
    try {
      const first = fieldKey({ DATA_DIR: dir });
      expect(readFileSync(join(dir, 'field-key'), 'utf8')).toBe(first.toString('hex'));
      expect(loadOrCreateFieldKey(join(dir, 'field-key')).equals(first)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
