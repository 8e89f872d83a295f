import { View } from '@tarojs/components';
import { checkinFlagLabel, recordKindLabel } from '../../../../../types/checkin';
import type { SendOutcome } from './offline-queue';
import { formatDateTime } from '../../../../../cloudfunctions/core/time/shanghai';

/** What happened to the last check-in: stored (with any flags), kept on the phone, or refused. */
export function OutcomeView({ outcome }: { outcome: SendOutcome | null }) {
  if (!outcome) return null;
  if (outcome.kind === 'queued') {
    return (
      <View
        className="checkin-outcome checkin-queued"
        style={{ margin: '12px 16px', padding: '12px', background: '#fff7e6', borderRadius: '8px' }}
      >
        {outcome.reason}：已保存在手机上，{outcome.reason === '网络不可用' ? '联网后' : '稍后'}
        自动补交（不会重复登记）。
      </View>
    );
  }
  if (outcome.kind === 'refused') {
    return (
      <View className="checkin-outcome danger" style={{ margin: '12px 16px' }}>
        未保存（{outcome.label}）：{outcome.message}
      </View>
    );
  }
  const r = outcome.receipt;
  return (
    <View
      className="checkin-outcome checkin-saved"
      style={{
        margin: '12px 16px',
        padding: '12px',
        background: r.flags.length ? '#fff7e6' : '#e6f4ea',
        borderRadius: '8px',
      }}
    >
      <View className={r.flags.length ? '' : 'ok'}>
        {recordKindLabel[r.kind]}已登记{r.duplicate ? '（此前已收到，未重复登记）' : ''}
      </View>
      <View className="muted">
        服务器时间 {formatDateTime(r.at)}
        {r.placeName ? ` · ${r.placeName}` : ''}
        {r.distanceMeters !== null ? ` · 距离 ${r.distanceMeters} 米` : ''}
      </View>
      {r.flags.length ? (
        <View className="checkin-flags">需核实：{r.flags.map((f) => checkinFlagLabel[f]).join('、')}</View>
      ) : null}
      {r.followUps > 0 ? <View>已通知辅导员跟进 {r.followUps} 名未请假缺勤学生</View> : null}
    </View>
  );
}
