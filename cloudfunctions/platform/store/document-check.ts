import type { z } from 'zod';
import { specOf, type DocOf, type Registry } from './collections';
import { BadDocumentError, RejectedDocumentError } from './errors';
import { compileCheck, type QuickCheck } from './quick-check';
import type { Stored } from './store';

/**
 * The one place documents meet their schema, shared by both adapters: every document read is
 * parsed with its collection's schema, and every write is checked before anything is stored.
 *
 * What a reader gets is the stored document itself (checked, not rebuilt), so a field the schema
 * does not describe is never silently dropped. Where fields are strict (under test, by default)
 * such a field — or a schema that would change a value (default, transform) — is an error, so an
 * incomplete schema shows at once instead of in production.
 */
export type BadDocument = { collection: string; id: string; reason: string };
export type BadDocumentReport = (bad: BadDocument) => void;

export type DocumentCheckOptions = {
  /** Undescribed fields fail reads and writes; default: under jest, or STORE_STRICT_FIELDS=1. */
  strictFields?: boolean;
  /** Told of each stored document a reader of many skipped; default: one structured console.warn line. */
  onBadDocument?: BadDocumentReport;
};

const warned = new Set<string>();
const MAX_WARNED = 10_000;

/** One JSON line per skipped document and instance, so a log search finds them and a job every minute does not flood the log. */
export const warnBadDocument: BadDocumentReport = (bad) => {
  const key = `${bad.collection}/${bad.id}`;
  if (warned.has(key)) return;
  if (warned.size >= MAX_WARNED) warned.clear();
  warned.add(key);
  console.warn(JSON.stringify({ event: 'store.badDocument', ...bad }));
};

const strictByDefault = (): boolean =>
  process.env.STORE_STRICT_FIELDS === '1' ||
  (process.env.JEST_WORKER_ID !== undefined && process.env.STORE_STRICT_FIELDS !== '0');

/** The store's own fields: added by the adapters, not part of any schema. */
const META = new Set(['_id', '_version', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt']);
const MAX_ISSUES = 3;

function issuesText(error: z.ZodError): string {
  const shown = error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`);
  const more = error.issues.length > MAX_ISSUES ? ` (+${error.issues.length - MAX_ISSUES} more)` : '';
  return shown.join('; ') + more;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where the parsed value is not the stored one: a field the schema dropped, changed or added. */
function difference(stored: unknown, parsed: unknown, path: string, top: boolean): string | null {
  if (stored === parsed) return null;
  if (Array.isArray(stored) && Array.isArray(parsed)) {
    if (stored.length !== parsed.length) return `${path || '(document)'}: the schema changed the list`;
    for (let i = 0; i < stored.length; i += 1) {
      const found = difference(stored[i], parsed[i], `${path}[${i}]`, false);
      if (found) return found;
    }
    return null;
  }
  if (isRecord(stored) && isRecord(parsed)) {
    for (const key of Object.keys(stored)) {
      if (stored[key] === undefined || (top && META.has(key) && !(key in parsed))) continue;
      const at = path ? `${path}.${key}` : key;
      if (!(key in parsed)) return `${at}: stored but not described by the collection's schema`;
      const found = difference(stored[key], parsed[key], at, false);
      if (found) return found;
    }
    for (const key of Object.keys(parsed)) {
      if (parsed[key] !== undefined && !(key in stored))
        return `${path ? `${path}.${key}` : key}: filled in by the schema, not stored`;
    }
    return null;
  }
  return `${path || '(document)'}: the schema changed the stored value`;
}

export type DocumentCheck<R extends Registry> = {
  /** The document `get` returns: a bad one is a BadDocumentError naming collection and id. */
  one<C extends keyof R & string>(collection: C, doc: Record<string, unknown>): Stored<DocOf<C, R>>;
  /** The documents a reader of many gets: a bad one is reported and left out, the others returned. */
  many<C extends keyof R & string>(collection: C, docs: readonly Record<string, unknown>[]): Stored<DocOf<C, R>>[];
  /** A document about to be stored (with its id and audit fields): a bad one is a RejectedDocumentError. */
  write<C extends keyof R & string>(collection: C, doc: Record<string, unknown>): Stored<DocOf<C, R>>;
};

export function documentCheck<R extends Registry>(registry: R, options: DocumentCheckOptions = {}): DocumentCheck<R> {
  const strict = options.strictFields ?? strictByDefault();
  const report = options.onBadDocument ?? warnBadDocument;
  const quickChecks = new Map<string, QuickCheck>();

  function quickCheckOf(collection: string, schema: z.ZodTypeAny): QuickCheck {
    let check = quickChecks.get(collection);
    if (!check) {
      check = compileCheck(schema);
      quickChecks.set(collection, check);
    }
    return check;
  }

  /** Why the document does not conform, or null; `undescribed` is set when only strictness refuses it. */
  function problemOf(
    collection: string,
    doc: Record<string, unknown>,
  ): { reason: string; undescribed: boolean } | null {
    if (typeof doc._id !== 'string' || typeof doc._version !== 'number')
      return { reason: '_id/_version missing', undescribed: false };
    const { schema } = specOf(registry, collection);
    const quick = quickCheckOf(collection, schema);
    if (!strict && quick(doc)) return null;
    const result = schema.safeParse(doc);
    if (strict && quick(doc) !== result.success) {
      throw new Error(
        `store quick check and schema disagree on ${collection}/${doc._id} (schema: ${result.success ? 'valid' : 'invalid'})`,
      );
    }
    if (!result.success) return { reason: issuesText(result.error), undescribed: false };
    if (!strict) return null;
    const reason = difference(doc, result.data, '', true);
    return reason === null ? null : { reason, undescribed: true };
  }

  function conforms<C extends keyof R & string>(
    collection: C,
    doc: Record<string, unknown>,
    onProblem: (reason: string, undescribed: boolean) => void,
  ): doc is Stored<DocOf<C, R>> {
    const problem = problemOf(collection, doc);
    if (problem) onProblem(problem.reason, problem.undescribed);
    return problem === null;
  }

  const idOf = (doc: Record<string, unknown>): string => (typeof doc._id === 'string' ? doc._id : '(no id)');

  return {
    one(collection, doc) {
      if (conforms(collection, doc, () => undefined)) return doc;
      throw new BadDocumentError(collection, idOf(doc), problemOf(collection, doc)?.reason ?? 'invalid');
    },
    many(collection, docs) {
      const kept = [];
      for (const doc of docs) {
        const fail = (reason: string, undescribed: boolean) => {
          // An undescribed field is the schema's gap, not the document's: under strict fields it fails loudly.
          if (undescribed) throw new BadDocumentError(collection, idOf(doc), reason);
          report({ collection, id: idOf(doc), reason });
        };
        if (conforms(collection, doc, fail)) kept.push(doc);
      }
      return kept;
    },
    write(collection, doc) {
      let why = '';
      if (conforms(collection, doc, (reason) => (why = reason))) return doc;
      throw new RejectedDocumentError(collection, idOf(doc), why);
    },
  };
}
