import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

/** One-of choices as a wrapping row of small buttons; the first choice is "all" (undefined). */
export function Chips<T extends string>({ options, value, onChange, className }: { options: { value: T | undefined; label: string }[]; value: T | undefined; onChange: (v: T | undefined) => void; className?: string }) {
  return (
    <View className={className} style={{ display: 'flex', flexWrap: 'wrap', gap: '6px', padding: '0 12px' }}>
      {options.map((o) => (
        <Button key={o.value ?? '*'} size="small" type={o.value === value ? 'primary' : 'default'} onClick={() => onChange(o.value)}>
          {o.label}
        </Button>
      ))}
    </View>
  );
}
