/**
 * Việc quá hạn (issue #15, item 4): for the person in charge of follow-up and the leaders, every
 * received document past its deadline and not done, with the handlers late on it and the
 * reminders sent; a reminder (nhắc nhở) or reprimand (phê bình) from the row; the reminders
 * counted per person and unit.
 */
import { Link } from "react-router";
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { REMINDER_KINDS } from "@vanthu/core";
import { api, useApi } from "../api.ts";
import { ErrorAlert, PageTitle } from "../components.tsx";
import { viDate } from "../format.ts";
import { useSubmit } from "../hooks.ts";
import { t } from "../i18n.ts";

export default function Overdue() {
  const list = useApi("GET /api/handling/overdue");
  const { busy, error, run } = useSubmit();
  const data = list.data;
  return (
    <Stack>
      <PageTitle>{t.handling.overdueTitle}</PageTitle>
      <ErrorAlert error={list.error ?? error} />
      {data && !data.items.length && <Text c="dimmed">{t.handling.overdueNone}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table data-testid="overdue">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.fields.reference}</Table.Th>
                <Table.Th>{t.handling.due}</Table.Th>
                <Table.Th>{t.handling.daysLate}</Table.Th>
                <Table.Th>{t.handling.handlers}</Table.Th>
                <Table.Th>{t.handling.reminders}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((i) => (
                <Table.Tr key={i.document.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/van-ban/${i.document.id}`}>
                      {i.document.reference ?? i.document.subject}
                    </Anchor>
                    <Text size="xs">{i.document.subject}</Text>
                    <Badge size="xs" variant="light">
                      {t.handling.steps[i.step ?? "none"]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{viDate(i.dueOn)}</Table.Td>
                  <Table.Td>
                    <Text c="red.9" fw={600}>
                      {i.daysLate}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {i.handlers.length
                      ? i.handlers.map((h) => (
                          <Text key={h.id} size="sm">
                            {h.user?.fullName ?? h.unit?.name} ({t.handling.roles[h.role]})
                          </Text>
                        ))
                      : t.handling.nobody}
                  </Table.Td>
                  <Table.Td>
                    {t.handling.reminderCount(i.reminders.nhacNho, i.reminders.pheBinh)}
                  </Table.Td>
                  <Table.Td>
                    {i.handlers.length > 0 && (
                      <Group gap={4} wrap="nowrap">
                        {REMINDER_KINDS.map((kind) => (
                          <Button
                            key={kind}
                            size="xs"
                            variant="light"
                            color={kind === "phe-binh" ? "red" : "orange"}
                            loading={busy}
                            onClick={() =>
                              void run(
                                () =>
                                  api.call("POST /api/documents/:id/reminders", {
                                    params: { id: i.document.id },
                                    body: { kind },
                                  }),
                                { success: (r) => t.handling.reminded(r.reminded) },
                              )
                            }
                          >
                            {t.handling.kinds[kind]}
                          </Button>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && data.counts.length > 0 && (
        <>
          <Title order={2} size="h4">
            {t.handling.counts}
          </Title>
          <Table>
            <Table.Tbody>
              {data.counts.map((c) => (
                <Table.Tr key={c.user?.id ?? c.unit?.id}>
                  <Table.Td>{c.user?.fullName ?? c.unit?.name}</Table.Td>
                  <Table.Td>{t.handling.reminderCount(c.nhacNho, c.pheBinh)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
