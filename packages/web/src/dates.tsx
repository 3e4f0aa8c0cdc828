/** Date pickers in Vietnamese (dd/mm/yyyy, weeks from Monday), for the pages that filter by date. */
import "@mantine/dates/styles.css";
import "dayjs/locale/vi";
import { DatesProvider, DatePickerInput } from "@mantine/dates";

export function VietnameseDates({ children }: { children: React.ReactNode }) {
  return <DatesProvider settings={{ locale: "vi", firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

/** A date as "YYYY-MM-DD" or null, shown as dd/mm/yyyy. */
export function DateField(props: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  return (
    <DatePickerInput
      label={props.label}
      valueFormat="DD/MM/YYYY"
      clearable
      value={props.value}
      onChange={(v) => props.onChange(v ? String(v).slice(0, 10) : null)}
      w={160}
    />
  );
}
