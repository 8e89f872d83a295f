import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { roleLabel, Role } from '../../../../types/domain';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { ClassList } from '../../../components/class-list';

/** Clerk / leader / department head home: the college's classes. */
export default function AdminHome() {
  const role = Role.safeParse(useRouter().params.role);
  const me = useLoad(() => call('identity', 'me', {}), []);
  const classes = useLoad(() => call('campus', 'myClasses', {}), []);
  return (
    <View className="page">
      {me.data ? (
        <View className="page-title">
          {me.data.name} · {role.success ? roleLabel[role.data] : '学院'}
        </View>
      ) : null}
      <View className="section-title">学院班级</View>
      <LoadState loading={classes.loading} error={classes.error} empty={classes.data?.length === 0} />
      {classes.data ? <ClassList classes={classes.data} /> : null}
    </View>
  );
}
