/** The period of a register or a report: two days in the address, this month by default. */
import { Group } from "@mantine/core";
import { DateField, VietnameseDates } from "../../dates.tsx";
import { localIsoDay } from "../../format.ts";
import { useUrlFilters } from "../../hooks.ts";
import { t } from "../../i18n.ts";

export function usePeriod() {
  const { params, set } = useUrlFilters();
  const today = localIsoDay(new Date().toISOString());
  const from = params.get("from") ?? `${today.slice(0, 8)}01`;
  const to = params.get("to") ?? today;
  return { from, to, set };
}

export function PeriodFields({ period }: { period: ReturnType<typeof usePeriod> }) {
  return (
    <VietnameseDates>
      <Group className="no-print" align="flex-end">
        <DateField
          label={t.fields.from}
          value={period.from}
          required
          onChange={(v) => period.set("from", v)}
        />
        <DateField
          label={t.fields.to}
          value={period.to}
          required
          onChange={(v) => period.set("to", v)}
        />
      </Group>
    </VietnameseDates>
  );
}
