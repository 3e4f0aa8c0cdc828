/** What needs me: incoming to register, drafts to issue, tasks to report, overdue, reminders. */
import { Link } from "react-router";
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useApi } from "../api.ts";
import { DocumentTable, ErrorAlert, PageTitle } from "../components.tsx";
import { viDateTime } from "../format.ts";
import { t } from "../i18n.ts";
import { can, useMe } from "../session.ts";

function Tile({
  label,
  value,
  to,
  color,
}: {
  label: string;
  value: number | undefined;
  to: string;
  color: string;
}) {
  return (
    <Card withBorder component={Link} to={to} aria-label={`${label}: ${value ?? "…"}`}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="2rem" fw={700} c={value ? color : "dimmed"}>
        {value ?? "…"}
      </Text>
    </Card>
  );
}

export default function Home() {
  const me = useMe().data!;
  const incoming = useApi("GET /api/documents", {
    query: { box: "incoming", status: "draft", pageSize: 10 },
  });
  const drafts = useApi("GET /api/documents", { query: { box: "drafts", pageSize: 10 } });
  const tasks = useApi("GET /api/tasks");
  const notes = useApi("GET /api/notifications");
  const toRegister = incoming.data?.items ?? [];
  const openTasks = (tasks.data?.items ?? []).filter((i) => i.overdue.length || !i.reported.length);

  return (
    <Stack>
      <PageTitle>{t.home.hello(me.user.fullName)}</PageTitle>
      <ErrorAlert error={incoming.error ?? drafts.error ?? tasks.error} />
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Tile
          label={t.home.toRegister}
          value={incoming.data?.total}
          to="/van-ban-den?status=draft"
          color="orange.9"
        />
        <Tile label={t.home.toIssue} value={drafts.data?.total} to="/du-thao" color="blue.8" />
        <Tile
          label={t.home.toReport}
          value={tasks.data ? openTasks.length : undefined}
          to="/nhiem-vu"
          color="grape.9"
        />
        <Tile label={t.home.overdue} value={tasks.data?.overdue} to="/nhiem-vu" color="red.9" />
      </SimpleGrid>
      {can(me, "clerk") && (
        <section>
          <Title order={2} size="h4" mb="xs">
            {t.home.toRegister}
          </Title>
          <DocumentTable items={toRegister} empty={t.home.nothing} />
        </section>
      )}
      {can(me, "leader", "clerk") && (
        <section>
          <Title order={2} size="h4" mb="xs">
            {t.home.toIssue}
          </Title>
          <DocumentTable items={drafts.data?.items ?? []} empty={t.home.nothing} />
        </section>
      )}
      <section>
        <Title order={2} size="h4" mb="xs">
          {t.home.toReport}
        </Title>
        {openTasks.length ? (
          <Stack gap="xs">
            {openTasks.slice(0, 8).map((i) => (
              <Group key={i.taskId} gap="xs">
                {i.overdue.length > 0 && <Badge color="red">{t.tasks.overdue}</Badge>}
                <Anchor component={Link} to={`/nhiem-vu?task=${i.taskId}`}>
                  {i.document.reference} – {t.tasks.item} {i.label}: {i.title}
                </Anchor>
              </Group>
            ))}
          </Stack>
        ) : (
          <Text c="dimmed">{t.home.nothing}</Text>
        )}
      </section>
      <section>
        <Title order={2} size="h4" mb="xs">
          {t.home.notifications}
        </Title>
        {notes.data?.items.length ? (
          <Stack gap={4}>
            {notes.data.items.slice(0, 6).map((n) => (
              <Text key={n.id} size="sm">
                <Text span c="dimmed">
                  {viDateTime(n.createdAt)}
                </Text>{" "}
                {n.message}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text c="dimmed">{t.home.nothing}</Text>
        )}
      </section>
    </Stack>
  );
}
