import type { Store } from '../cloudfunctions/platform/store/store';
import { openFreshInstall } from '../test/support/fresh-install';
import { staffRows } from '../test/support/college-files';

/**
 * A college's roster through the roster function on SQLite: preview and apply of N students
 * (default 5000) in 100 classes, then the same file again; prints time and store round trips.
 * Usage: npx tsx bench/roster-import.ts [students]
 */
type Counted = { reads: number; writes: number };

function counting(store: Store, counts: Counted): Store {
  const reads = new Set(['get', 'query', 'count']);
  const writes = new Set(['add', 'addMany', 'update', 'remove']);
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return (...args: unknown[]) => {
        if (reads.has(key)) counts.reads++;
        if (writes.has(key)) counts.writes++;
        const answer: unknown = Reflect.apply(value, target, args);
        return answer;
      };
    },
  });
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 5000);
  const f = await openFreshInstall();
  const counts: Counted = { reads: 0, writes: 0 };
  await f.ok(f.clerkOpenid, 'roster', 'apply', { kind: 'staff', fileId: f.upload(staffRows) });
  const classes: (string | number)[][] = [['班级', '专业', '年级', '系', '辅导员', '班主任', '学业助理']];
  for (let i = 0; i < 100; i++) classes.push([`生工${i}班`, '生物工程', 2024, '生物工程系', 'T1001', 'T1002', '']);
  await f.ok(f.clerkOpenid, 'roster', 'apply', { kind: 'classes', fileId: f.upload(classes) });
  const students: (string | number)[][] = [
    ['学号', '姓名', '性别', '班级', '专业', '年级', '宿舍楼', '宿舍房间', '家长姓名', '家长电话'],
  ];
  for (let i = 0; i < n; i++)
    students.push([
      `2024${String(i).padStart(6, '0')}`,
      `学生${i}`,
      i % 2 ? '男' : '女',
      `生工${i % 100}班`,
      '生物工程',
      2024,
      `${i % 9}号楼`,
      `${100 + (i % 400)}`,
      `家长${i}`,
      `139${String(i).padStart(8, '0')}`,
    ]);
  const fileId = f.upload(students);
  const measured = counting(f.store, counts);
  const { functions } = await import('../cloudfunctions/registry');
  const run = async (label: string, action: 'preview' | 'apply', id: string) => {
    counts.reads = 0;
    counts.writes = 0;
    const started = performance.now();
    const answer = await functions.roster?.dispatch(
      { action, input: { kind: 'students', fileId: id } },
      { store: measured, clock: f.clock, files: f.files, openid: f.clerkOpenid },
    );
    if (!answer?.ok) throw new Error(`${label} failed`);
    console.log(
      `${label}: ${Math.round(performance.now() - started)} ms, ${counts.reads} reads, ${counts.writes} writes`,
    );
  };
  await run(`preview ${n} students`, 'preview', fileId);
  await run(`apply ${n} new students`, 'apply', fileId);
  await run('apply the same file again', 'apply', f.upload(students));
  await f.close();
}

void main();
