import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { roleLabel, Role } from '../../../../types/domain';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { ClassList } from '../../../components/class-list';

/** Counselor / head teacher / assistant home: the classes they serve. */
export default function StaffHome() {
  const router = useRouter();
  const role = Role.safeParse(router.params.role);
  const me = useLoad(() => call('identity', 'me', {}), []);
  const classes = useLoad(() => call('campus', 'myClasses', {}), []);
  return (
    <View className="page">
      {me.data ? (
        <View className="page-title">
          {me.data.name} · {role.success ? roleLabel[role.data] : '教师'}
        </View>
      ) : null}
      <View className="section-title">我的班级</View>
      <LoadState loading={classes.loading} error={classes.error} empty={classes.data?.length === 0} />
      {classes.data ? <ClassList classes={classes.data} /> : null}
    </View>
  );
}
