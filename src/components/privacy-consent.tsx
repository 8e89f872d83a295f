import { useEffect, useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

/**
 * WeChat's privacy rule: before a privacy API (here getLocation for check-ins) the user must have
 * agreed to the mini-program's 用户隐私保护指引. When WeChat says agreement is pending, show the
 * guide's name, a link to read it, and the agree button WeChat requires (open-type
 * agreePrivacyAuthorization). Nothing is shown in H5, where the browser asks for location itself.
 */
export function PrivacyConsent({ onAgreed }: { onAgreed?: () => void }) {
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    Taro.getPrivacySetting({
      success: (res) => setPending(res.needAuthorization ? res.privacyContractName : null),
    });
  }, []);

  if (pending === null) return null;
  return (
    <View
      className="privacy-consent"
      style={{ margin: '12px 16px', padding: '12px', background: '#fff7e6', borderRadius: '8px' }}
    >
      <View>签到会记录你的位置，用于核实到岗。使用前请阅读并同意{pending}。</View>
      <View style={{ display: 'flex', gap: '8px', marginTop: '8px' }}>
        <Button size="mini" onClick={() => Taro.openPrivacyContract({})}>
          阅读{pending}
        </Button>
        <Button
          size="mini"
          type="primary"
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={() => {
            setPending(null);
            onAgreed?.();
          }}
        >
          同意并继续
        </Button>
      </View>
    </View>
  );
}
