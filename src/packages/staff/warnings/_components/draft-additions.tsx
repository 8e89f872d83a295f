import { View } from '@tarojs/components';
import type { DraftView } from '../../../../../types/api/warnings';
import { ManualAddition } from '../../../../components/manual-addition';

const card = { margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' };

/** A head teacher or counselor adds a student of their class to the clerk's draft list, with a reason (rules: 002-4.2.1). */
export function DraftAdditions({ draft, onDone }: { draft: DraftView; onDone: () => void }) {
  const manual = draft.entries.filter((e) => e.manual !== null);
  return (
    <View style={card} className="draft-additions">
      <View style={{ fontWeight: 600 }}>
        {draft.semester} 名单草稿（{draft.policyName}）
      </View>
      <View className="muted">
        本班在草稿中 {draft.entries.length} 人。可根据学习态度、心理状况、考勤等补充学生，补充标记会一直保留。
      </View>
      {manual.map((e) => (
        <View key={e.studentId} className="muted" style={{ color: '#1f5fbf' }}>
          {e.studentName}：
          {e.manual?.action === 'add'
            ? `补充为${e.levelName ?? ''}（${e.manual.reasonLabel ?? ''}，${e.manual.byName}）`
            : `移出（${e.manual?.byName ?? ''}）`}
        </View>
      ))}
      <ManualAddition
        runId={draft.runId}
        levels={draft.levels}
        reasons={draft.manualReasons}
        onDone={onDone}
        done="已补充到名单"
        notePlaceholder="说明"
      />
    </View>
  );
}
