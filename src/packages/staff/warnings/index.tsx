import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Tag } from '@nutui/nutui-react-taro';
import { FilterChips } from '../../../components/chips';
import { roleLabel } from '../../../../types/domain';
import type { WarningView } from '../../../../types/api/warnings';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { DraftAdditions } from './_components/draft-additions';
import { pageUrl } from '../../../services/use-route-params';

const card = { margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' };
const per = { semester: '每学期', month: '每月', quarter: '每季度', once: '一次' } as const;

function WarningCard({ w }: { w: WarningView }) {
  return (
    <View style={card} className={`warning-card warning-${w.studentId}`}>
      <View style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Text
          style={{ fontWeight: 600 }}
          onClick={() =>
            void Taro.navigateTo({ url: pageUrl('/packages/staff/student/index', { studentId: w.studentId }) })
          }
        >
          {w.studentName}（{w.studentId}）
        </Text>
        <View style={{ display: 'flex', gap: '4px' }}>
          <Tag type={w.levelRank >= 2 ? 'danger' : 'warning'}>{w.levelName}</Tag>
          <Tag>{w.changeLabel}</Tag>
          {w.manual ? <Tag type="primary">人工</Tag> : null}
        </View>
      </View>
      <View className="muted">
        {w.className} · {w.semester}
      </View>
      {w.triggers.map((t, i) => (
        <View key={`${t.rule}-${i}`} style={{ marginTop: '4px' }}>
          · {t.text}
        </View>
      ))}
      {w.manual ? (
        <View style={{ marginTop: '4px', color: '#1f5fbf' }}>
          人工补充：{w.manual.reasonLabel}
          {w.manual.note ? `，${w.manual.note}` : ''}
        </View>
      ) : null}
      {w.failedCourses.length > 0 ? (
        <View className="muted" style={{ marginTop: '4px' }}>
          需重修：{w.failedCourses.map((c) => `${c.name}（${c.credits} 学分）`).join('、')}
        </View>
      ) : null}
      {w.duties.length > 0 ? (
        <View className="muted" style={{ marginTop: '4px' }}>
          帮扶要求：
          {w.duties
            .map(
              (d) =>
                `${roleLabel[d.role]}${d.duty === 'talk' ? '谈话' : d.duty === 'parent-contact' ? '联系家长' : d.duty === 'study-plan' ? '审核学习计划' : d.duty}${d.per === 'once' ? '' : per[d.per]} ${d.count} 次${d.withinDays ? `（${d.withinDays} 天内）` : ''}`,
            )
            .join('；')}
        </View>
      ) : null}
    </View>
  );
}

/** Counselor / head teacher / assistant: the active warnings of their classes, with the reasons. */
export default function StaffWarnings() {
  const [classId, setClassId] = useState<string | undefined>(undefined);
  const { data, error, loading } = useLoad(() => call('warnings', 'list', {}), []);
  const drafts = useLoad(() => call('warnings', 'drafts', {}).catch(() => []), []);
  const classes = [...new Map((data ?? []).map((w) => [w.classId, w.className])).entries()];
  const shown = (data ?? []).filter((w) => classId === undefined || w.classId === classId);
  return (
    <View className="page">
      <View className="page-title">学业警示学生</View>
      <View className="muted" style={{ padding: '0 16px' }}>
        学业警示不是纪律处分，不记入档案；请勿外传名单。
      </View>
      {drafts.data?.map((d) => (
        <DraftAdditions key={d.runId} draft={d} onDone={drafts.reload} />
      ))}
      <LoadState loading={loading} error={error} empty={data?.length === 0} />
      {classes.length > 1 ? (
        <FilterChips
          all={`全部 ${data?.length ?? 0}`}
          options={classes.map(([id, name]) => ({
            value: id,
            label: `${name} ${(data ?? []).filter((w) => w.classId === id).length}`,
          }))}
          value={classId}
          onChange={setClassId}
        />
      ) : null}
      {data && data.length > 0 ? <View className="section-title warnings-count">共 {shown.length} 人</View> : null}
      {shown.map((w) => (
        <WarningCard key={w.warningId} w={w} />
      ))}
    </View>
  );
}
