import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { DocumentAnswer, DocumentFormat } from '../../../../types/documents';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { pageUrl, routeId, useRouteParams } from '../../../services/use-route-params';
import { FormView } from '../_components/form-view';
import { saveDownload } from '../../../services/save-download';

type Params = Partial<
  Record<
    | 'form'
    | 'noticeId'
    | 'semester'
    | 'talkId'
    | 'studentId'
    | 'classId'
    | 'from'
    | 'to'
    | 'planId'
    | 'pairingId'
    | 'meetingId'
    | 'register'
    | 'personId',
    string
  >
>;

/** The form a route names, in a format: one action of the documents function each. */
function fetchForm(p: Params, format: DocumentFormat): Promise<DocumentAnswer> {
  const period = { from: p.from ?? '', to: p.to ?? '' };
  switch (p.form) {
    case 'notice':
      return call('documents', 'noticeForm', { noticeId: p.noticeId ?? '', format });
    case 'noticeRegister':
      return call('documents', 'noticeRegister', { semester: p.semester ?? '', format });
    case 'talk':
      return call('documents', 'talkForm', { talkId: p.talkId ?? '', format });
    case 'studentTalkLedger':
      return call('documents', 'studentTalkLedger', { studentId: p.studentId ?? '', format });
    case 'classTalkLedger':
      return call('documents', 'classTalkLedger', { classId: p.classId ?? '', period, format });
    case 'studyPlan':
      return call('documents', 'planForm', { planId: p.planId ?? '', format });
    case 'pairing':
      return call('documents', 'pairingForm', { pairingId: p.pairingId ?? '', format });
    case 'meeting':
      return call('documents', 'meetingForm', { meetingId: p.meetingId ?? '', format });
    case 'dutyRegister':
      return call('documents', 'dutyRegister', {
        classId: p.classId ?? '',
        register: p.register === 'classCheck' ? 'classCheck' : 'dormCheck',
        period,
        format,
      });
    case 'compliance':
      return call('documents', 'complianceReport', {
        ...(p.classId ? { classId: p.classId } : { personId: p.personId ?? '' }),
        period,
        format,
      });
    default:
      return Promise.reject(new Error('未指定要打印的文书'));
  }
}

/**
 * 打印: one form as it prints (the seed annex's title, fields and headings), with its signatures;
 * 打印 opens the browser's print, 下载 Excel / PDF take the file (each taking is recorded).
 */
export default function PrintPage() {
  const params = useRouteParams({
    form: routeId,
    noticeId: routeId,
    semester: routeId,
    talkId: routeId,
    studentId: routeId,
    classId: routeId,
    from: routeId,
    to: routeId,
    planId: routeId,
    pairingId: routeId,
    meetingId: routeId,
    register: routeId,
    personId: routeId,
  });
  const view = useLoad(() => fetchForm(params, 'view'), [JSON.stringify(params)]);
  const { act, busy } = useAction(undefined, { toastFault: true });
  const download = (format: 'xlsx' | 'pdf') =>
    act(async () => {
      const answer = await fetchForm(params, format);
      if (answer.file) await saveDownload(answer.file);
    }, '已下载');
  const print = () => {
    if (process.env.TARO_ENV === 'h5') window.print();
    else void download('pdf');
  };
  const open = (form: 'notice', id: string) =>
    void Taro.navigateTo({ url: pageUrl('/packages/documents/print/index', { form, noticeId: id }) });
  return (
    <View className="page print-page">
      <LoadState loading={view.loading} error={view.error} />
      {view.data ? (
        <>
          <View className="page-title">{view.data.document.title}</View>
          <View className="print-actions">
            <Button type="primary" size="small" onClick={print}>
              打印
            </Button>
            <Button size="small" disabled={busy} onClick={() => void download('pdf')}>
              下载 PDF
            </Button>
            <Button size="small" disabled={busy} onClick={() => void download('xlsx')}>
              下载 Excel
            </Button>
          </View>
          <FormView doc={view.data.document} open={open} />
        </>
      ) : null}
    </View>
  );
}
