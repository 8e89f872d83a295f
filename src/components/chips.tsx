import { View } from '@tarojs/components';

export type ChipOption<T extends string> = { value: T; label: string };

/** Big tap targets for one-handed entry on a phone (a dorm corridor, a classroom door): one choice at a time. */
export function Chips<T extends string>({ options, value, onChange, className }: { options: ChipOption<T>[]; value: readonly T[]; onChange: (next: T) => void; className?: string }) {
  return (
    <View className={className} style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', padding: '8px 16px' }}>
      {options.map((o) => {
        const on = value.includes(o.value);
        return (
          <View
            key={o.value}
            className={on ? 'chip chip-on' : 'chip'}
            onClick={() => onChange(o.value)}
            style={{
              padding: '6px 12px',
              borderRadius: '16px',
              border: `1px solid ${on ? '#1f5fbf' : '#d0d5dd'}`,
              background: on ? '#e8f0fd' : '#fff',
              color: on ? '#1f5fbf' : '#333',
              fontSize: '14px',
            }}
          >
            {o.label}
          </View>
        );
      })}
    </View>
  );
}
