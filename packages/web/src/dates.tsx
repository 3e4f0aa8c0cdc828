/** Date pickers in Vietnamese (dd/mm/yyyy, weeks from Monday), for the pages that filter by date. */
import "@mantine/dates/styles.css";
import "dayjs/locale/vi";
import { DateInput, DatesProvider } from "@mantine/dates";
import { parseTypedDate } from "./format.ts";

export function VietnameseDates({ children }: { children: React.ReactNode }) {
  return <DatesProvider settings={{ locale: "vi", firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

/** A date as "YYYY-MM-DD" or null, shown as dd/mm/yyyy. */
export function DateField(props: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
  /** A value that must be given: no clear button. */
  required?: boolean;
  error?: string | null;
}) {
  return (
    // Typed ("3/12/2026", "03-12-2026", "3.12.26") or picked from the calendar.
    <DateInput
      label={props.label}
      valueFormat="DD/MM/YYYY"
      placeholder="dd/mm/yyyy"
      dateParser={(input) => parseTypedDate(input)}
      clearable={!props.required}
      required={props.required}
      error={props.error ?? undefined}
      value={props.value}
      onChange={(v) => props.onChange(v ? String(v).slice(0, 10) : null)}
      w={160}
    />
  );
}
