import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { roleLabel, Role } from '../../../../types/domain';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { ClassList } from '../../../components/class-list';
import { Workbench } from '../../../components/workbench';
import { routeId, useRouteParams } from '../../../services/use-route-params';

/** Counselor / head teacher / assistant home: the classes they serve. */
export default function StaffHome() {
  const role = Role.safeParse(useRouteParams({ role: routeId }).role);
  const me = useLoad(() => call('identity', 'me', {}), []);
  const classes = useLoad(() => call('campus', 'myClasses', {}), []);
  return (
    <View className="page">
      {me.data ? (
        <View className="page-title">
          {me.data.name} · {role.success ? roleLabel[role.data] : '教师'}
        </View>
      ) : null}
      <Workbench />
      <View className="section-title">学业帮扶</View>
      <CellGroup>
        {role.success && role.data === 'courseTeacher' ? (
          <Cell
            className="link-teaching"
            title="任课学生 · 学业警示 · 反映情况"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/staff/teaching/index' })}
          />
        ) : null}
        {role.success && (role.data === 'counselor' || role.data === 'headTeacher') ? (
          <Cell
            className="link-concerns"
            title="任课教师反映"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/staff/concerns/index' })}
          />
        ) : null}
        <Cell
          className="link-warnings"
          title="学业警示学生"
          clickable
          onClick={() => void Taro.navigateTo({ url: '/packages/staff/warnings/index' })}
        />
        <Cell
          className="link-caseload"
          title="帮扶名单与个案"
          clickable
          onClick={() => void Taro.navigateTo({ url: '/packages/staff/case/index' })}
        />
        {role.success && (role.data === 'counselor' || role.data === 'headTeacher') ? (
          <Cell
            className="link-plan-review"
            title="学习计划审核"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/staff/plan-review/index' })}
          />
        ) : null}
        <Cell
          className="link-meetings"
          title="约谈与会议"
          clickable
          onClick={() => void Taro.navigateTo({ url: '/packages/staff/meeting/index' })}
        />
        <Cell
          title="朋辈帮扶"
          clickable
          onClick={() => void Taro.navigateTo({ url: '/packages/staff/pairing/index' })}
        />
        {role.success && (role.data === 'counselor' || role.data === 'headTeacher') ? (
          <Cell
            className="link-notices"
            title="警示通知跟踪（家长告知）"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/staff/notices/index' })}
          />
        ) : null}
        <Cell
          className="link-inbox"
          title="消息"
          clickable
          onClick={() => void Taro.navigateTo({ url: '/pages/inbox/index' })}
        />
      </CellGroup>
      <View className="section-title">到岗与职责</View>
      <CellGroup>
        <Cell
          className="link-checkin"
          title="查寝 · 查课 · 工作记录"
          clickable
          onClick={() => void Taro.navigateTo({ url: '/packages/staff/checkin/index' })}
        />
        <Cell
          className="link-duties"
          title="我的职责"
          clickable
          onClick={() => void Taro.navigateTo({ url: '/packages/staff/duties/index' })}
        />
        {role.success && (role.data === 'counselor' || role.data === 'headTeacher') ? (
          <Cell
            className="link-compliance"
            title="班级职责完成情况"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/admin/compliance/index' })}
          />
        ) : null}
      </CellGroup>
      <View className="section-title">我的班级</View>
      <LoadState loading={classes.loading} error={classes.error} empty={classes.data?.length === 0} />
      {classes.data ? <ClassList classes={classes.data} /> : null}
    </View>
  );
}
