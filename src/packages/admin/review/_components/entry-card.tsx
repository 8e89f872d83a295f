import { View, Text } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { changeLabel, type RunEntry } from '../../../../../types/api/warnings';

const card = { margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' };

/** One student of the run: level, change, why (the triggers' explanations), owed courses, manual mark. */
export function EntryCard({
  entry,
  editable,
  onRemove,
  onClear,
}: {
  entry: RunEntry;
  editable: boolean;
  onRemove: () => void;
  onClear: () => void;
}) {
  const m = entry.manual;
  return (
    <View style={card} className={`entry entry-${entry.studentId}`}>
      <View style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Text style={{ fontWeight: 600 }}>
          {entry.studentName}（{entry.studentId}）
        </Text>
        <View style={{ display: 'flex', gap: '4px' }}>
          {entry.levelName ? (
            <Tag type={entry.levelRank >= 2 ? 'danger' : 'warning'}>{entry.levelName}</Tag>
          ) : (
            <Tag>无</Tag>
          )}
          <Tag type={entry.change === 'lifted' ? 'success' : 'default'}>{changeLabel[entry.change]}</Tag>
          {m ? <Tag type="primary">人工</Tag> : null}
        </View>
      </View>
      <View className="muted">
        {entry.className}
        {entry.previousLevelName ? ` · 上次：${entry.previousLevelName}` : ''}
      </View>
      {entry.triggers.map((t, i) => (
        <View key={`${t.rule}-${i}`} style={{ marginTop: '4px' }}>
          · {t.text}
        </View>
      ))}
      {entry.failedCourses.length > 0 ? (
        <View className="muted" style={{ marginTop: '4px' }}>
          未通过课程：{entry.failedCourses.map((c) => `${c.name}（${c.credits} 学分）`).join('、')}
        </View>
      ) : null}
      {m ? (
        <View style={{ marginTop: '4px', color: '#1f5fbf' }} className="manual-mark">
          {m.action === 'add'
            ? `人工补充（${m.byName}）：${m.reasonLabel ?? ''}${m.note ? `，${m.note}` : ''}`
            : `人工移出（${m.byName}）：${m.note ?? ''}`}
        </View>
      ) : null}
      {(entry.corrections ?? []).map((c, i) => (
        <View key={`${c.at}-${i}`} style={{ marginTop: '4px', color: '#1f5fbf' }} className="correction-mark">
          异议更正（{c.byName}）：{c.text}，原因：{c.reason}
        </View>
      ))}
      {editable ? (
        <View style={{ display: 'flex', gap: '8px', marginTop: '8px' }}>
          {m ? (
            <Button size="small" fill="outline" onClick={onClear}>
              撤销人工调整
            </Button>
          ) : null}
          {entry.level !== null ? (
            <Button size="small" fill="outline" type="danger" onClick={onRemove}>
              移出名单…
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
