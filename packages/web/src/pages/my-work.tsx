/**
 * Việc của tôi: the groups of `GET /api/my-work`, each row a link to its document (or its task)
 * with its urgency, deadline, next action and sender. Rows stack on a phone (390 px).
 */
import { Link } from "react-router";
import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { MyWork, WorkRow } from "../api.ts";
import { viDate, viDateTime } from "../format.ts";
import { t } from "../i18n.ts";

const URGENCY_COLOR = { "hoa-toc": "red.9", "thuong-khan": "orange.9", khan: "yellow.9" } as const;

/** Where a row leads: a report owed to its task, the rest to the document. */
export const workLink = (r: WorkRow): string =>
  r.next === "report" && r.taskId ? `/nhiem-vu?task=${r.taskId}` : `/van-ban/${r.documentId}`;

function WorkItem({ row, today }: { row: WorkRow; today: string }) {
  const late = !!row.due && row.due < today;
  return (
    <Card withBorder padding="xs" component="li" style={{ listStyle: "none" }}>
      <Group gap="xs" wrap="wrap" justify="space-between">
        <Group gap="xs" wrap="wrap" style={{ minWidth: 0, flex: 1 }}>
          {row.urgency && (
            <Badge color={URGENCY_COLOR[row.urgency]} variant="filled">
              {t.work.urgency[row.urgency]}
            </Badge>
          )}
          <Anchor component={Link} to={workLink(row)} fw={600} style={{ overflowWrap: "anywhere" }}>
            {row.reference ?? t.work.noReference}
          </Anchor>
        </Group>
        <Badge variant="light" color="blue">
          {t.work.next[row.next]}
        </Badge>
      </Group>
      <Text size="sm" mt={4} style={{ overflowWrap: "anywhere" }}>
        {row.subject ?? t.work.noSubject}
      </Text>
      <Group gap="md" mt={4} wrap="wrap">
        {row.due && (
          <Text size="xs" c={late ? "red.9" : "dimmed"} fw={late ? 700 : 400}>
            {t.work.due(viDate(row.due))}
            {late ? ` – ${t.work.late}` : ""}
          </Text>
        )}
        {row.from && (
          <Text size="xs" c="dimmed">
            {t.work.from(row.from)}
          </Text>
        )}
        {row.at && (
          <Text size="xs" c="dimmed">
            {viDateTime(row.at)}
          </Text>
        )}
      </Group>
    </Card>
  );
}

export function MyWorkGroups({ work }: { work: MyWork }) {
  const waiting = work.groups.filter((g) => g.count > 0);
  if (!waiting.length) return <Text c="dimmed">{t.work.everythingDone}</Text>;
  return (
    <Stack gap="lg">
      {waiting.map((g) => (
        <section key={g.group} aria-labelledby={`viec-${g.group}`} data-group={g.group}>
          <Group gap="xs" mb="xs">
            <Title order={2} size="h4" id={`viec-${g.group}`}>
              {t.work.groups[g.group]}
            </Title>
            <Badge color={g.group === "overdue" ? "red.9" : "gray.7"} circle={g.count < 10}>
              {g.count}
            </Badge>
          </Group>
          <Stack component="ul" gap={6} p={0} m={0}>
            {g.items.map((r) => (
              <WorkItem key={`${r.documentId}-${r.taskId ?? ""}`} row={r} today={work.today} />
            ))}
          </Stack>
          {g.count > g.items.length && (
            <Text size="xs" c="dimmed" mt={4}>
              {t.work.more(g.items.length, g.count)}
            </Text>
          )}
        </section>
      ))}
    </Stack>
  );
}
