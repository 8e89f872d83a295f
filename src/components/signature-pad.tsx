import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Signature } from '@nutui/nutui-react-taro';

type SignatureHandle = { confirm(): void; clear(): void };

function isHandle(value: unknown): value is SignatureHandle {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'confirm') === 'function' && typeof Reflect.get(value, 'clear') === 'function';
}

/** The canvas export as a PNG data URL: H5 gives one directly, WeChat a temp file to read. */
async function asDataUrl(path: string): Promise<string> {
  if (path.startsWith('data:image/png;base64,')) return path;
  const base64 = await new Promise<string>((ok, fail) => {
    Taro.getFileSystemManager().readFile({
      filePath: path,
      encoding: 'base64',
      success: (res) => ok(typeof res.data === 'string' ? res.data : ''),
      fail: (err) => fail(new Error(err.errMsg)),
    });
  });
  return `data:image/png;base64,${base64}`;
}

/**
 * A handwritten signature (NutUI Signature canvas) with 重签 / 确认签名. Calls `onSigned` with
 * a PNG data URL; an empty canvas is refused here, before anything is sent.
 */
export function SignaturePad({ canvasId, onSigned, disabled }: { canvasId: string; onSigned: (image: string) => void; disabled?: boolean }) {
  const ref = useRef<unknown>(null);
  const [signed, setSigned] = useState(false);
  const handle = () => (isHandle(ref.current) ? ref.current : null);
  return (
    <View className="signature-pad" style={{ padding: '0 16px' }}>
      <View className="signature-canvas" id={`${canvasId}-wrap`} style={{ background: '#fff' }}>
        <Signature
          ref={ref}
          canvasId={canvasId}
          lineWidth={3}
          strokeStyle="#1a1a1a"
          onConfirm={(path: string, isSigned?: boolean) => {
            if (!isSigned || !path) {
              Taro.showToast({ title: '请先在框内签名', icon: 'none' });
              return;
            }
            asDataUrl(path)
              .then((image) => {
                setSigned(true);
                onSigned(image);
              })
              .catch(() => Taro.showToast({ title: '签名保存失败，请重签', icon: 'none' }));
          }}
          onClear={() => setSigned(false)}
        />
      </View>
      <View className="signature-actions" style={{ display: 'flex', gap: '12px', justifyContent: 'flex-end', padding: '8px 0' }}>
        <Button size="small" id={`${canvasId}-clear`} disabled={disabled} onClick={() => handle()?.clear()}>
          重签
        </Button>
        <Button size="small" type="primary" id={`${canvasId}-confirm`} disabled={disabled} onClick={() => handle()?.confirm()}>
          {signed ? '已签名 ✓' : '确认签名'}
        </Button>
      </View>
    </View>
  );
}
