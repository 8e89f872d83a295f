import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { ChoiceChips } from '../../../components/chips';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';
import { useReloadOnReturn } from '../_components/on-return';
import { Box } from '../_components/box';
import { Objections, Steps } from '../_components/objections';

/** 学工部 (rules: 000-6.1.4, 000-7.2): review the colleges' lists, publicise 3 days, confirm; approve and confirm changes. */
export default function SchoolProgramme() {
  const calls = useLoad(() => call('assistants', 'calls', {}), []);
  const changes = useLoad(() => call('assistants', 'changes', {}), []);
  const [picked, setPicked] = useState<string[]>([]);
  const callId = picked[0] ?? calls.data?.[0]?.callId ?? '';
  const view = useLoad(() => (callId ? call('assistants', 'call', { callId }) : Promise.resolve(null)), [callId]);
  const reload = () => {
    calls.reload();
    changes.reload();
    view.reload();
  };
  useReloadOnReturn(reload);
  const { act, fault } = useAction(reload, { toastFault: 3000 });
  const [opinion, setOpinion] = useState('');
  const [changeOpinion, setChangeOpinion] = useState('');
  const v = view.data;
  return (
    <View className="page">
      <View className="page-title">学业助理审核与公示</View>
      <LoadState
        loading={calls.loading && !calls.data}
        error={calls.error}
        empty={calls.data?.length === 0 && changes.data?.length === 0}
      />
      {fault ? (
        <View className="form-error" style={{ color: '#d93025', padding: '0 16px' }}>
          {fault}
        </View>
      ) : null}
      {calls.data && calls.data.length > 0 ? (
        <ChoiceChips
          options={calls.data.map((c) => ({
            value: c.callId,
            label: `${c.collegeName} ${c.schoolYear}（${c.stageLabel}）`,
          }))}
          value={[callId]}
          onChange={setPicked}
        />
      ) : null}
      {v ? (
        <>
          <Box className="call-head">
            <View style={{ display: 'flex', justifyContent: 'space-between' }}>
              <Text style={{ fontWeight: 600 }}>
                {v.collegeName} {v.schoolYear}学年
              </Text>
              <Tag type="primary">{v.stageLabel}</Tag>
            </View>
            {v.collegePublicity ? <View className="muted">学院公示：{v.collegePublicity.lastDay} 止</View> : null}
            {v.schoolPublicity ? (
              <View>
                学校公示：{v.schoolPublicity.lastDay} 24 时止（{v.rules.schoolDays} 天）
              </View>
            ) : null}
          </Box>
          <View className="section-title">拟聘名单</View>
          {v.applications
            .filter((a) => a.selected)
            .map((a) => (
              <Box key={a.applicationId} className="listed">
                <View style={{ fontWeight: 600 }}>
                  {a.name} · {a.degreeLabel} · {a.major}
                </View>
                <View className="muted">
                  学号 {a.graduateId} · {a.form.politicalStatus} · 资格审核：{a.statusLabel}（{a.checkedByName ?? ''}）
                </View>
              </Box>
            ))}
          {v.objections.filter((o) => o.stage === 'college').length > 0 ? (
            <View className="section-title">学院公示期异议及答复</View>
          ) : null}
          <Objections view={v} stage="college" act={act} mine={false} />
          {v.stage === 'submitted' && v.review?.decision !== 'approve' ? (
            <Box className="review">
              <TextArea
                className="field-review-opinion"
                placeholder="审核意见（退回时必填）"
                value={opinion}
                onChange={setOpinion}
                maxLength={300}
              />
              <View style={{ display: 'flex', gap: '8px', marginTop: '6px' }}>
                <Button
                  size="small"
                  type="primary"
                  onClick={() =>
                    void act(
                      () => call('assistants', 'review', { callId: v.callId, decision: 'approve', opinion }),
                      '审核通过',
                    )
                  }
                >
                  审核通过
                </Button>
                <Button
                  size="small"
                  type="danger"
                  onClick={() =>
                    void act(
                      () => call('assistants', 'review', { callId: v.callId, decision: 'return', opinion }),
                      '已退回学院',
                    )
                  }
                >
                  退回学院
                </Button>
              </View>
            </Box>
          ) : null}
          {v.stage === 'submitted' && v.review?.decision === 'approve' ? (
            <View style={{ padding: '8px 16px' }}>
              <Button
                block
                type="primary"
                onClick={() =>
                  void act(() => call('assistants', 'startSchoolPublicity', { callId: v.callId }), '已开始公示')
                }
              >
                {`在学工部网站公示（${v.rules.schoolDays} 天）`}
              </Button>
            </View>
          ) : null}
          {v.schoolPublicity ? <View className="section-title">学校公示期异议</View> : null}
          <Objections view={v} stage="school" act={act} mine />
          {v.stage === 'schoolPublicity' ? (
            <View style={{ padding: '8px 16px' }}>
              <Button
                block
                type="primary"
                onClick={() => void act(() => call('assistants', 'confirm', { callId: v.callId }), '名单已确认')}
              >
                公示无异议，确认名单
              </Button>
            </View>
          ) : null}
          <Steps view={v} />
        </>
      ) : null}
      <View className="section-title">人员变动申请</View>
      {changes.data?.length === 0 ? (
        <View className="muted" style={{ padding: '0 16px' }}>
          暂无
        </View>
      ) : null}
      {changes.data?.map((c) => (
        <Box key={c.changeId} className="change-row">
          <View style={{ display: 'flex', justifyContent: 'space-between' }}>
            <Text>
              {c.collegeName} {c.className}：{c.outgoingName} → {c.incomingName}
            </Text>
            <Tag type={c.stage === 'confirmed' ? 'success' : c.stage === 'rejected' ? 'danger' : 'warning'}>
              {c.stageLabel}
            </Tag>
          </View>
          <View className="muted">
            {c.reason} · {c.filedByName} {formatDateTime(c.filedAt)}
          </View>
          {c.publicity ? <View>学校公示：{c.publicity.lastDay} 24 时止</View> : null}
          {c.stage === 'filed' ? (
            <View style={{ marginTop: '6px' }}>
              <TextArea
                className="field-change-opinion"
                placeholder="审批意见（不批准时必填）"
                value={changeOpinion}
                onChange={setChangeOpinion}
                maxLength={300}
              />
              <View style={{ display: 'flex', gap: '8px', marginTop: '6px' }}>
                <Button
                  size="small"
                  type="primary"
                  onClick={() =>
                    void act(
                      () =>
                        call('assistants', 'decideChange', {
                          changeId: c.changeId,
                          decision: 'approve',
                          opinion: changeOpinion,
                        }),
                      '已批准并公示',
                    )
                  }
                >
                  批准并公示
                </Button>
                <Button
                  size="small"
                  type="danger"
                  onClick={() =>
                    void act(
                      () =>
                        call('assistants', 'decideChange', {
                          changeId: c.changeId,
                          decision: 'reject',
                          opinion: changeOpinion,
                        }),
                      '未批准',
                    )
                  }
                >
                  不批准
                </Button>
              </View>
            </View>
          ) : null}
          {c.stage === 'schoolPublicity' ? (
            <Button
              size="small"
              type="primary"
              style={{ marginTop: '6px' }}
              onClick={() =>
                void act(() => call('assistants', 'confirmChange', { changeId: c.changeId }), '变动已确认')
              }
            >
              公示无异议，确认变动
            </Button>
          ) : null}
        </Box>
      ))}
    </View>
  );
}
