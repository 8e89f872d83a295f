import { View } from '@tarojs/components';

export type ChipOption<T extends string> = { value: T; label: string };

export function labelled<T extends string>(labels: Record<T, string>, keys: readonly T[]): ChipOption<T>[] {
  return keys.map((k) => ({ value: k, label: labels[k] }));
}

/** Big tap targets for one-handed entry on a phone (a dorm corridor, a classroom door). */
function ChipRow<T extends string>({
  options,
  value,
  onTap,
  className,
}: {
  options: ChipOption<T>[];
  value: readonly T[];
  onTap: (v: T) => void;
  className?: string;
}) {
  return (
    <View className={className} style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', padding: '8px 16px' }}>
      {options.map((o) => {
        const on = value.includes(o.value);
        return (
          <View
            key={o.value}
            className={on ? 'chip chip-on' : 'chip'}
            onClick={() => onTap(o.value)}
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

/** One choice at a time: the tapped value. */
export function Chips<T extends string>({
  options,
  value,
  onChange,
  className,
}: {
  options: ChipOption<T>[];
  value: readonly T[];
  onChange: (next: T) => void;
  className?: string;
}) {
  return <ChipRow options={options} value={value} onTap={onChange} className={className} />;
}

/** Single or multiple choice: the whole selection after each tap. */
export function ChoiceChips<T extends string>({
  options,
  value,
  onChange,
  multiple = false,
}: {
  options: ChipOption<T>[];
  value: readonly T[];
  onChange: (next: T[]) => void;
  multiple?: boolean;
}) {
  const toggle = (v: T) => {
    if (!multiple) return onChange([v]);
    onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  };
  return <ChipRow options={options} value={value} onTap={toggle} />;
}

const ALL = '';

/** A filter: one value, or none (the first chip, `all`: 全部 unless told). */
export function FilterChips<T extends string>({
  options,
  value,
  onChange,
  all = '全部',
  className,
}: {
  options: ChipOption<T>[];
  value: T | undefined;
  onChange: (next: T | undefined) => void;
  all?: string;
  className?: string;
}) {
  const byValue = new Map<string, T>(options.map((o) => [o.value, o.value]));
  return (
    <Chips
      options={[{ value: ALL, label: all }, ...options]}
      value={[value ?? ALL]}
      onChange={(v) => onChange(byValue.get(v))}
      className={className}
    />
  );
}
