import { useState } from 'react';
import Taro from '@tarojs/taro';
import { messageOf } from '../../../services/use-call';

/**
 * A tap that takes a step: toast on success and reload; on a refusal the reason is toasted (the
 * person's eyes are on the button) and kept at the top of the screen.
 */
export function useStep(onDone: () => void): { act: (what: () => Promise<unknown>, done: string) => Promise<void>; fault: string | null } {
  const [fault, setFault] = useState<string | null>(null);
  const act = async (what: () => Promise<unknown>, done: string) => {
    setFault(null);
    try {
      await what();
      Taro.showToast({ title: done, icon: 'success' });
      onDone();
    } catch (e) {
      const message = messageOf(e);
      setFault(message);
      Taro.showToast({ title: message, icon: 'none', duration: 3000 });
    }
  };
  return { act, fault };
}
