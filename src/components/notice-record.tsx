import { useState } from 'react';
import { Image, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { NoticeRecordView } from '../../types/api/notices';
import type { NoticeCopyKind } from '../../types/notice';
import { NoticeCopyView, wallTime } from './notice-copy';

const copyLabel: Record<NoticeCopyKind, string> = { college: '学院存根', student: '学生联', parent: '家长联' };
const kinds: NoticeCopyKind[] = ['college', 'student', 'parent'];

/** A stored signature: a PNG data URL (H5) or a cloud file id, which WeChat's Image shows as is. */
function SignatureImage({ id, image }: { id: string; image: string }) {
  return (
    <View style={{ margin: '8px 16px', background: '#fff', border: '1px solid #e5e6eb', borderRadius: '6px' }}>
      <Image id={id} src={image} mode="aspectFit" style={{ width: '100%', height: '120px' }} />
    </View>
  );
}

/**
 * What is filed for one notice, as the class staff and the clerk read it: each copy (学院存根 /
 * 学生联 / 家长联), the student's signature and the parent's signed receipt.
 */
export function NoticeRecord({ record }: { record: NoticeRecordView }) {
  const [kind, setKind] = useState<NoticeCopyKind>('college');
  return (
    <View className="notice-record" id={`record-${record.studentId}`}>
      <View style={{ display: 'flex', gap: '8px', padding: '8px 12px' }}>
        {kinds.map((k) => (
          <Button
            key={k}
            size="small"
            id={`record-tab-${k}`}
            type={k === kind ? 'primary' : 'default'}
            onClick={() => setKind(k)}
          >
            {copyLabel[k]}
          </Button>
        ))}
      </View>
      <NoticeCopyView copy={record.copies[kind]} />
      <View className="section-title">学生签收</View>
      {record.studentSignature ? (
        <>
          <CellGroup>
            <Cell title="学生签名" extra={wallTime(record.studentSignature.at)} />
          </CellGroup>
          <SignatureImage id="record-student-signature" image={record.studentSignature.image} />
        </>
      ) : (
        <View className="muted" style={{ padding: '0 16px' }}>
          学生尚未签收
        </View>
      )}
      <View className="section-title">家长回执</View>
      {record.receipt ? (
        <>
          <CellGroup>
            <Cell title={`回执人：${record.receipt.parentName}`} extra={wallTime(record.receipt.at)} />
            {record.receipt.message ? <Cell title="家长留言" description={record.receipt.message} /> : null}
          </CellGroup>
          {record.receipt.image ? <SignatureImage id="record-parent-signature" image={record.receipt.image} /> : null}
        </>
      ) : (
        <View className="muted" style={{ padding: '0 16px' }}>
          {record.phoneContacts.length > 0 ? '家长尚未回执（已电话告知）' : '家长尚未回执'}
        </View>
      )}
    </View>
  );
}
