import type { Journey, Person } from '../../support/journey';
import { staff } from './people';

const LZUT = '本科生学业警示及帮扶（生命科学与工程学院）';

/** On the review screen: 发布名单 → 确定; returns when the list says 已发布 (performance.now() of the 确定 tap). */
export async function publishOnReview(clerk: Person): Promise<number> {
  await clerk.tap('发布名单');
  await clerk.see('确定发布？');
  const confirmed = performance.now();
  await clerk.tap('确定');
  await clerk.see('已发布');
  await clerk.notSee('发布名单');
  return confirmed;
}

/** The clerk signs in and publishes the semester's waiting draft from 历次名单. */
export async function publishWaitingDraft(
  j: Journey,
  semester: string,
): Promise<{ clerk: Person; confirmedAt: number }> {
  const clerk = await j.signIn('教学秘书', staff(j.app.demo, 't-clerk'));
  await clerk.tap('运行警示规则 · 审核发布名单');
  const draft = clerk.page
    .locator('.run-item')
    .filter({ hasText: `${semester} · ${LZUT}` })
    .filter({ hasText: '草稿' })
    .first();
  await clerk.tap(draft, `${semester} 草稿`);
  await clerk.see(`${semester} 学业警示名单`);
  return { clerk, confirmedAt: await publishOnReview(clerk) };
}

/** The clerk (already signed in, on the home screen) runs the college's policy for the proposed semester and publishes it. */
export async function rerunAndPublish(clerk: Person, semester: string): Promise<void> {
  await clerk.tap('运行警示规则 · 审核发布名单');
  await clerk.see('本院默认 · 已选');
  expect(await clerk.page.locator('.semester-input input').inputValue()).toBe(semester);
  await clerk.tap(clerk.page.locator('.run-policy'), '运行警示规则');
  await clerk.see(`${semester} 学业警示名单`);
  await publishOnReview(clerk);
}
