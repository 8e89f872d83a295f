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

/** Clerk / leader / department head home: the college's classes. */
export default function AdminHome() {
  const role = Role.safeParse(useRouteParams({ role: routeId }).role);
  const me = useLoad(() => call('identity', 'me', {}), []);
  const schoolLevel = role.success && role.data === 'studentAffairs';
  const classes = useLoad(() => (schoolLevel ? Promise.resolve([]) : call('campus', 'myClasses', {})), [schoolLevel]);
  return (
    <View className="page">
      {me.data ? (
        <View className="page-title">
          {me.data.name} · {role.success ? roleLabel[role.data] : '学院'}
        </View>
      ) : null}
      <Workbench />
      {role.success && role.data === 'clerk' ? (
        <CellGroup>
          <Cell
            className="link-roster"
            title="名册导入（学生 · 班级 · 教职工）"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/admin/roster/index' })}
          />
          <Cell
            className="link-people"
            title="人员与邀请码"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/admin/people/index' })}
          />
          <Cell
            className="link-policy"
            title="警示政策参数（学校阈值）"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/admin/policy/index' })}
          />
          <Cell
            className="link-import"
            title="导入成绩"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/admin/import/index' })}
          />
          <Cell
            className="link-run"
            title="运行警示规则 · 审核发布名单"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/admin/run/index' })}
          />
          <Cell
            className="link-objections"
            title="通知异议处理"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/admin/objections/index' })}
          />
          <Cell
            className="link-notices"
            title="警示通知跟踪"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/staff/notices/index' })}
          />
          <Cell
            className="link-calendar"
            title="学期校历"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/admin/calendar/index' })}
          />
          <Cell
            className="link-kpi-import"
            title="导入班级指标（深造 · 四六级 · 双证 · 获奖）"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/reports/kpi-import/index' })}
          />
          <Cell
            className="link-documents"
            title="文书打印与学期归档"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/documents/home/index?role=clerk' })}
          />
          <Cell
            className="link-inbox"
            title="消息"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/pages/inbox/index' })}
          />
        </CellGroup>
      ) : null}
      {role.success && role.data === 'leader' ? (
        <CellGroup>
          <Cell
            className="link-documents"
            title="学期归档 · 导出与下载记录"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/documents/home/index?role=leader' })}
          />
        </CellGroup>
      ) : null}
      {role.success && role.data === 'studentAffairs' ? (
        <CellGroup>
          <Cell
            className="link-school-compliance"
            title="全校职责完成情况（各学院）"
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/reports/school/index' })}
          />
        </CellGroup>
      ) : null}
      {role.success && (role.data === 'leader' || role.data === 'studentAffairs') ? (
        <CellGroup>
          <Cell
            className="link-pairing"
            title={role.data === 'leader' ? '朋辈帮扶审核（院系审核）' : '朋辈帮扶审核（学校审核）'}
            clickable
            onClick={() => void Taro.navigateTo({ url: '/packages/staff/pairing/index' })}
          />
        </CellGroup>
      ) : null}
      {role.success && (role.data === 'clerk' || role.data === 'leader' || role.data === 'studentAffairs') ? (
        <CellGroup>
          <Cell
            className="link-assistants"
            title={role.data === 'studentAffairs' ? '学业助理审核与公示' : '学业助理选聘'}
            clickable
            onClick={() =>
              void Taro.navigateTo({
                url:
                  role.data === 'studentAffairs'
                    ? '/packages/assistants/school/index'
                    : '/packages/assistants/college/index',
              })
            }
          />
        </CellGroup>
      ) : null}
      {/* 学工部 works at school level: the school view, approvals, no college lists. */}
      {role.success && role.data === 'studentAffairs' ? null : (
        <>
          <CellGroup>
            {role.success && role.data !== 'clerk' ? (
              <Cell
                className="link-runs"
                title="学业警示名单"
                clickable
                onClick={() => void Taro.navigateTo({ url: '/packages/admin/run/index?view=list' })}
              />
            ) : null}
            <Cell
              className="link-compliance"
              title="职责完成情况"
              clickable
              onClick={() => void Taro.navigateTo({ url: '/packages/admin/compliance/index' })}
            />
            {role.success && (role.data === 'leader' || role.data === 'departmentHead') ? (
              <Cell
                className="link-reports"
                title="帮扶效果分析 · 转化率与图表"
                clickable
                onClick={() => void Taro.navigateTo({ url: '/packages/reports/home/index' })}
              />
            ) : null}
          </CellGroup>
          <View className="section-title">学院班级</View>
          <LoadState loading={classes.loading} error={classes.error} empty={classes.data?.length === 0} />
          {classes.data ? <ClassList classes={classes.data} /> : null}
        </>
      )}
    </View>
  );
}
