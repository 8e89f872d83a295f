import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { ProfileCard } from '../../../components/profile-card';
import { Workbench } from '../../../components/workbench';

/** A student's home: their own profile (and, as the product grows, their notices and plan). */
export default function StudentHome() {
  const { data, error, loading } = useLoad(() => call('identity', 'me', {}), []);
  return (
    <View className="page">
      <LoadState loading={loading} error={error} empty={!loading && !data?.student} />
      {data?.student ? (
        <>
          <View className="page-title">你好，{data.student.name}</View>
          <Workbench />
          <View className="section-title">我的信息</View>
          <ProfileCard profile={data.student} />
          <View className="section-title">学业帮扶</View>
          <CellGroup>
            <Cell
              className="link-plan"
              title="我的学习计划"
              clickable
              onClick={() => void Taro.navigateTo({ url: '/packages/student/plan/index' })}
            />
            <Cell
              className="link-case"
              title="我的帮扶与约谈"
              clickable
              onClick={() => void Taro.navigateTo({ url: '/packages/student/case/index' })}
            />
            <Cell
              className="link-notices"
              title="学业警示通知"
              clickable
              onClick={() => void Taro.navigateTo({ url: '/packages/student/notice/index' })}
            />
            <Cell
              className="link-inbox"
              title="消息"
              clickable
              onClick={() => void Taro.navigateTo({ url: '/pages/inbox/index' })}
            />
          </CellGroup>
        </>
      ) : null}
    </View>
  );
}
