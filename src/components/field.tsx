import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { ActionFault } from '../services/use-call';

/**
 * Whether a refusal names this field or a part of it (`lines` covers `lines.2.courseCode`); one
 * input may stand for several server fields (the same box is `title` for a meeting, `theme` for an activity).
 */
export function namesField(refusal: ActionFault | null, name: string | readonly string[]): boolean {
  const field = refusal?.field;
  if (!field) return false;
  return (typeof name === 'string' ? [name] : name).some((n) => field === n || field.startsWith(`${n}.`));
}

/**
 * One input (or a group of them) of a form, named as the server names it: when the last refusal
 * names this field, the field is framed in red and the reason is written under it.
 */
export function Field({
  name,
  refusal,
  children,
  className,
}: {
  name: string | readonly string[];
  refusal: ActionFault | null;
  children: ReactNode;
  className?: string;
}) {
  const wrong = namesField(refusal, name);
  const first = typeof name === 'string' ? name : (name[0] ?? '');
  return (
    <View
      className={`form-field form-field-${first.replace(/\W/g, '-')}${wrong ? ' form-field-wrong' : ''}${className ? ` ${className}` : ''}`}
      style={{
        width: '100%',
        boxSizing: 'border-box',
        ...(wrong ? { border: '1px solid #d93026', borderRadius: '6px' } : {}),
      }}
    >
      {children}
      {wrong && refusal ? (
        <View className="danger form-field-fault" style={{ padding: '4px 16px', fontSize: '13px' }}>
          {refusal.message}
        </View>
      ) : null}
    </View>
  );
}
