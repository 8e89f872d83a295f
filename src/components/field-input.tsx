import { View } from '@tarojs/components';
import { Cell, Input } from '@nutui/nutui-react-taro';
import type { ActionFault } from '../services/use-call';
import { Field } from './field';

/**
 * One text input of a short form with its label written above it (a Cell's children replace its
 * title), framed in red with the reason under it when the last refusal names `name`.
 */
export function FieldInput({
  name,
  label,
  refusal,
  id,
  placeholder,
  value,
  onChange,
  maxLength,
}: {
  name: string;
  label: string;
  refusal: ActionFault | null;
  id: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
}) {
  return (
    <Field name={name} refusal={refusal}>
      <Cell>
        <View style={{ width: '100%' }}>
          <View className="muted">{label}</View>
          <Input id={id} placeholder={placeholder} value={value} onChange={onChange} maxLength={maxLength} />
        </View>
      </Cell>
    </Field>
  );
}
