/**
 * The report on how documents were handled over a period (báo cáo tình hình xử lý văn bản): per
 * unit and per person, received documents assigned and where they stand, outgoing drafts written,
 * sent up, approved, issued; the totals and a chart. Printable (landscape, like the registers).
 */
import { Button, Stack, Table, Text, Title } from "@mantine/core";
import type { ApiReply, HandlingReportRow } from "@vanthu/contract";
import { useApi } from "../api.ts";
import { ErrorAlert, PageTitle } from "../components.tsx";
import { viDate, viNumber } from "../format.ts";
import { t } from "../i18n.ts";
import { useMe } from "../session.ts";
import { HandlingChart } from "./forms/handling-chart.tsx";
import { PeriodFields, usePeriod } from "./forms/period.tsx";

type Report = ApiReply<"GET /api/forms/handling-report">;
const INCOMING = ["received", "onTime", "late", "overdue", "open"] as const;
const OUTGOING = ["written", "submitted", "approved", "issued"] as const;

function FiguresTable({
  caption,
  rows,
  total,
  withUnit,
}: {
  caption: string;
  rows: HandlingReportRow[];
  total?: Report["total"];
  withUnit?: boolean;
}) {
  const cells = (f: Pick<HandlingReportRow, "incoming" | "outgoing">) => (
    <>
      {INCOMING.map((k) => (
        <Table.Td key={k} ta="right">
          {viNumber(f.incoming[k])}
        </Table.Td>
      ))}
      {OUTGOING.map((k) => (
        <Table.Td key={k} ta="right">
          {viNumber(f.outgoing[k])}
        </Table.Td>
      ))}
    </>
  );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table withTableBorder withColumnBorders fz="sm">
        <caption style={{ captionSide: "top", textAlign: "left", fontWeight: 600 }}>
          {caption}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2}>{t.forms.colName}</Table.Th>
            {withUnit && <Table.Th rowSpan={2}>{t.forms.colUnit}</Table.Th>}
            <Table.Th colSpan={INCOMING.length} ta="center">
              {t.forms.incoming}
            </Table.Th>
            <Table.Th colSpan={OUTGOING.length} ta="center">
              {t.forms.outgoing}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            {[...INCOMING, ...OUTGOING].map((k) => (
              <Table.Th key={k} ta="right">
                {t.forms.figures[k]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                {r.name}{" "}
                {r.closed && (
                  <Text span c="dimmed" size="xs">
                    {t.forms.closed}
                  </Text>
                )}
              </Table.Td>
              {withUnit && <Table.Td>{r.unit}</Table.Td>}
              {cells(r)}
            </Table.Tr>
          ))}
          {total && (
            <Table.Tr fw={700}>
              <Table.Td colSpan={withUnit ? 2 : 1}>{t.forms.total}</Table.Td>
              {cells(total)}
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export default function HandlingReport() {
  const me = useMe().data!;
  const period = usePeriod();
  const report = useApi("GET /api/forms/handling-report", {
    query: { from: period.from, to: period.to },
  });
  const r = report.data;
  return (
    <Stack className="print-register-page">
      <PageTitle
        right={
          <Button variant="default" onClick={() => window.print()} className="no-print">
            {t.common.print}
          </Button>
        }
      >
        {t.forms.reportTitle}
      </PageTitle>
      <PeriodFields period={period} />
      <ErrorAlert error={report.error} />
      {r && (
        <Stack className="print-register" gap="md">
          <div>
            <Title order={2} size="h4" ta="center" tt="uppercase">
              {t.forms.reportTitle}
            </Title>
            <Text ta="center">
              {me.agency.name} · {t.forms.scope[r.scope]}
            </Text>
            <Text ta="center">
              {t.forms.periodOf(viDate(r.from), viDate(r.to))} · {t.forms.asOf(viDate(r.asOf))}
            </Text>
          </div>
          <HandlingChart
            rows={
              r.scope === "agency" && r.units.some((u) => u.incoming.received) ? r.units : r.people
            }
          />
          {r.units.length > 0 && (
            <FiguresTable
              caption={t.forms.units}
              rows={r.units}
              {...(r.scope === "agency" ? { total: r.total } : {})}
            />
          )}
          {r.people.length > 0 ? (
            <FiguresTable caption={t.forms.people} rows={r.people} withUnit />
          ) : (
            <Text c="dimmed">{t.forms.nobody}</Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
