import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/** Reload when the person comes back to the screen (after a form or a check saved on the next one). */
export function useReloadOnReturn(reload: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
}
