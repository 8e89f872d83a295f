import { View } from '@tarojs/components';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { ProfileCard } from '../../../components/profile-card';

/** A parent's home: only the children bound to this WeChat. */
export default function ParentHome() {
  const { data, error, loading } = useLoad(() => call('identity', 'me', {}), []);
  return (
    <View className="page">
      <LoadState loading={loading} error={error} empty={!loading && (data?.children.length ?? 0) === 0} />
      {data ? <View className="page-title">{data.name}，您好</View> : null}
      {data?.children.map((child) => (
        <View key={child.studentId}>
          <View className="section-title">我的孩子</View>
          <ProfileCard profile={child} />
        </View>
      ))}
    </View>
  );
}
