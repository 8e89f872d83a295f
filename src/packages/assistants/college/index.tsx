import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Checkbox, Tag, TextArea } from '@nutui/nutui-react-taro';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { useReloadOnReturn } from '../_components/on-return';
import { Box, schoolYearAt, today } from '../_components/box';
import { DateField } from '../../../components/date-field';
import { Objections, Steps } from '../_components/objections';

/** The college's side (rules: 000-6): publish the call, check eligibility, decide, publicise, answer objections, send. */
export default function CollegeProgramme() {
  const me = useLoad(() => call('identity', 'me', {}), []);
  const calls = useLoad(() => call('assistants', 'calls', {}), []);
  const year = schoolYearAt(new Date());
  const current = calls.data?.find((c) => c.schoolYear === year) ?? null;
  const view = useLoad(
    () => (current ? call('assistants', 'call', { callId: current.callId }) : Promise.resolve(null)),
    [current?.callId],
  );
  const reload = () => {
    calls.reload();
    view.reload();
  };
  useReloadOnReturn(reload);
  const { act, fault } = useAction(reload, { toastFault: 3000 });
  // Ten days to apply unless the clerk picks another date.
  const [deadline, setDeadline] = useState(() => today(new Date(Date.now() + 10 * 86_400_000)));
  const [note, setNote] = useState('');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const leader = me.data?.roles.includes('leader') ?? false;
  const v = view.data;
  const selected = chosen ?? v?.applications.filter((a) => a.selected).map((a) => a.applicationId) ?? [];
  const deciding = v ? ['open', 'decided', 'returned'].includes(v.stage) : false;
  const startYear = Number(year.slice(0, 4));

  return (
    <View className="page">
      <View className="page-title">学业助理选聘 · {year}学年</View>
      <LoadState loading={calls.loading && !calls.data} error={calls.error ?? view.error} />
      {fault ? (
        <View className="form-error" style={{ color: '#d93025', padding: '0 16px' }}>
          {fault}
        </View>
      ) : null}
      {calls.data && !current ? (
        <Box className="publish-call">
          <View style={{ fontWeight: 600 }}>发布 {year} 学年学业助理选拔通知</View>
          <View className="muted">在学院网站公布选拔通知，研究生在小程序中填写申报表（附件 1）。</View>
          <DateField
            className="field-deadline"
            label="申报截止日期"
            value={deadline}
            fromYear={startYear}
            toYear={startYear + 1}
            onChange={setDeadline}
          />
          <TextArea
            className="field-call-note"
            placeholder="通知说明（选填）"
            value={note}
            onChange={setNote}
            maxLength={300}
          />
          <Button
            type="primary"
            size="small"
            style={{ marginTop: '8px' }}
            onClick={() =>
              void act(() => call('assistants', 'publishCall', { schoolYear: year, deadline, note }), '已发布')
            }
          >
            发布选拔通知
          </Button>
        </Box>
      ) : null}
      {v ? (
        <>
          <Box className="call-head">
            <View style={{ display: 'flex', justifyContent: 'space-between' }}>
              <Text style={{ fontWeight: 600 }}>{v.collegeName}</Text>
              <Tag type="primary">{v.stageLabel}</Tag>
            </View>
            <View className="muted">
              申报截止 {v.deadline} · 申报 {v.applicationCount} 人 · 拟聘 {v.selectedCount} 人
            </View>
            {v.collegePublicity ? (
              <View>
                学院公示：{v.collegePublicity.lastDay} 24 时止（{v.rules.collegeDays} 天）
              </View>
            ) : null}
            {v.schoolPublicity ? (
              <View>
                学校公示：{v.schoolPublicity.lastDay} 24 时止（{v.rules.schoolDays} 天）
              </View>
            ) : null}
            {v.review ? (
              <View>
                学工部审核：{v.review.decision === 'approve' ? '通过' : '退回'}
                {v.review.opinion ? `，${v.review.opinion}` : ''}
              </View>
            ) : null}
          </Box>
          <View className="section-title">申报人</View>
          {v.applications.length === 0 ? (
            <View className="muted" style={{ padding: '0 16px' }}>
              尚无申报
            </View>
          ) : null}
          {v.applications.map((a) => (
            <Box key={a.applicationId} className="applicant">
              <View style={{ display: 'flex', justifyContent: 'space-between' }}>
                <Text style={{ fontWeight: 600 }}>
                  {a.name} · {a.degreeLabel}
                </Text>
                <Tag type={a.status === 'eligible' ? 'success' : a.status === 'ineligible' ? 'danger' : 'warning'}>
                  {a.statusLabel}
                </Tag>
              </View>
              <View className="muted">
                学号 {a.graduateId} · {a.major} · {a.form.politicalStatus}
              </View>
              {a.reasons.map((r) => (
                <View key={r} style={{ color: '#d93025' }}>
                  {r}
                </View>
              ))}
              {a.selected ? <View>✓ 已列入拟聘名单</View> : null}
              <View style={{ display: 'flex', gap: '8px', marginTop: '6px', alignItems: 'center' }}>
                {deciding ? (
                  <Button
                    size="small"
                    fill="outline"
                    onClick={() =>
                      void Taro.navigateTo({
                        url: `/packages/assistants/check/index?applicationId=${encodeURIComponent(a.applicationId)}`,
                      })
                    }
                  >
                    {a.status === 'submitted' ? `资格审核 ${a.name}` : `重新审核 ${a.name}`}
                  </Button>
                ) : null}
                {leader && deciding && a.status === 'eligible' ? (
                  <Checkbox
                    checked={selected.includes(a.applicationId)}
                    label={`选定 ${a.name}`}
                    onChange={(on) =>
                      setChosen(
                        on
                          ? [...new Set([...selected, a.applicationId])]
                          : selected.filter((x) => x !== a.applicationId),
                      )
                    }
                  />
                ) : null}
              </View>
            </Box>
          ))}
          <View style={{ padding: '8px 16px', display: 'flex', flexDirection: 'column', gap: '8px' }}>
            {leader && deciding ? (
              <Button
                type="primary"
                disabled={selected.length === 0}
                onClick={() =>
                  void act(() => call('assistants', 'decide', { callId: v.callId, selected }), '选拔小组决定已记录')
                }
              >
                {`选拔小组决定（选定 ${selected.length} 人）`}
              </Button>
            ) : null}
            {v.stage === 'decided' ? (
              <Button
                type="primary"
                onClick={() =>
                  void act(() => call('assistants', 'startCollegePublicity', { callId: v.callId }), '已开始公示')
                }
              >
                {`在学院网站公示（${v.rules.collegeDays} 天）`}
              </Button>
            ) : null}
          </View>
          {v.collegePublicity ? <View className="section-title">学院公示期异议</View> : null}
          <Objections view={v} stage="college" act={act} mine />
          {leader && v.stage === 'collegePublicity' ? (
            <View style={{ padding: '8px 16px' }}>
              <Button
                block
                type="primary"
                onClick={() => void act(() => call('assistants', 'submit', { callId: v.callId }), '已报送学工部')}
              >
                公示无异议，报送学工部审核
              </Button>
            </View>
          ) : null}
          {v.schoolPublicity ? <View className="section-title">学校公示期异议</View> : null}
          <Objections view={v} stage="school" act={act} mine={false} />
          {v.stage === 'confirmed' ? (
            <CellGroup>
              <Cell
                className="link-assign"
                title="配备班级 · 津贴发放表 · 人员变动"
                clickable
                onClick={() =>
                  void Taro.navigateTo({
                    url: `/packages/assistants/assign/index?callId=${encodeURIComponent(v.callId)}`,
                  })
                }
              />
            </CellGroup>
          ) : null}
          <Steps view={v} />
        </>
      ) : null}
    </View>
  );
}
