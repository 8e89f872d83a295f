import { View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { talkInitiatorLabel, talkModeLabel, talkTopicLabel, talkerRoleLabel } from '../../../../types/support';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';

/** One saved talk: who, when, how, the content and measures; first impressions only for those allowed them. */
export function TalkDetail({ talkId }: { talkId: string }) {
  const talk = useLoad(() => call('support', 'talk', { talkId }), [talkId]);
  const t = talk.data;
  return (
    <View className="page talk-detail">
      <LoadState loading={talk.loading} error={talk.error} />
      {t ? (
        <>
          <View className="page-title">谈话记录 · {t.studentName}</View>
          <CellGroup>
            <Cell title="谈话人" extra={`${talkerRoleLabel[t.talkerRole]} ${t.actorName}`} />
            <Cell title="约谈次数" extra={`第 ${t.nth} 次`} />
            <Cell title="时间" extra={formatDateTime(t.at)} />
            <Cell
              title="方式"
              extra={`${talkModeLabel[t.mode]} · ${talkInitiatorLabel[t.initiatedBy]} · ${t.minutes} 分钟`}
            />
            {t.place ? <Cell title="地点" extra={t.place} /> : null}
            {t.topics.length > 0 ? (
              <Cell
                title="主题"
                extra={t.topics.map((x) => (x === 'other' ? t.otherTopic : talkTopicLabel[x])).join('、')}
              />
            ) : null}
            {t.form === 'quick' ? <Cell title="记录方式" extra="签到与记录中的简要记录" /> : null}
          </CellGroup>
          {t.firstImpression !== undefined ? (
            <>
              <View className="section-title">初步印象（仅教师可见）</View>
              <View className="talk-detail-impression" style={{ padding: '0 16px' }}>
                {t.firstImpression || '（未填写）'}
              </View>
            </>
          ) : null}
          <View className="section-title">谈话主要内容</View>
          <View className="talk-detail-content" style={{ padding: '0 16px', whiteSpace: 'pre-wrap' }}>
            {t.content || '（未填写）'}
          </View>
          <View className="section-title">措施及效果</View>
          <View className="talk-detail-measures" style={{ padding: '0 16px', whiteSpace: 'pre-wrap' }}>
            {t.measures || '（未填写）'}
          </View>
        </>
      ) : null}
    </View>
  );
}
