import CloudBase from '@cloudbase/manager-node';
import { migrateQuickTalks } from '../../cloudfunctions/checkins/migrate-quick-talks';
import { rebuildWarningDigests } from '../../cloudfunctions/application/digests/rebuild-warning-digests';
import { rebuildDutyDigests } from '../../cloudfunctions/application/digests/rebuild-duty-digests';
import { toIso } from '../../cloudfunctions/core/time/shanghai';
import { systemClock } from '../../cloudfunctions/core/time/clock';
import { openCloudbaseStore } from '../../cloudfunctions/platform/store/cloudbase-store';
import { collections } from '../../cloudfunctions/platform/store/collections';
import { setupCollections, type CollectionAdmin } from './collection-setup';
import { requireEnv } from './require-env';

/**
 * `npm run cloud:setup`: the CloudBase database from the collection registry (collections, indexes,
 * ADMINONLY), then the data migrations the local server runs at start (idempotent).
 */
async function main(): Promise<void> {
  const env = requireEnv(['CLOUDBASE_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'], '初始化云数据库');
  const app = new CloudBase({
    envId: env.CLOUDBASE_ENV_ID,
    secretId: env.TENCENTCLOUD_SECRETID,
    secretKey: env.TENCENTCLOUD_SECRETKEY,
  });
  const admin: CollectionAdmin = {
    createCollectionIfNotExists: (name) => app.database.createCollectionIfNotExists(name),
    indexNames: async (name) =>
      ((await app.database.describeCollection(name)).Indexes ?? []).map((index) => index.Name),
    createIndexes: (name, indexes) =>
      app.database.updateCollection(name, {
        CreateIndexes: indexes.map((index) => ({
          IndexName: index.name,
          MgoKeySchema: {
            MgoIndexKeys: index.fields.map((field) => ({ Name: field, Direction: '1' })),
            MgoIsUnique: false,
          },
        })),
      }),
    setAdminOnly: (name) =>
      app.permission.modifyResourcePermission({ resourceType: 'collection', resource: name, permission: 'ADMINONLY' }),
  };
  const report = await setupCollections(admin, collections);
  for (const row of report)
    console.log(
      `${row.collection.padEnd(20)} ${row.indexesCreated.length > 0 ? `新建索引 ${row.indexesCreated.join(', ')}` : '索引已齐'}`,
    );
  console.log(`${report.length} 个集合已就绪（仅云函数可读写）`);
  const store = openCloudbaseStore({
    env: env.CLOUDBASE_ENV_ID,
    secretId: env.TENCENTCLOUD_SECRETID,
    secretKey: env.TENCENTCLOUD_SECRETKEY,
  });
  const moved = await migrateQuickTalks(store, systemClock);
  console.log(`数据迁移：${moved} 条快速谈话记录并入谈心谈话记录`);
  const digests = await rebuildWarningDigests(store, {
    write: true,
    ctx: { by: 'script:cloud-setup', at: toIso(systemClock.now()) },
  });
  console.log(`警示统计摘要：${digests.digests} 份，补建或更正 ${digests.written} 份`);
  const dutyDigests = await rebuildDutyDigests(store, {
    write: true,
    ctx: { by: 'script:cloud-setup', at: toIso(systemClock.now()) },
  });
  console.log(`职责统计摘要：${dutyDigests.digests} 份，补建或更正 ${dutyDigests.written} 份`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
