import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Input, Tag } from '@nutui/nutui-react-taro';
import { semesterId } from '../../../../types/fields';
import type { RunSummary } from '../../../../types/api/warnings';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { Field } from '../../../components/field';
import { LoadState } from '../../../components/load-state';
import { pageUrl, routeId, useRouteParams } from '../../../services/use-route-params';
import { DiscardDraft, RunMeta, RunStatusTag } from './_components/run-meta';

/**
 * Warnings are formed at the start of a semester from the one before (rules: 004-2.3 — 开学 2 周内):
 * from September the spring semester of the past school year, from March the autumn one.
 */
function previousSemester(now: Date): string {
  const year = now.getFullYear();
  const month = now.getMonth() + 1;
  if (month >= 9) return `${year - 1}-${year}-2`;
  if (month >= 3) return `${year - 1}-${year}-1`;
  return `${year - 2}-${year - 1}-2`;
}

function levelsText(run: RunSummary): string {
  return run.levels.map((l) => `${l.levelName} ${l.count}`).join(' · ');
}

/** The clerk runs the college's policy over the imported grades for a semester, then reviews the draft. */
export default function RunPolicy() {
  const listOnly = useRouteParams({ view: routeId }).view === 'list';
  const [semester, setSemester] = useState(previousSemester(new Date()));
  const runs = useLoad(() => call('warnings', 'runs', {}), []);
  const policies = useLoad(() => (listOnly ? Promise.resolve([]) : call('warnings', 'policies', {})), [listOnly]);
  const [policyId, setPolicyId] = useState<string | undefined>(undefined);
  const chosen = policyId ?? policies.data?.find((p) => p.isDefault)?.id;
  const valid = semesterId.safeParse(semester).success;

  const { act, refusal, busy } = useAction(runs.reload, { toastFault: true });

  const run = () =>
    act(async () => {
      const summary = await call('warnings', 'run', { semester, ...(chosen ? { policyId: chosen } : {}) });
      void Taro.showToast({ title: '已生成名单草稿', icon: 'success' });
      await Taro.navigateTo({ url: pageUrl('/packages/admin/review/index', { runId: summary.runId }) });
    });

  return (
    <View className="page">
      <View className="page-title">{listOnly ? '学业警示名单' : '运行警示规则'}</View>
      {listOnly ? null : (
        <>
          <View className="section-title">学期（按该学期及以前的成绩判断）</View>
          <Field name="semester" refusal={refusal}>
            <CellGroup>
              <Cell>
                <Input
                  className="semester-input"
                  value={semester}
                  onChange={setSemester}
                  placeholder="如 2025-2026-2"
                />
              </Cell>
            </CellGroup>
          </Field>
          <View className="section-title">警示政策</View>
          <Field name="policyId" refusal={refusal}>
            <CellGroup>
              {policies.data?.map((p) => (
                <Cell
                  key={p.id}
                  className={`policy-${p.id}`}
                  clickable
                  onClick={() => setPolicyId(p.id)}
                  title={p.name}
                  description={p.source}
                  extra={
                    p.id === chosen ? (
                      <Tag type="primary">{p.isDefault ? '本院默认 · 已选' : '已选'}</Tag>
                    ) : p.isDefault ? (
                      <Tag>本院默认</Tag>
                    ) : null
                  }
                />
              ))}
            </CellGroup>
          </Field>
          {!valid ? (
            <View className="danger" style={{ padding: '4px 16px' }}>
              学期格式应为 2025-2026-1
            </View>
          ) : null}
          <View style={{ padding: '12px 16px' }}>
            <Button className="run-policy" type="primary" block disabled={busy || !valid} onClick={() => void run()}>
              {busy ? '正在运行…' : '运行警示规则'}
            </Button>
          </View>
        </>
      )}

      <View className="section-title">历次名单</View>
      <LoadState loading={runs.loading} error={runs.error} empty={runs.data?.length === 0} />
      <CellGroup>
        {runs.data?.map((r) => (
          <View key={r.runId}>
            <Cell
              className="run-item"
              clickable
              onClick={() => void Taro.navigateTo({ url: pageUrl('/packages/admin/review/index', { runId: r.runId }) })}
              title={
                <View>
                  <Text>
                    {r.semester} · {r.policyName}
                  </Text>
                  <View className="muted">{levelsText(r)}</View>
                  <RunMeta run={r} />
                </View>
              }
              extra={<RunStatusTag run={r} />}
            />
            {r.status === 'draft' && !listOnly ? (
              <View style={{ padding: '0 16px 8px', background: '#fff' }}>
                <DiscardDraft run={r} onDone={runs.reload} />
              </View>
            ) : null}
          </View>
        ))}
      </CellGroup>
    </View>
  );
}
