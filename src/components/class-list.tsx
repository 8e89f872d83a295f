import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import type { ClassSummary } from '../../types/api/campus';
import { pageUrl } from '../services/use-route-params';

/** The classes a staff member serves (or a college's classes), each opening its roster. */
export function ClassList({ classes }: { classes: ClassSummary[] }) {
  return (
    <CellGroup>
      {classes.map((c) => (
        <Cell
          key={c.classId}
          className="class-row"
          title={
            <View>
              <span className="class-name">{c.name}</span>{' '}
              {c.relation.map((r) => (
                <Tag key={r} type="info" style={{ marginLeft: '4px' }}>
                  {r}
                </Tag>
              ))}
            </View>
          }
          description={`${c.major} · ${c.size}人 · 辅导员 ${c.counselorName} · 班主任 ${c.headTeacherName}${c.assistantName ? ` · 助理 ${c.assistantName}` : ''}`}
          clickable
          onClick={() => void Taro.navigateTo({ url: pageUrl('/packages/staff/class/index', { classId: c.classId }) })}
        />
      ))}
    </CellGroup>
  );
}
