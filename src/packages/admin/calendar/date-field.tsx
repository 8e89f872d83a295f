import { useState } from 'react';
import { Cell, DatePicker } from '@nutui/nutui-react-taro';

/** 'YYYY-MM-DD' ↔ the picker's local Date (only its year, month and day are read). */
function toPickerDate(date: string): Date {
  const [y = 2000, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(y, m - 1, d);
}

function fromPicked(values: readonly (string | number | null)[]): string | null {
  const [y, m, d] = values.map(Number);
  if (!y || !m || !d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date cell; a tap opens NutUI's date picker (年/月/日 columns) within the semester's years. */
export function DateField({ label, value, fromYear, toYear, className, onChange }: { label: string; value: string; fromYear: number; toYear: number; className: string; onChange: (date: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Cell className={className} title={label} extra={value} clickable onClick={() => setOpen(true)} />
      <DatePicker
        title={`选择${label}`}
        type="date"
        showChinese
        visible={open}
        value={toPickerDate(value)}
        startDate={new Date(fromYear, 0, 1)}
        endDate={new Date(toYear, 11, 31)}
        onClose={() => setOpen(false)}
        onConfirm={(_options, values) => {
          const picked = fromPicked(values);
          if (picked) onChange(picked);
        }}
      />
    </>
  );
}
