import { View } from '@tarojs/components';
import type { GradeChangePreview } from '../../../../../types/api/grades';

const card = { margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' };

function diff(c: GradeChangePreview): string {
  const parts: string[] = [];
  if (c.before.score !== c.after.score) parts.push(`成绩 ${c.before.score} → ${c.after.score}`);
  if (c.before.credits !== c.after.credits) parts.push(`学分 ${c.before.credits} → ${c.after.credits}`);
  if (c.before.courseName !== c.after.courseName) parts.push(`课程名称 ${c.before.courseName} → ${c.after.courseName}`);
  return parts.join('，');
}

/** Rows of the file that would change grades already stored: the clerk sees old → new before importing. */
export function GradeChanges({ changes, total }: { changes: GradeChangePreview[]; total: number }) {
  if (total === 0) return null;
  return (
    <View style={card} id="import-changes" className="import-changes">
      <View style={{ fontWeight: 600, marginBottom: '6px' }}>
        将更正已有成绩 {total} 行{changes.length < total ? `（显示前 ${changes.length} 行）` : ''}：导入后以文件为准
      </View>
      {changes.map((c) => (
        <View key={`${c.row}`} className="import-change">
          第 {c.row} 行 · {c.studentName || c.studentId}（{c.studentId}）· {c.after.courseName}（{c.courseCode}，
          {c.semester} {c.attemptLabel}）：{diff(c)}
        </View>
      ))}
    </View>
  );
}
