import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Signature } from '@nutui/nutui-react-taro';
import type { SignatureSigner } from '../../types/signature';
import { newClientId } from '../services/client-id';
import { storedSignature, type UploadFile } from './signature-upload';
import './signature-pad.scss';

type SignatureHandle = { confirm(): void; clear(): void };

function isHandle(value: unknown): value is SignatureHandle {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'confirm') === 'function' &&
    typeof Reflect.get(value, 'clear') === 'function'
  );
}

/** Taro.cloud exists only in the weapp build; H5 never uploads (its canvas gives a data URL). */
const uploadToCloud: UploadFile = async ({ cloudPath, filePath }) => {
  const result = await Taro.cloud.uploadFile({ cloudPath, filePath });
  return { fileID: result.fileID };
};

/**
 * A handwritten signature (NutUI Signature canvas) with 重签 / 确认签名. Calls `onSigned` with
 * what the server stores: a PNG data URL in H5, the uploaded file's cloud id in WeChat. An empty
 * canvas is refused here, before anything is sent. The canvas does not scroll the page.
 */
export function SignaturePad({
  canvasId,
  noticeId,
  signer,
  onSigned,
  disabled,
}: {
  canvasId: string;
  noticeId: string;
  signer: SignatureSigner;
  onSigned: (image: string) => void;
  disabled?: boolean;
}) {
  const ref = useRef<unknown>(null);
  const [signed, setSigned] = useState(false);
  const handle = () => (isHandle(ref.current) ? ref.current : null);
  return (
    <View className="signature-pad" style={{ padding: '0 16px' }}>
      {/* catchMove: in WeChat a move on the canvas does not scroll the page either. */}
      <View
        className="signature-canvas"
        id={`${canvasId}-wrap`}
        catchMove
        style={{ background: '#fff', touchAction: 'none' }}
      >
        <Signature
          ref={ref}
          canvasId={canvasId}
          lineWidth={3}
          strokeStyle="#1a1a1a"
          onConfirm={(path: string, isSigned?: boolean) => {
            if (!isSigned || !path) {
              void Taro.showToast({ title: '请先在框内签名', icon: 'none' });
              return;
            }
            storedSignature(path, { noticeId, signer, stamp: newClientId() }, uploadToCloud)
              .then((image) => {
                setSigned(true);
                onSigned(image);
              })
              .catch(() => Taro.showToast({ title: '签名上传失败，请重签', icon: 'none' }));
          }}
          onClear={() => setSigned(false)}
        />
      </View>
      <View
        className="signature-actions"
        style={{ display: 'flex', gap: '12px', justifyContent: 'flex-end', padding: '8px 0' }}
      >
        <Button size="small" id={`${canvasId}-clear`} disabled={disabled} onClick={() => handle()?.clear()}>
          重签
        </Button>
        <Button
          size="small"
          type="primary"
          id={`${canvasId}-confirm`}
          disabled={disabled}
          onClick={() => handle()?.confirm()}
        >
          {signed ? '已签名 ✓' : '确认签名'}
        </Button>
      </View>
    </View>
  );
}
