import type { ReactNode } from 'react';
import { View } from '@tarojs/components';

/** A white card on the grey page, as the other screens draw a record. */
export function Box({ children, id, className }: { children: ReactNode; id?: string; className?: string }) {
  return (
    <View
      id={id}
      className={className}
      style={{ margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' }}
    >
      {children}
    </View>
  );
}

/** School year a date falls in: from September (rules: 000-5.2, the paid year starts in September). */
export function schoolYearAt(now: Date): string {
  const y = now.getFullYear();
  const start = now.getMonth() >= 8 ? y : y - 1;
  return `${start}-${start + 1}`;
}

export const today = (now: Date) =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
