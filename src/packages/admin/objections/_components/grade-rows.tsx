import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { ObjectionGradeRow } from '../../../../../types/api/notices';

/** What the clerk chose for one row: leave it out, or read it with another result. */
export type RowChoice = { action: 'exclude' } | { action: 'correct'; score: string };

/** A grade id as an element id (`grade-exclude-2024311001-MA1011-2025-2026-1-makeup`). */
export function domId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}

function rowText(g: ObjectionGradeRow): string {
  return `${g.courseName}（${g.courseCode}）· ${g.semester} ${g.attemptLabel} · 成绩 ${g.score} · ${g.credits} 学分`;
}

/**
 * The student's grade rows of the disputed courses, read while deciding; when correcting, each
 * row can be left out (不计入) or given the corrected result (改成绩). Untouched rows stay as stored.
 */
export function GradeRows({
  rows,
  choices,
  editing,
  onChange,
}: {
  rows: ObjectionGradeRow[];
  choices: Record<string, RowChoice>;
  editing: boolean;
  onChange: (gradeId: string, choice: RowChoice | null) => void;
}) {
  if (rows.length === 0) return <View className="muted">没有找到该学生相关课程的成绩记录</View>;
  return (
    <View className="objection-grades" style={{ marginTop: '6px' }}>
      <View className="muted">相关课程的成绩记录：</View>
      {rows.map((g) => {
        const choice = choices[g.gradeId];
        const id = domId(g.gradeId);
        return (
          <View
            key={g.gradeId}
            id={`grade-row-${id}`}
            className="objection-grade"
            style={{ padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <Text style={choice?.action === 'exclude' ? { textDecoration: 'line-through' } : {}}>{rowText(g)}</Text>
            {g.correction ? (
              <View className="muted">
                已更正（{g.correction.byName}）：{g.correction.text}，原因：{g.correction.reason}
              </View>
            ) : null}
            {editing ? (
              <View style={{ display: 'flex', gap: '6px', alignItems: 'center', marginTop: '4px' }}>
                <Button
                  id={`grade-exclude-${id}`}
                  size="small"
                  type={choice?.action === 'exclude' ? 'warning' : 'default'}
                  onClick={() => onChange(g.gradeId, choice?.action === 'exclude' ? null : { action: 'exclude' })}
                >
                  不计入
                </Button>
                <Button
                  id={`grade-correct-${id}`}
                  size="small"
                  type={choice?.action === 'correct' ? 'warning' : 'default'}
                  onClick={() =>
                    onChange(g.gradeId, choice?.action === 'correct' ? null : { action: 'correct', score: '' })
                  }
                >
                  改成绩
                </Button>
                {choice?.action === 'correct' ? (
                  <>
                    <Text className="muted">更正为</Text>
                    <Input
                      id={`grade-score-${id}`}
                      className="grade-score"
                      placeholder="成绩"
                      value={choice.score}
                      onChange={(score) => onChange(g.gradeId, { action: 'correct', score })}
                      style={{ width: '90px' }}
                    />
                  </>
                ) : null}
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
