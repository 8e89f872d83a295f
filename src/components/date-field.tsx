import { useState } from 'react';
import { Cell, DatePicker } from '@nutui/nutui-react-taro';

function toPickerDate(date: string): Date {
  const [y = 2000, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(y, m - 1, d);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date (年/月/日) or month (年/月) cell; a tap opens NutUI's date picker. In the main package:
 * the calendar and the assistant screens (different subpackages) share it.
 */
export function DateField({
  label,
  value,
  type = 'date',
  fromYear,
  toYear,
  className,
  onChange,
}: {
  label: string;
  value: string;
  type?: 'date' | 'year-month';
  fromYear: number;
  toYear: number;
  className: string;
  onChange: (value: string) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Cell className={className} title={label} extra={value} clickable onClick={() => setOpen(true)} />
      <DatePicker
        title={`选择${label}`}
        type={type}
        showChinese
        visible={open}
        value={toPickerDate(type === 'date' ? value : `${value}-01`)}
        startDate={new Date(fromYear, 0, 1)}
        endDate={new Date(toYear, 11, 31)}
        onClose={() => setOpen(false)}
        onConfirm={(_options, values) => {
          const [y, m, d] = values.map(Number);
          if (!y || !m) return;
          if (type === 'year-month') onChange(`${y}-${pad(m)}`);
          else if (d) onChange(`${y}-${pad(m)}-${pad(d)}`);
        }}
      />
    </>
  );
}
