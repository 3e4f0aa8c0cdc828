/**
 * The follow-up register of received documents (Sổ theo dõi giải quyết văn bản đến, ND30 Phụ
 * lục IV) over a period, printed like the registers: landscape A4, ruled table.
 */
import { Link } from "react-router";
import { Anchor, Badge, Button, Stack, Table, Text, Title } from "@mantine/core";
import type { HandlingProgress } from "@vanthu/core";
import { useApi } from "../api.ts";
import { ErrorAlert, PageTitle } from "../components.tsx";
import { viDate } from "../format.ts";
import { t } from "../i18n.ts";
import { useMe } from "../session.ts";
import { PeriodFields, usePeriod } from "./forms/period.tsx";

export const PROGRESS_COLORS: Record<HandlingProgress, string> = {
  "on-time": "green",
  late: "orange",
  overdue: "red",
  open: "gray",
};

export default function FollowUpRegister() {
  const me = useMe().data!;
  const period = usePeriod();
  const reg = useApi("GET /api/forms/follow-up-register", {
    query: { from: period.from, to: period.to },
  });
  const columns = [
    t.forms.colNumber,
    t.forms.colArrived,
    t.forms.colReference,
    t.forms.colDate,
    t.forms.colSubject,
    t.forms.colLead,
    t.forms.colDue,
    t.forms.colProgress,
    t.forms.colDone,
    t.forms.colNote,
  ];
  return (
    <Stack className="print-register-page">
      <PageTitle
        right={
          <Button variant="default" onClick={() => window.print()} className="no-print">
            {t.common.print}
          </Button>
        }
      >
        {t.forms.followUpTitle}
      </PageTitle>
      <PeriodFields period={period} />
      <ErrorAlert error={reg.error} />
      {reg.data && (
        <div className="print-register">
          <Title order={2} size="h4" ta="center" tt="uppercase">
            {t.forms.followUpTitle}
          </Title>
          <Text ta="center">{me.agency.name}</Text>
          <Text ta="center" mb="sm">
            {t.forms.periodOf(viDate(reg.data.from), viDate(reg.data.to))} ·{" "}
            {t.forms.asOf(viDate(reg.data.asOf))}
          </Text>
          {reg.data.truncated && (
            <Text c="orange.9" className="no-print">
              {t.forms.truncated(reg.data.entries.length)}
            </Text>
          )}
          {!reg.data.entries.length ? (
            <Text c="dimmed">{t.forms.empty}</Text>
          ) : (
            <Table.ScrollContainer minWidth={1000}>
              <Table withTableBorder withColumnBorders fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    {columns.map((c) => (
                      <Table.Th key={c}>{c}</Table.Th>
                    ))}
                  </Table.Tr>
                  <Table.Tr>
                    {columns.map((c, i) => (
                      <Table.Th key={c} ta="center" fw={400}>
                        {i + 1}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reg.data.entries.map((e) => (
                    <Table.Tr key={e.documentId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/van-ban/${e.documentId}/phieu-giai-quyet`}>
                          {e.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{viDate(e.arrivedOn)}</Table.Td>
                      <Table.Td>{e.reference}</Table.Td>
                      <Table.Td>{viDate(e.date)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/van-ban/${e.documentId}`} c="inherit">
                          {e.typeName} {e.subject}
                        </Anchor>
                        {e.issuer && (
                          <Text size="xs" c="dimmed">
                            {e.issuer}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {e.lead.map((l, i) => (
                          <div key={i}>
                            {[l.unit, l.people.join(", ")].filter(Boolean).join(": ")}
                          </div>
                        ))}
                      </Table.Td>
                      <Table.Td>{viDate(e.dueOn)}</Table.Td>
                      <Table.Td>
                        <Badge color={PROGRESS_COLORS[e.progress]} variant="light">
                          {t.forms.progress[e.progress]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{viDate(e.doneOn)}</Table.Td>
                      <Table.Td>
                        {t.forms.reminders(e.reminders.nhacNho, e.reminders.pheBinh)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </div>
      )}
    </Stack>
  );
}
