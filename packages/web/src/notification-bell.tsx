/**
 * The bell in the header: how many notifications the person has not read, the latest ones as
 * their catalogue renders them (`notice-text.ts`), each a link to its document (or its task);
 * opening one marks it read, and "mark all read" marks the rest.
 */
import { Link } from "react-router";
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import { api, queryClient, useApi } from "./api.ts";
import type { Notification } from "./api.ts";
import { viDateTime } from "./format.ts";
import { t } from "./i18n.ts";
import { noticeText } from "./notice-text.ts";

/** Where a notification leads: its document, else its task, else the tasks page. */
export function noticeLink(n: Pick<Notification, "documentId" | "taskId">): string {
  if (n.documentId) return `/van-ban/${n.documentId}`;
  return n.taskId ? `/nhiem-vu?task=${n.taskId}` : "/nhiem-vu";
}

async function markRead(ids?: string[]) {
  await api
    .call("POST /api/notifications/read", { body: ids ? { ids } : {} })
    .catch(() => undefined);
  await queryClient.invalidateQueries({ queryKey: ["/api/notifications"] });
}

export function NotificationBell() {
  const notifications = useApi("GET /api/notifications", undefined, { refetchInterval: 60_000 });
  const items = notifications.data?.items ?? [];
  const unread = notifications.data?.unread ?? 0;
  return (
    <Indicator disabled={!unread} label={unread} size={16}>
      <Popover position="bottom-end" width={340} shadow="md">
        <Popover.Target>
          <ActionIcon variant="subtle" aria-label={t.noticeWords.bell(unread)}>
            <svg
              aria-hidden
              width="20"
              height="20"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
              <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
            </svg>
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Group justify="space-between" mb="xs">
            <Text fw={600}>{t.nav.notifications}</Text>
            {unread > 0 && (
              <Button size="compact-xs" variant="subtle" onClick={() => void markRead()}>
                {t.nav.markAllRead}
              </Button>
            )}
          </Group>
          <ScrollArea.Autosize mah={360}>
            {items.slice(0, 30).map((n) => (
              <Anchor
                key={n.id}
                component={Link}
                to={noticeLink(n)}
                onClick={() => {
                  if (!n.readAt) void markRead([n.id]);
                }}
                display="block"
                c="inherit"
                underline="never"
                mb={8}
                data-notice={n.code ?? "message"}
              >
                <Text size="sm" fw={n.readAt ? 400 : 600}>
                  {!n.readAt && <VisuallyHidden>{t.noticeWords.unread}: </VisuallyHidden>}
                  {noticeText(t, n)}
                </Text>
                <Text size="xs" c="dimmed">
                  {viDateTime(n.createdAt)}
                </Text>
              </Anchor>
            ))}
            {!items.length && (
              <Text size="sm" c="dimmed">
                {t.home.nothing}
              </Text>
            )}
          </ScrollArea.Autosize>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
