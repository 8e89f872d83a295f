import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { CalendarSemesterView } from '../../../../types/calendar';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { DateField } from '../../../components/date-field';

function describe(s: CalendarSemesterView): string {
  const who =
    s.source === 'set' ? `由${s.setByName ?? '教务员'}于 ${(s.setAt ?? '').slice(0, 10)} 设定` : '按默认规则推算';
  return `${s.start} 至 ${s.end} · 共 ${s.weeks} 周 · ${who}`;
}

/** One semester being edited: start and end from date pickers, saved in one tap. */
function EditSemester({
  semester,
  onSaved,
  onCancel,
}: {
  semester: CalendarSemesterView;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [start, setStart] = useState(semester.start);
  const [end, setEnd] = useState(semester.end);
  const { act, fault } = useAction(onSaved);
  const year = Number(semester.semesterId.slice(0, 4));
  return (
    <View className="calendar-edit" style={{ background: '#fff', paddingBottom: '12px' }}>
      <View className="section-title">
        修改 {semester.semesterId.slice(0, 9)} 学年{semester.name}
      </View>
      <CellGroup>
        <DateField
          className="calendar-start"
          label="开始日期"
          value={start}
          fromYear={year}
          toYear={year + 1}
          onChange={setStart}
        />
        <DateField
          className="calendar-end"
          label="结束日期"
          value={end}
          fromYear={year}
          toYear={year + 1}
          onChange={setEnd}
        />
      </CellGroup>
      {fault ? (
        <View className="danger calendar-fault" style={{ padding: '4px 16px' }}>
          {fault}
        </View>
      ) : null}
      <View style={{ display: 'flex', gap: '12px', padding: '8px 16px' }}>
        <Button
          className="calendar-save"
          type="primary"
          onClick={() =>
            void act(() => call('campus', 'setSemester', { semesterId: semester.semesterId, start, end }), '校历已保存')
          }
        >
          保存
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </View>
    </View>
  );
}

/** The clerk's 学期校历: each semester's dates, set here or dated by the default rule. */
export default function CalendarPage() {
  const calendar = useLoad(() => call('campus', 'calendar', {}), []);
  const [editing, setEditing] = useState<string | null>(null);
  const c = calendar.data;
  const chosen = c?.schoolYears.flatMap((y) => y.semesters).find((s) => s.semesterId === editing) ?? null;
  return (
    <View className="page">
      <View className="page-title">学期校历</View>
      <LoadState loading={calendar.loading && !c} error={calendar.error} />
      {c ? (
        <>
          <View className="calendar-today muted" style={{ padding: '0 16px' }}>
            今天 {c.today} ·{' '}
            {c.inBreak ? `假期中（上一学期 ${c.currentSemesterId} 已结束）` : `当前学期 ${c.currentSemesterId}`}
          </View>
          <View className="muted" style={{ padding: '4px 16px', fontSize: '12px' }}>
            {c.ruleText}
          </View>
          {chosen ? (
            <EditSemester
              key={chosen.semesterId}
              semester={chosen}
              onCancel={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                calendar.reload();
              }}
            />
          ) : null}
          {c.schoolYears.map((y) => (
            <View key={y.id}>
              <View className="section-title">{y.name}</View>
              <CellGroup>
                {y.semesters.map((s) => (
                  <Cell
                    key={s.semesterId}
                    className={`calendar-semester${s.current ? ' calendar-current' : ''}`}
                    title={`${s.name}${s.current ? '（当前）' : ''}`}
                    description={describe(s)}
                    extra={
                      <Button size="small" className="calendar-change" onClick={() => setEditing(s.semesterId)}>
                        修改
                      </Button>
                    }
                  />
                ))}
              </CellGroup>
            </View>
          ))}
        </>
      ) : null}
    </View>
  );
}
