/**
 * The admin's tab of processing deadlines (issue #15, item 4): the default deadline in working
 * days per document type and urgency ('' any), and the agency's days off besides weekends, which
 * the server counts deadlines with (core's workflow/deadline.ts and working-days.ts).
 */
import { useEffect, useState } from "react";
import {
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { URGENCIES } from "@vanthu/core";
import { api, useApi, type DeadlineSettings } from "../api.ts";
import { ErrorAlert, HeaderRow } from "../components.tsx";
import { DateField, VietnameseDates } from "../dates.tsx";
import { useSubmit } from "../hooks.ts";
import { t } from "../i18n.ts";
import { TYPE_OPTIONS } from "../types.ts";

type Rule = DeadlineSettings["rules"][number];
const ANY = "*";
type Holiday = DeadlineSettings["holidays"][number];

export default function AdminDeadlines() {
  const settings = useApi("GET /api/admin/deadlines");
  const [rules, setRules] = useState<Rule[]>([]);
  const [holidays, setHolidays] = useState<Holiday[]>([]);
  useEffect(() => {
    if (!settings.data) return;
    setRules(settings.data.rules);
    setHolidays(settings.data.holidays);
  }, [settings.data]);
  const saveRules = useSubmit();
  const saveHolidays = useSubmit();
  // "*" in the pickers stands for '' (any): a picker's option needs a value.
  const types = [{ value: ANY, label: t.adminDeadlines.anyType }, ...TYPE_OPTIONS];
  const urgencies = [
    { value: ANY, label: t.adminDeadlines.anyUrgency },
    ...URGENCIES.map((u) => ({ value: u, label: t.handling.urgencies[u] })),
  ];
  const setRule = (i: number, rule: Partial<Rule>) =>
    setRules(rules.map((r, j) => (j === i ? { ...r, ...rule } : r)));
  const setHoliday = (i: number, day: Partial<Holiday>) =>
    setHolidays(holidays.map((h, j) => (j === i ? { ...h, ...day } : h)));
  return (
    <Stack>
      <ErrorAlert error={settings.error} />
      <Title order={2} size="h4">
        {t.adminDeadlines.rules}
      </Title>
      <Text size="sm" c="dimmed">
        {t.adminDeadlines.rulesHelp}
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table>
          <HeaderRow
            columns={[
              t.adminDeadlines.type,
              t.handling.urgency,
              t.adminDeadlines.workingDays,
              null,
            ]}
          />
          <Table.Tbody>
            {rules.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <Select
                    aria-label={t.adminDeadlines.type}
                    data={types}
                    value={r.typeCode || ANY}
                    onChange={(code) => setRule(i, { typeCode: code === ANY ? "" : (code ?? "") })}
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t.handling.urgency}
                    data={urgencies}
                    value={r.urgency || ANY}
                    onChange={(u) =>
                      setRule(i, { urgency: (u === ANY ? "" : (u ?? "")) as Rule["urgency"] })
                    }
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t.adminDeadlines.workingDays}
                    min={1}
                    max={365}
                    value={r.workingDays}
                    onChange={(n) => setRule(i, { workingDays: Number(n) || 1 })}
                    w={100}
                  />
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() => setRules(rules.filter((_, j) => j !== i))}
                  >
                    {t.adminDeadlines.remove}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ErrorAlert error={saveRules.error} />
      <Group>
        <Button
          variant="default"
          onClick={() => setRules([...rules, { typeCode: "", urgency: "", workingDays: 10 }])}
        >
          {t.adminDeadlines.addRule}
        </Button>
        <Button
          loading={saveRules.busy}
          onClick={() =>
            void saveRules.run(
              () => api.call("PUT /api/admin/deadline-rules", { body: { rules } }),
              { success: () => t.common.saved },
            )
          }
        >
          {t.adminDeadlines.save}
        </Button>
      </Group>

      <Title order={2} size="h4" mt="md">
        {t.adminDeadlines.holidays}
      </Title>
      <VietnameseDates>
        <Stack gap="xs">
          {holidays.map((h, i) => (
            <Group key={i} align="flex-end">
              <DateField
                label={t.adminDeadlines.day}
                value={h.day || null}
                required
                onChange={(day) => setHoliday(i, { day: day ?? "" })}
              />
              <TextInput
                label={t.adminDeadlines.name}
                value={h.name}
                onChange={(e) => setHoliday(i, { name: e.currentTarget.value })}
                style={{ flex: "1 1 200px" }}
              />
              <Button
                variant="subtle"
                color="red"
                onClick={() => setHolidays(holidays.filter((_, j) => j !== i))}
              >
                {t.adminDeadlines.remove}
              </Button>
            </Group>
          ))}
        </Stack>
      </VietnameseDates>
      <ErrorAlert error={saveHolidays.error} />
      <Group>
        <Button variant="default" onClick={() => setHolidays([...holidays, { day: "", name: "" }])}>
          {t.adminDeadlines.addHoliday}
        </Button>
        <Button
          loading={saveHolidays.busy}
          disabled={holidays.some((h) => !h.day || !h.name.trim())}
          onClick={() =>
            void saveHolidays.run(
              () =>
                api.call("PUT /api/admin/holidays", {
                  body: { holidays: holidays.map((h) => ({ day: h.day, name: h.name.trim() })) },
                }),
              { success: () => t.common.saved },
            )
          }
        >
          {t.adminDeadlines.save}
        </Button>
      </Group>
    </Stack>
  );
}
