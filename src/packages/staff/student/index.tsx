import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { ProfileCard } from '../../../components/profile-card';
import { pageUrl, routeId, useRouteParams } from '../../../services/use-route-params';

/** A student as staff see them: profile, dorm and (for those who handle the student) the parent's phone, to call. */
export default function StudentDetail() {
  const studentId = useRouteParams({ studentId: routeId }).studentId ?? '';
  const { data, error, loading } = useLoad(() => call('campus', 'student', { studentId }), [studentId]);
  return (
    <View className="page">
      <LoadState loading={loading} error={error} />
      {data ? (
        <>
          <View className="page-title">{data.name}</View>
          <ProfileCard profile={data} />
          <CellGroup>
            <Cell
              title="帮扶个案"
              description="警示、通知、谈话、学习计划与家长联系"
              clickable
              onClick={() => void Taro.navigateTo({ url: pageUrl('/packages/staff/case/index', { studentId }) })}
            />
            <Cell
              title="记录谈心谈话"
              clickable
              onClick={() => void Taro.navigateTo({ url: pageUrl('/packages/staff/talk/index', { studentId }) })}
            />
          </CellGroup>
          <View className="section-title">住宿与家长</View>
          <CellGroup>
            <Cell title="宿舍" extra={data.dormLabel} />
            {data.parentName ? <Cell title="家长" extra={data.parentName} /> : null}
            {data.parentPhone ? (
              <Cell
                id="call-parent"
                title="家长电话"
                extra={`${data.parentPhone} · 拨打`}
                clickable
                onClick={() => void Taro.makePhoneCall({ phoneNumber: data.parentPhone ?? '' })}
              />
            ) : null}
          </CellGroup>
        </>
      ) : null}
    </View>
  );
}
