// Throwaway: runs the contract against the CloudBase adapter with the SDK's HTTP requester replaced by an in-memory Mongo-ish fake.
import { EJSON } from 'bson';
import { openCloudbaseStore } from '../../cloudfunctions/platform/store/cloudbase-store';
import { describeStoreContract } from './store.contract';
// eslint-disable-next-line
const { Db } = require('@cloudbase/database');

type Doc = Record<string, unknown>;
let main = new Map<string, Map<string, Doc>>();
const txs = new Map<string, Map<string, Map<string, Doc>>>();
let txSeq = 0;
const clone = (m: Map<string, Map<string, Doc>>) => new Map([...m].map(([k, v]) => [k, new Map([...v].map(([i, d]) => [i, structuredClone(d)]))]));
const err = (code: string, message = code) => Object.assign(new Error(message), { code });

function at(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const k of path.split('.')) { if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined; cur = (cur as Doc)[k]; }
  return cur;
}
const rank = (v: unknown) => v === undefined || v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : Array.isArray(v) ? 4 : typeof v === 'object' ? 3 : 5;
function cmp(a: unknown, b: unknown): number { const ra = rank(a), rb = rank(b); if (ra !== rb) return ra - rb; if (ra === 0) return 0; if (ra === 5) return Number(a) - Number(b); return (a as any) < (b as any) ? -1 : (a as any) > (b as any) ? 1 : 0; }
const eq = (v: unknown, t: unknown) => t === null ? v === null || v === undefined : typeof v === typeof t && v === t;
function test(v: unknown, cond: unknown): boolean {
  if (cond === null || typeof cond !== 'object') return eq(v, cond);
  return Object.entries(cond as Doc).every(([op, t]) => {
    switch (op) {
      case '$eq': return eq(v, t);
      case '$ne': return !eq(v, t);
      case '$in': return (t as unknown[]).some((x) => eq(v, x));
      case '$nin': return !(t as unknown[]).some((x) => eq(v, x));
      default: {
        if (t === null) return (op === '$gte' || op === '$lte') && eq(v, null);
        if (rank(v) !== rank(t) || v === undefined) return false;
        const c = cmp(v, t);
        return op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : op === '$lte' ? c <= 0 : (() => { throw new Error('op ' + op); })();
      }
    }
  });
}
function matches(doc: Doc, q: Doc): boolean {
  return Object.entries(q).every(([k, c]) => k === '$and' ? (c as Doc[]).every((s) => matches(doc, s)) : test(at(doc, k), c));
}
function space(p: any) { return p.transactionId ? txs.get(p.transactionId)! : main; }
function coll(p: any, create = false) {
  const s = space(p); let c = s.get(p.collectionName);
  if (!c) { if (!create) throw err('DATABASE_COLLECTION_NOT_EXIST'); c = new Map(); s.set(p.collectionName, c); }
  return c;
}
const parseQ = (q: unknown): Doc => (q === undefined ? {} : typeof q === 'string' ? EJSON.parse(q) as Doc : q as Doc);
function find(p: any): Doc[] {
  const c = coll(p);
  let docs = [...c.values()].filter((d) => matches(d, parseQ(p.query)));
  if (p.order) { const order = EJSON.parse(p.order) as Record<string, number>; docs.sort((a, b) => { for (const [f, d] of Object.entries(order)) { const r = cmp(at(a, f), at(b, f)) * d; if (r) return r; } return 0; }); }
  return docs;
}
class Fake {
  async send(action: string, p: any) {
    await new Promise((r) => setImmediate(r));
    switch (action) {
      case 'database.startTransaction': { const id = `t${txSeq++}`; txs.set(id, clone(main)); return { transactionId: id }; }
      case 'database.commitTransaction': main = txs.get(p.transactionId)!; txs.delete(p.transactionId); return {};
      case 'database.abortTransaction': txs.delete(p.transactionId); return {};
      case 'database.getDocument': { const docs = find(p).slice(p.offset ?? 0, (p.offset ?? 0) + (p.limit ?? 100)); return { data: { list: docs.map((d) => EJSON.stringify(d, { relaxed: false })) } }; }
      case 'database.calculateDocument': return { data: { total: find(p).length } };
      case 'database.insertDocument': {
        const c = coll(p);
        const docs = (p.data as string[]).map((s) => EJSON.parse(s) as Doc);
        for (const d of docs) if (c.has(String(d._id))) throw err('DATABASE_DUPLICATE_WRITE', 'E11000 duplicate key');
        for (const d of docs) c.set(String(d._id), d);
        return { data: { insertedIds: docs.map((d) => d._id) } };
      }
      case 'database.modifyDocument': {
        const hits = find(p); const data = EJSON.parse(p.data) as Doc;
        if (!p.merge) throw new Error('replace not faked');
        const set = data.$set as Doc;
        for (const d of hits.slice(0, p.multi ? undefined : 1)) for (const [k, v] of Object.entries(set)) { if (k.includes('.')) throw new Error('dotted set ' + k); d[k] = v; }
        return { data: { updated: p.multi ? hits.length : Math.min(1, hits.length) } };
      }
      case 'database.removeDocument': { const c = coll(p); const hits = find(p); for (const d of hits) c.delete(String(d._id)); return { data: { deleted: hits.length } }; }
      case 'database.addCollection': coll(p, true); return {};
      default: throw new Error('not faked: ' + action);
    }
  }
}
describeStoreContract('cloudbase adapter on a fake backend', async () => {
  main = new Map();
  const store = openCloudbaseStore({ env: 'fake', secretId: 'x', secretKey: 'y' });
  Db.reqClass = Fake;
  return { store, reopen: async () => { const s = openCloudbaseStore({ env: 'fake', secretId: 'x', secretKey: 'y' }); Db.reqClass = Fake; return s; } };
});
