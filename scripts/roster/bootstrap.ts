import { parseArgs } from 'node:util';
import { systemClock } from '../../cloudfunctions/core/time/clock';
import { openStore, readStoreEnv } from '../../cloudfunctions/platform/store/open-store';
import { bootstrapCollege, BootstrapInput } from '../../cloudfunctions/application/roster/bootstrap';

/**
 * `npm run bootstrap -- --college-id life --college-name 生命科学学院 --staff-no T0001 --name 张老师 [--role clerk|studentAffairs]`
 * The first user of a fresh install, on the store the environment names (STORE=cloudbase with
 * CLOUDBASE_ENV_ID + TENCENTCLOUD_SECRETID/SECRETKEY for the cloud): prints a one-time invite
 * code that person types in the mini-program (首页 → 输入邀请码) with their 工号 and name.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'college-id': { type: 'string' },
      'college-name': { type: 'string' },
      'staff-no': { type: 'string' },
      name: { type: 'string' },
      phone: { type: 'string' },
      role: { type: 'string' },
    },
  });
  const parsed = BootstrapInput.safeParse({
    collegeId: values['college-id'],
    collegeName: values['college-name'],
    staffNo: values['staff-no'],
    name: values.name,
    phone: values.phone,
    role: values.role,
  });
  if (!parsed.success) {
    console.error(`参数不正确：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
    console.error(
      '用法：npm run bootstrap -- --college-id life --college-name 生命科学学院 --staff-no T0001 --name 张老师 [--role clerk|studentAffairs]',
    );
    process.exit(2);
  }
  const store = await openStore(readStoreEnv());
  try {
    const { userId, code, expiresAt } = await bootstrapCollege(store, systemClock, parsed.data);
    console.log(`已创建 ${parsed.data.name}（${userId}）。邀请码：${code}（${expiresAt} 前有效，仅显示这一次）`);
  } finally {
    await store.close();
  }
}

void main();
