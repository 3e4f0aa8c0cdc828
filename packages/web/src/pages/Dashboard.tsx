/**
 * The issuer's follow-through: recipients x items with each cell's state and figures, totals,
 * who has not reported, reports received over time; and the consolidated report draft.
 */
import { Link, useNavigate, useParams } from "react-router";
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { BarChart, LineChart } from "@mantine/charts";
import "@mantine/charts/styles.css";
import { api, useApi } from "../api.ts";
import { ErrorAlert, PageTitle } from "../components.tsx";
import { collator, periodLabel, viDate, viDay, viNumber, localIsoDay } from "../format.ts";
import { useSubmit } from "../hooks.ts";
import { t } from "../i18n.ts";

// Own properties only: an agency's figure may be named "constructor" (a plain lookup gives Object).
const figureName = (k: string) =>
  Object.hasOwn(t.tasks.figures, k) ? (t.tasks.figures as Record<string, string>)[k]! : k;
const COLOR = { reported: "green", overdue: "red", pending: "gray", returned: "orange" } as const;
const CELL_LABEL = {
  reported: t.dashboard.cellReported,
  overdue: t.dashboard.cellOverdue,
  pending: t.dashboard.cellPending,
  returned: t.handling.returned,
};

/** One block of the dashboard: a card with its heading. */
function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export default function Dashboard() {
  const { id } = useParams();
  const navigate = useNavigate();
  const board = useApi("GET /api/documents/:id/dashboard", { params: { id: id! } });
  const { busy, error, run } = useSubmit();
  if (board.error) return <ErrorAlert error={board.error} />;
  const b = board.data;
  if (!b) return <Text>{t.common.loading}</Text>;
  const recipients = [...b.recipients]
    .filter((r) => b.cells.some((c) => c.agencyId === r.agencyId))
    .sort((x, y) => collator.compare(x.name, y.name));
  const cell = (agencyId: string, label: string) =>
    b.cells.find((c) => c.agencyId === agencyId && c.label === label);

  // Reports received per day, counted over the whole directive.
  const perDay = new Map<string, number>();
  for (const c of b.cells)
    for (const r of c.reports) {
      const day = localIsoDay(r.submittedAt);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
  let running = 0;
  const overTime = [...perDay.entries()]
    .sort()
    .map(([day, n]) => ({ day: viDate(day), [t.dashboard.cellReported]: (running += n) }));
  // Completion per period: of the cells whose task has that period open, how many reported it.
  const perPeriod = new Map<string, { done: number; owed: number }>();
  for (const c of b.cells)
    for (const p of new Set([...c.periods, ...c.reports.map((r) => r.period)])) {
      const e = perPeriod.get(p) ?? { done: 0, owed: 0 };
      const done = c.reports.some((r) => r.period === p) ? 1 : 0;
      perPeriod.set(p, { done: e.done + done, owed: e.owed + 1 });
    }
  const completion = [...perPeriod.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([p, e]) => ({
      period: periodLabel(p),
      [t.dashboard.completion]: Math.round((100 * e.done) / e.owed),
    }));
  const keys = [...new Set(Object.values(b.totals.byRecipient).flatMap((f) => Object.keys(f)))];
  const byRecipient = recipients.map((r) => ({
    name: r.name,
    ...(b.totals.byRecipient[r.agencyId] ?? {}),
  }));
  const notReported = b.notReported.map((n) => n.name);

  const consolidate = () =>
    run(() => api.call("POST /api/documents/:id/consolidated-report", { params: { id: id! } }), {
      then: (r) => void navigate(`/van-ban/${r.id}`),
    });

  return (
    <Stack>
      <PageTitle
        right={
          <Button onClick={() => void consolidate()} loading={busy}>
            {t.dashboard.consolidated}
          </Button>
        }
      >
        {t.dashboard.title}
      </PageTitle>
      <Anchor component={Link} to={`/van-ban/${b.document.id}`}>
        {b.document.reference} – {b.document.subject}
      </Anchor>
      <ErrorAlert error={error} />
      <Title order={2} size="h4">
        {t.dashboard.grid}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder withColumnBorders data-testid="grid">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.dashboard.recipient}</Table.Th>
              {b.items.map((i) => (
                <Table.Th key={i.label}>
                  <Tooltip label={i.title} multiline w={300}>
                    <span>
                      {t.tasks.item} {i.label}
                    </span>
                  </Tooltip>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recipients.map((r) => (
              <Table.Tr key={r.agencyId}>
                <Table.Th scope="row">
                  {r.name}
                  {r.returnReason !== null && (
                    <Text size="xs" fw={400} c="orange.9">
                      {t.handling.returnedBy(r.returnReason)}
                      {r.returnedAt ? ` (${t.handling.returnedOn(viDay(r.returnedAt))})` : ""}
                    </Text>
                  )}
                </Table.Th>
                {b.items.map((i) => {
                  const c = cell(r.agencyId, i.label);
                  if (!c) return <Table.Td key={i.label}>—</Table.Td>;
                  const sums = new Map<string, number>();
                  for (const rep of c.reports)
                    for (const [k, v] of Object.entries(rep.figures))
                      sums.set(k, (sums.get(k) ?? 0) + v);
                  return (
                    <Table.Td key={i.label}>
                      <Badge color={COLOR[c.status]} variant="light">
                        {CELL_LABEL[c.status]}
                      </Badge>
                      {c.reports.map((rep) => (
                        <Text key={rep.id} size="xs">
                          {periodLabel(rep.period)}
                          {rep.late ? ` (${t.dashboard.late})` : ""}
                          {rep.files.map((f) => (
                            <Anchor
                              key={f}
                              href={`/api/reports/${rep.id}/files/${encodeURIComponent(f)}`}
                              size="xs"
                              display="block"
                            >
                              {f}
                            </Anchor>
                          ))}
                        </Text>
                      ))}
                      {[...sums].map(([k, v]) => (
                        <Text key={k} size="xs" c="dimmed">
                          {figureName(k)}: {viNumber(v)}
                        </Text>
                      ))}
                      {c.missing.map((p) => (
                        <Text key={p} size="xs" c="red.9">
                          {t.dashboard.cellOverdue}: {periodLabel(p)}
                        </Text>
                      ))}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title={t.dashboard.totals}>
          {Object.keys(b.totals.all).length ? (
            Object.entries(b.totals.all).map(([k, v]) => (
              <Group key={k} justify="space-between">
                <Text size="sm">{figureName(k)}</Text>
                <Text size="sm" fw={600}>
                  {viNumber(v)}
                  {b.totals.cascade[k] !== undefined && b.totals.cascade[k] !== v
                    ? ` (${t.dashboard.cascade}: ${viNumber(b.totals.cascade[k]!)})`
                    : ""}
                </Text>
              </Group>
            ))
          ) : (
            <Text c="dimmed" size="sm">
              {t.common.none}
            </Text>
          )}
        </Section>
        <Section title={t.dashboard.notReported}>
          {notReported.length ? (
            notReported.map((n) => (
              <Text key={n} size="sm">
                {n}
              </Text>
            ))
          ) : (
            <Text size="sm" c="teal.9">
              {t.dashboard.everyoneReported}
            </Text>
          )}
        </Section>
      </SimpleGrid>
      {keys.length > 0 && (
        <Section title={t.dashboard.byRecipient}>
          <BarChart
            h={260}
            data={byRecipient}
            dataKey="name"
            series={keys.map((k, i) => ({
              name: k,
              label: figureName(k),
              color: ["blue.6", "teal.6", "grape.6", "orange.6", "red.6"][i % 5]!,
            }))}
            withLegend
            valueFormatter={viNumber}
          />
        </Section>
      )}
      {completion.length > 0 && (
        <Section title={t.dashboard.completionTitle}>
          <BarChart
            h={220}
            data={completion}
            dataKey="period"
            series={[{ name: t.dashboard.completion, color: "teal.8" }]}
            yAxisProps={{ domain: [0, 100] }}
            unit="%"
          />
        </Section>
      )}
      {overTime.length > 0 && (
        <Section title={t.dashboard.overTime}>
          <LineChart
            h={220}
            data={overTime}
            dataKey="day"
            series={[{ name: t.dashboard.cellReported, color: "green.6" }]}
            curveType="stepAfter"
          />
        </Section>
      )}
    </Stack>
  );
}
