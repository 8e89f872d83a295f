import { init } from '@cloudbase/node-sdk';
import { openCloudbaseStoreOf } from '../../cloudfunctions/platform/store/cloudbase-store';
import { asIsCollections, CONTRACT_COLLECTIONS, contractCollections, describeStoreContract } from './store.contract';

/**
 * The same contract against a real CloudBase environment, from outside the cloud. It needs an
 * environment id and an API key (a test environment: the suite empties its contract_* collections).
 */
const required = ['CLOUDBASE_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const;
const missing = required.filter((name) => !process.env[name]);
const env = process.env.CLOUDBASE_ENV_ID ?? '';
const secretId = process.env.TENCENTCLOUD_SECRETID ?? '';
const secretKey = process.env.TENCENTCLOUD_SECRETKEY ?? '';

if (missing.length > 0) {
  const reason = `CloudBase contract not run: ${missing.join(', ')} not set`;
  console.warn(reason);
  describe('store contract: cloudbase', () => {
    it(`was skipped for lack of credentials (${missing.join(', ')} not set)`, () => {
      expect(missing.length).toBeGreaterThan(0);
    });
  });
} else {
  const db = init({ env, secretId, secretKey }).database();
  const _ = db.command;

  /** Every test starts from empty contract collections, created if this environment lacks them. */
  async function emptyContractCollections(): Promise<void> {
    for (const name of CONTRACT_COLLECTIONS) {
      await Promise.resolve(db.createCollection(name)).catch(() => undefined);
      await db
        .collection(name)
        .where({ _id: _.exists(true) })
        .remove();
    }
  }

  describeStoreContract(
    'cloudbase',
    async () => {
      await emptyContractCollections();
      const keys = { env, secretId, secretKey };
      return {
        store: openCloudbaseStoreOf(contractCollections, keys),
        reopen: async (options) => openCloudbaseStoreOf(contractCollections, { ...keys, ...options }),
        reopenAsIs: async () => openCloudbaseStoreOf(asIsCollections, { ...keys, strictFields: false }),
      };
    },
    { timeoutMs: 120_000 },
  );
}
