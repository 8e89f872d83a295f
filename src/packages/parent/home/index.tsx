import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { ProfileCard } from '../../../components/profile-card';
import { Workbench } from '../../../components/workbench';

/** A parent's home: only the children bound to this WeChat. */
export default function ParentHome() {
  const { data, error, loading } = useLoad(() => call('identity', 'me', {}), []);
  return (
    <View className="page">
      <LoadState loading={loading} error={error} empty={!loading && (data?.children.length ?? 0) === 0} />
      {data ? <View className="page-title">{data.name}，您好</View> : null}
      {data && data.children.length > 0 ? <Workbench /> : null}
      {data && data.children.length > 0 ? (
        <CellGroup>
          <Cell
            className="link-notices"
            title="学业警示通知与回执"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/parent/notice/index' })}
          />
          <Cell
            className="link-meetings"
            title="面谈与会谈"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/parent/meeting/index' })}
          />
        </CellGroup>
      ) : null}
      <CellGroup>
        <Cell
          className="link-bind"
          title="绑定另一个孩子"
          clickable
          onClick={() => void Taro.navigateTo({ url: '/packages/parent/bind/index' })}
        />
        <Cell
          className="link-inbox"
          title="消息"
          clickable
          onClick={() => void Taro.navigateTo({ url: '/pages/inbox/index' })}
        />
      </CellGroup>
      {data?.children.map((child) => (
        <View key={child.studentId}>
          <View className="section-title">我的孩子</View>
          <ProfileCard profile={child} />
        </View>
      ))}
    </View>
  );
}
