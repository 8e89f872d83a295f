import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FieldKeyError, KEY_BYTES } from './field-cipher';

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

function parseHex(text: string, source: string): Buffer {
  const trimmed = text.trim();
  if (!HEX_KEY.test(trimmed)) throw new FieldKeyError(`${source} must be ${KEY_BYTES * 2} hex characters`);
  return Buffer.from(trimmed, 'hex');
}

/** Local runs: a key made on first use and kept in the data folder (never committed), like the session secret. */
export function loadOrCreateFieldKey(file: string): Buffer {
  if (existsSync(file)) return parseHex(readFileSync(file, 'utf8'), file);
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(KEY_BYTES);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}

/** A cloud function runs in SCF: its file system is not a place for keys. */
function inCloud(env: Readonly<Record<string, string | undefined>>): boolean {
  return Boolean(env.TENCENTCLOUD_RUNENV || env.SCF_FUNCTIONNAME || env.TCB_ENV);
}

let cached: { source: string; key: Buffer } | null = null;

/**
 * The key for field encryption: `FIELD_KEY` (64 hex characters) from the environment — required
 * in the cloud — else `<DATA_DIR or data>/field-key`, generated on first run.
 */
export function fieldKey(env: Readonly<Record<string, string | undefined>> = process.env): Buffer {
  const source = env.FIELD_KEY ? `env:${env.FIELD_KEY}` : `file:${resolve(env.DATA_DIR ?? 'data')}`;
  if (cached?.source === source) return cached.key;
  let key: Buffer;
  if (env.FIELD_KEY) key = parseHex(env.FIELD_KEY, 'FIELD_KEY');
  else if (inCloud(env)) throw new FieldKeyError('FIELD_KEY is not set in the cloud function environment');
  else key = loadOrCreateFieldKey(join(resolve(env.DATA_DIR ?? 'data'), 'field-key'));
  cached = { source, key };
  return key;
}
