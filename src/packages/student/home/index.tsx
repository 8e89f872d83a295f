import { View } from '@tarojs/components';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { ProfileCard } from '../../../components/profile-card';

/** A student's home: their own profile (and, as the product grows, their notices and plan). */
export default function StudentHome() {
  const { data, error, loading } = useLoad(() => call('identity', 'me', {}), []);
  return (
    <View className="page">
      <LoadState loading={loading} error={error} empty={!loading && !data?.student} />
      {data?.student ? (
        <>
          <View className="page-title">你好，{data.student.name}</View>
          <View className="section-title">我的信息</View>
          <ProfileCard profile={data.student} />
        </>
      ) : null}
    </View>
  );
}
