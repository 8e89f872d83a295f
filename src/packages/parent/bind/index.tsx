import { useState } from 'react';
import { Button as TaroButton, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { BindResult } from '../../../../types/api/notices';
import { call } from '../../../services/api';
import { deviceId } from '../../../services/device-id';
import { askSubscribe } from '../../../services/subscribe';
import { useAction } from '../../../services/use-call';
import { FieldInput } from '../../../components/field-input';
import { pageUrl } from '../../../services/use-route-params';

/**
 * A parent binds their WeChat to their child: the one-time code the counselor sent to the phone
 * on file, the child's 学号 and the parent's name as registered (not phone digits: class staff
 * see the number to call). Then, on a tap, consent to receipt reminders.
 */
export default function ParentBind() {
  const [code, setCode] = useState('');
  const [studentNo, setStudentNo] = useState('');
  const [parentName, setParentName] = useState('');
  const { act, fault: error, refusal, busy } = useAction();
  const [bound, setBound] = useState<BindResult | null>(null);

  const bind = () =>
    act(async () =>
      setBound(
        await call('notices', 'bindParent', {
          code,
          studentNo: studentNo.trim(),
          parentName: parentName.trim(),
          deviceId: deviceId(),
        }),
      ),
    );

  const bindByPhone = (phoneCode: string | undefined) =>
    act(async () => {
      if (!phoneCode) throw new Error('未获得手机号授权，可填写孩子学号和家长姓名绑定');
      setBound(await call('notices', 'bindParentByPhone', { code, phoneCode, deviceId: deviceId() }));
    });

  const next = () => {
    if (!bound) return;
    void askSubscribe(bound.subscribe);
    const first = bound.openNotices[0];
    void Taro.reLaunch({
      url: first ? pageUrl('/packages/parent/notice/index', { id: first }) : '/packages/parent/home/index',
    });
  };

  if (bound) {
    return (
      <View className="page">
        <View className="page-title">绑定成功</View>
        <CellGroup>
          <Cell title="孩子" extra={bound.studentName} />
          <Cell title="待回执的通知" extra={`${bound.openNotices.length} 份`} />
        </CellGroup>
        <View className="muted" style={{ padding: '8px 16px' }}>
          {process.env.TARO_ENV === 'weapp' ? '点击下方按钮，允许接收回执提醒，学院的通知会通过微信送达。' : ''}
        </View>
        <View style={{ padding: '16px' }}>
          <Button block type="primary" onClick={next} id="bind-continue">
            {bound.openNotices.length > 0 ? '查看通知并回执' : '进入家长首页'}
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="page">
      <View className="page-title">绑定孩子</View>
      <View className="muted" style={{ padding: '0 16px 8px' }}>
        绑定码由辅导员通过学院登记的家长电话告知您，一次有效。请同时填写孩子的学号和您在学院登记的姓名以核对身份，连续填错
        5 次绑定码将失效。请勿使用孩子本人的微信绑定。
      </View>
      <CellGroup>
        <FieldInput
          name="code"
          label="绑定码"
          refusal={refusal}
          id="bind-code"
          placeholder="如 ABCD-EFGH"
          value={code}
          onChange={setCode}
          maxLength={12}
        />
        <FieldInput
          name="studentNo"
          label="孩子的学号"
          refusal={refusal}
          id="bind-student-no"
          placeholder="如 2024311001"
          value={studentNo}
          onChange={setStudentNo}
          maxLength={20}
        />
        <FieldInput
          name="parentName"
          label="家长姓名"
          refusal={refusal}
          id="bind-parent-name"
          placeholder="学院登记的家长姓名"
          value={parentName}
          onChange={setParentName}
          maxLength={30}
        />
      </CellGroup>
      {process.env.TARO_ENV === 'weapp' ? (
        <View style={{ padding: '12px 16px 0' }}>
          {/* In WeChat the phone itself is the proof (getPhoneNumber); the typed check stays as the fallback. */}
          <TaroButton
            className="bind-by-phone"
            openType="getPhoneNumber"
            disabled={busy || code.trim() === ''}
            onGetPhoneNumber={(e) => void bindByPhone(e.detail.code)}
          >
            用微信手机号验证并绑定
          </TaroButton>
          <View className="muted" style={{ paddingTop: '6px' }}>
            需是学院登记的家长电话；也可填写孩子学号和家长姓名绑定。
          </View>
        </View>
      ) : null}
      {error ? (
        <View className="danger" style={{ padding: '8px 16px' }}>
          {error}
        </View>
      ) : null}
      <View style={{ padding: '16px' }}>
        <Button
          block
          type="primary"
          loading={busy}
          disabled={code.trim() === '' || studentNo.trim() === '' || parentName.trim() === ''}
          onClick={() => void bind()}
          id="bind-submit"
        >
          绑定
        </Button>
      </View>
    </View>
  );
}
