import { join, resolve } from 'node:path';
import { functions } from '../../cloudfunctions/registry';
import { collections } from '../../cloudfunctions/platform/store/collections';
import {
  cloudbaseConfig,
  functionFolders,
  loadDeployment,
  wechatFunctionConfig,
} from '../../scripts/deploy/cloudbase-config';
import { indexName, setupCollections, type CollectionAdmin } from '../../scripts/deploy/collection-setup';
import { CLOUDBASE_MEMORY_SIZES, CLOUDBASE_TIMEOUT_MAX_S, Deployment } from '../../types/deployment';

const ROOT = resolve(__dirname, '../..');
type RcFunction = {
  name: string;
  timeout: number;
  memorySize: number;
  runtime: string;
  envVariables: Record<string, string>;
  triggers?: { type: string }[];
};

describe('CloudBase deployment configuration', () => {
  const deployment = loadDeployment();
  const names = functionFolders(join(ROOT, 'cloudfunctions'));
  const rc = cloudbaseConfig(deployment, names) as { functions: RcFunction[]; envId: string };

  it('lists every deployed function: the registry, plus the timer-only scheduler', () => {
    expect(rc.functions.map((f) => f.name).sort()).toEqual(names);
    for (const name of Object.keys(functions)) expect(names).toContain(name);
    expect(names).toContain('scheduler');
    expect(rc.envId).toBe('{{env.CLOUDBASE_ENV_ID}}');
  });

  it('keeps every function within CloudBase limits: one trigger at most, timeout 1–60 s, a valid memory size', () => {
    for (const fn of rc.functions) {
      expect((fn.triggers ?? []).length).toBeLessThanOrEqual(1);
      expect(fn.timeout).toBeGreaterThanOrEqual(1);
      expect(fn.timeout).toBeLessThanOrEqual(CLOUDBASE_TIMEOUT_MAX_S);
      expect(CLOUDBASE_MEMORY_SIZES).toContain(fn.memorySize);
    }
    const timeout = Object.fromEntries(rc.functions.map((f) => [f.name, f.timeout]));
    expect(timeout.grades).toBe(60);
    expect(timeout.warnings).toBe(60);
  });

  it('refuses a second trigger and a timeout over the limit', () => {
    const trigger = { name: 'tick', config: '0 * * * * * *' };
    expect(
      Deployment.safeParse({ ...deployment, functions: { scheduler: { trigger: [trigger, trigger] } } }).success,
    ).toBe(false);
    expect(Deployment.safeParse({ ...deployment, functions: { grades: { timeout: 900 } } }).success).toBe(false);
    expect(
      Deployment.safeParse({
        ...deployment,
        functions: { scheduler: { trigger: { name: 'tick', config: '*/5 * * * *' } } },
      }).success,
    ).toBe(false);
  });

  it('refuses a configuration that misses a function folder', () => {
    // 'reports' exists now (issue 14): a folder nobody configured is named instead.
    expect(() => cloudbaseConfig(deployment, [...names, 'unconfigured'])).toThrow(/missing unconfigured/);
  });

  it('gives the scheduler its one timer and the subscribeMessage.send permission, and the template ids', () => {
    const scheduler = rc.functions.find((f) => f.name === 'scheduler');
    expect(scheduler?.triggers).toEqual([{ name: 'tick', type: 'timer', config: '0 * * * * * *' }]);
    expect(wechatFunctionConfig(deployment.functions.scheduler!)).toEqual({
      triggers: [{ name: 'tick', type: 'timer', config: '0 * * * * * *' }],
      permissions: { openapi: ['subscribeMessage.send'] },
    });
    expect(scheduler?.envVariables.WX_TMPL_WARNING_ISSUED).toBe('{{env.WX_TMPL_WARNING_ISSUED}}');
    // The field key only where encrypted fields are read.
    const withKey = rc.functions.filter((f) => 'FIELD_KEY' in f.envVariables).map((f) => f.name);
    expect(withKey).toEqual(['support']);
  });
});

describe('npm run cloud:setup', () => {
  function fakeAdmin(): CollectionAdmin & { state: Map<string, { indexes: Set<string>; adminOnly: boolean }> } {
    const state = new Map<string, { indexes: Set<string>; adminOnly: boolean }>();
    const of = (name: string) =>
      state.get(name) ??
      (() => {
        throw new Error(`no collection ${name}`);
      })();
    return {
      state,
      createCollectionIfNotExists: async (name) =>
        void (state.has(name) || state.set(name, { indexes: new Set(), adminOnly: false })),
      indexNames: async (name) => [...of(name).indexes],
      createIndexes: async (name, indexes) => indexes.forEach((index) => of(name).indexes.add(index.name)),
      setAdminOnly: async (name) => void (of(name).adminOnly = true),
    };
  }

  it('creates every registry collection with its indexes, admin-only, and a second run creates nothing', async () => {
    const admin = fakeAdmin();
    const first = await setupCollections(admin, collections);
    expect(first.map((r) => r.collection)).toEqual(Object.keys(collections));
    for (const [name, spec] of Object.entries(collections)) {
      expect(admin.state.get(name)?.adminOnly).toBe(true);
      expect([...(admin.state.get(name)?.indexes ?? [])].sort()).toEqual(spec.indexes.map(indexName).sort());
    }
    const second = await setupCollections(admin, collections);
    expect(second.flatMap((r) => r.indexesCreated)).toEqual([]);
  });

  it('names compound and nested indexes with CloudBase-safe names', () => {
    expect(indexName(['collegeId', 'objection.state'])).toBe('idx_collegeId__objection_state');
    expect(indexName('openid')).toBe('idx_openid');
  });
});
