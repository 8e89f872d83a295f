import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { useReloadOnReturn } from '../_components/on-return';
import { Box } from '../_components/box';

/** A graduate student's home: the colleges' calls for academic assistants and their own applications (rules: 000). */
export default function GraduateHome() {
  const view = useLoad(() => call('assistants', 'myProgramme', {}), []);
  useReloadOnReturn(view.reload);
  const data = view.data;
  const applied = new Set(data?.applications.map((a) => a.callId) ?? []);
  return (
    <View className="page">
      {data?.profile ? (
        <View className="page-title">
          {data.profile.name} · {data.profile.degreeLabel}
        </View>
      ) : null}
      {data?.profile ? (
        <View className="muted" style={{ padding: '0 16px' }}>
          学号 {data.profile.graduateId} · {data.profile.major}
        </View>
      ) : null}
      <LoadState loading={view.loading && !data} error={view.error} />
      <View className="section-title">学业助理选拔通知</View>
      {data && data.calls.length === 0 ? (
        <View className="muted" style={{ padding: '0 16px' }}>
          暂无选拔通知
        </View>
      ) : null}
      {data?.calls.map((c) => (
        <Box key={c.callId} className="assistant-call">
          <View style={{ display: 'flex', justifyContent: 'space-between' }}>
            <Text style={{ fontWeight: 600 }}>
              {c.collegeName} {c.schoolYear}学年学业助理选拔
            </Text>
            <Tag type={c.open ? 'success' : 'default'}>{c.open ? '申报中' : c.stageLabel}</Tag>
          </View>
          <View className="muted">申报截止 {c.deadline}</View>
          {c.note ? <View>{c.note}</View> : null}
          {c.open ? (
            <Button
              size="small"
              type="primary"
              style={{ marginTop: '8px' }}
              onClick={() =>
                void Taro.navigateTo({ url: `/packages/assistants/apply/index?callId=${encodeURIComponent(c.callId)}` })
              }
            >
              {applied.has(c.callId) ? '修改申报表' : '填写申报表'}
            </Button>
          ) : null}
        </Box>
      ))}
      <View className="section-title">我的申报</View>
      {data && data.applications.length === 0 ? (
        <View className="muted" style={{ padding: '0 16px' }}>
          尚未申报
        </View>
      ) : null}
      {data?.applications.map((a) => (
        <Box key={a.applicationId} className="my-application">
          <View style={{ fontWeight: 600 }}>
            {a.collegeName} {a.schoolYear}学年
          </View>
          <View>资格审核：{a.statusLabel}</View>
          {a.reasons.map((r) => (
            <View key={r} className="muted">
              {r}
            </View>
          ))}
          <View>
            选拔进度：{a.listed ? (a.confirmed ? '已确认聘任' : `已列入名单（${a.stageLabel}）`) : a.stageLabel}
          </View>
          {a.classes.length > 0 ? <View>所带班级：{a.classes.join('、')}</View> : null}
        </Box>
      ))}
      <CellGroup>
        <Cell
          className="link-inbox"
          title="消息"
          clickable
          onClick={() => void Taro.navigateTo({ url: '/pages/inbox/index' })}
        />
      </CellGroup>
    </View>
  );
}
