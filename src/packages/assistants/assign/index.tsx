import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro';
import type { AssessmentRow } from '../../../../types/api/assistants';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { routeId, useRouteParams } from '../../../services/use-route-params';
import { LoadState } from '../../../components/load-state';
import { ChoiceChips } from '../../../components/chips';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';
import { useReloadOnReturn } from '../_components/on-return';
import { Box } from '../_components/box';
import { DateField } from '../../../components/date-field';
import { saveXlsx } from '../../../services/save-download';

const thisMonth = (now: Date) => `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;

/** After confirmation (rules: 000-5, 000-7): classes, the monthly stipend sheet, changes (rules: 000-A2), the year-end assessment. */
export default function Assign() {
  const { callId } = useRouteParams({ callId: routeId });
  const view = useLoad(() => call('assistants', 'call', { callId: callId ?? '' }), [callId]);
  useReloadOnReturn(view.reload);
  const { act, fault } = useAction(view.reload, { toastFault: 3000 });
  const [assistant, setAssistant] = useState<string[]>([]);
  const [month, setMonth] = useState(thisMonth(new Date()));
  const [changeClass, setChangeClass] = useState<string[]>([]);
  const [incoming, setIncoming] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [assessment, setAssessment] = useState<AssessmentRow[] | null>(null);
  const v = view.data;
  const confirmed = v?.applications.filter((a) => a.selected) ?? [];
  const chosen = confirmed.find((a) => a.applicationId === assistant[0]);
  const startYear = Number(v?.schoolYear.slice(0, 4) ?? new Date().getFullYear());
  const download = () =>
    act(async () => {
      const [y, m] = month.split('-').map(Number);
      const file = await call('assistants', 'stipendSheet', { callId: callId ?? '', year: y ?? 0, month: m ?? 0 });
      await saveXlsx(file.fileName, file.base64);
    }, '已生成津贴发放表');
  return (
    <View className="page">
      <LoadState loading={view.loading && !v} error={view.error} />
      {fault ? (
        <View className="form-error" style={{ color: '#d93025', padding: '0 16px' }}>
          {fault}
        </View>
      ) : null}
      {v ? (
        <>
          <View className="page-title">
            {v.collegeName} · {v.schoolYear}学年学业助理
          </View>
          <View className="muted" style={{ padding: '0 16px' }}>
            每个班级配备 1 名学业助理，每人带班不超过 {v.rules.maxClassesPerAssistant} 个；津贴{' '}
            {v.rules.perClassPerMonth} 元/月/班，每学年 12 个月
          </View>
          <View className="section-title">配备班级：先选学业助理，再点班级</View>
          <ChoiceChips
            options={confirmed.map((a) => ({ value: a.applicationId, label: a.name }))}
            value={assistant}
            onChange={setAssistant}
          />
          {v.classes.map((c) => (
            <Box key={c.classId} className="class-slot">
              <View style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                <Text>
                  {c.name}：{c.assistantName ?? '未配备'}
                </Text>
                {chosen && !c.assistantName ? (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() =>
                      void act(
                        () =>
                          call('assistants', 'assign', {
                            callId: v.callId,
                            classId: c.classId,
                            applicationId: chosen.applicationId,
                          }),
                        '已配备',
                      )
                    }
                  >
                    {`${c.name}配备${chosen.name}`}
                  </Button>
                ) : null}
              </View>
            </Box>
          ))}

          <View className="section-title">学业助理津贴发放表</View>
          <DateField
            className="field-month"
            label="发放月份"
            type="year-month"
            value={month}
            fromYear={startYear}
            toYear={startYear + 1}
            onChange={setMonth}
          />
          <View style={{ padding: '8px 16px' }}>
            <Button block type="primary" className="download-stipend" onClick={() => void download()}>
              下载津贴发放表（xlsx）
            </Button>
          </View>

          <View className="section-title">人员变动（学业助理人员变动申请表）</View>
          <View className="muted" style={{ padding: '0 16px' }}>
            {v.changeWindow
              ? `须经学校批准，于第二学期开学后两周内（${v.changeWindow.first} 至 ${v.changeWindow.lastDay}）办理；学校公示确认前不发放津贴。`
              : '校历中没有第二学期日期'}
          </View>
          <ChoiceChips
            options={v.classes
              .filter((c) => c.assistantName)
              .map((c) => ({ value: c.classId, label: `${c.name}（${c.assistantName ?? ''}）` }))}
            value={changeClass}
            onChange={setChangeClass}
          />
          <View className="muted" style={{ padding: '0 16px' }}>
            接替人员（本学院研究生）
          </View>
          <ChoiceChips
            options={v.replacements.map((r) => ({ value: r.userId, label: r.ok ? r.name : `${r.name}（${r.note}）` }))}
            value={incoming}
            onChange={setIncoming}
          />
          <TextArea
            className="field-change-reason"
            placeholder="变动原因"
            value={reason}
            onChange={setReason}
            maxLength={300}
          />
          <View style={{ padding: '8px 16px' }}>
            <Button
              block
              disabled={!changeClass[0] || !incoming[0] || reason.trim() === ''}
              onClick={() =>
                void act(
                  () =>
                    call('assistants', 'fileChange', {
                      callId: v.callId,
                      classId: changeClass[0] ?? '',
                      incomingUserId: incoming[0] ?? '',
                      reason,
                    }),
                  '已报学校审批',
                )
              }
            >
              提交变动申请
            </Button>
          </View>
          {v.changes.map((c) => (
            <Box key={c.changeId} className="change-row">
              <View style={{ display: 'flex', justifyContent: 'space-between' }}>
                <Text>
                  {c.className}：{c.outgoingName} → {c.incomingName}
                </Text>
                <Tag type={c.stage === 'confirmed' ? 'success' : c.stage === 'rejected' ? 'danger' : 'warning'}>
                  {c.stageLabel}
                </Tag>
              </View>
              <View className="muted">
                {c.reason} · {c.filedByName} {formatDateTime(c.filedAt)} · {c.effectiveMonth} 起
              </View>
            </Box>
          ))}

          <View className="section-title">年度考核（按所带班级职责完成情况）</View>
          <View style={{ padding: '8px 16px' }}>
            <Button
              block
              fill="outline"
              onClick={() =>
                void act(
                  async () => setAssessment(await call('assistants', 'assessment', { callId: v.callId })),
                  '已生成',
                )
              }
            >
              生成年度考核
            </Button>
          </View>
          {assessment?.map((r) => (
            <Box key={r.graduateId} className="assessment-row">
              <View style={{ display: 'flex', justifyContent: 'space-between' }}>
                <Text>
                  {r.name}（{r.classes.join('、')}）
                </Text>
                <Tag type={r.rating === '优秀' ? 'success' : r.rating === '不合格' ? 'danger' : 'default'}>
                  {r.rating}
                </Tag>
              </View>
              <View className="muted">
                完成 {r.done} · 逾期 {r.overdue} · 进行中 {r.due}
                {r.percent === null ? '' : ` · 完成率 ${r.percent}%`}
              </View>
            </Box>
          ))}
        </>
      ) : null}
    </View>
  );
}
