/**
 * The page the app opens on: Việc của tôi (what waits for me, `my-work.tsx`: for a clerk the
 * approved drafts to number and issue among the rest) and my latest notifications.
 */
import { Link } from "react-router";
import { Anchor, Loader, Stack, Text, Title } from "@mantine/core";
import { useApi } from "../api.ts";
import { ErrorAlert, PageTitle } from "../components.tsx";
import { viDateTime } from "../format.ts";
import { t } from "../i18n.ts";
import { useMe } from "../session.ts";
import { noticeText } from "../notice-text.ts";
import { noticeLink } from "../notification-bell.tsx";
import { MyWorkGroups } from "./my-work.tsx";

export default function Home() {
  const me = useMe().data!;
  const work = useApi("GET /api/my-work");
  const notes = useApi("GET /api/notifications");

  return (
    <Stack>
      <PageTitle>{t.home.hello(me.user.fullName)}</PageTitle>
      <ErrorAlert error={work.error} />
      <section aria-labelledby="viec-cua-toi">
        <Title order={2} size="h3" id="viec-cua-toi" mb="sm">
          {t.work.title}
        </Title>
        {work.data ? (
          <MyWorkGroups work={work.data} />
        ) : (
          !work.error && <Loader size="sm" role="status" aria-label={t.common.loading} />
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
                <Anchor component={Link} to={noticeLink(n)}>
                  {noticeText(t, n)}
                </Anchor>
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
