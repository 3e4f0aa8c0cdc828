/**
 * The exchange log (issue 17): every edXML package the agency sent or received, newest first,
 * with its state and, for one that could not be sent, the reason and a retry.
 */
import { useState } from "react";
import { Link } from "react-router";
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { api, useApi, type ExchangeMessage } from "../api.ts";
import { ErrorAlert, PageTitle } from "../components.tsx";
import { useSubmit } from "../hooks.ts";
import { viDateTime } from "../format.ts";
import { t } from "../i18n.ts";

const STATE_COLOR: Record<ExchangeMessage["state"], string> = {
  pending: "yellow",
  sent: "green",
  failed: "red",
  received: "blue",
  refused: "orange",
};

function what(m: ExchangeMessage): string {
  if (m.kind === "status") return t.exchange.statusPackage(m.statusCode ?? "?");
  return t.exchange.business[m.businessType ?? 0] ?? t.exchange.business[0]!;
}

export default function ExchangeLog() {
  const [direction, setDirection] = useState<"all" | "out" | "in">("all");
  const log = useApi(
    "GET /api/exchange/messages",
    { query: direction === "all" ? {} : { direction } },
    { refetchInterval: 5000 },
  );
  const retry = useSubmit();
  return (
    <Stack>
      <PageTitle>{t.exchange.log}</PageTitle>
      <Text size="sm" c="dimmed">
        {t.exchange.logHelp}
      </Text>
      <Group>
        <SegmentedControl
          value={direction}
          onChange={(v) => setDirection(v as typeof direction)}
          data={[
            { value: "all", label: t.exchange.all },
            { value: "out", label: t.exchange.direction.out },
            { value: "in", label: t.exchange.direction.in },
          ]}
        />
      </Group>
      <ErrorAlert error={log.error ?? retry.error} />
      {log.data && !log.data.items.length && <Text c="dimmed">{t.exchange.empty}</Text>}
      {!!log.data?.items.length && (
        <Table.ScrollContainer minWidth={760}>
          <Table data-testid="exchange-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.exchange.when}</Table.Th>
                <Table.Th>{t.exchange.what}</Table.Th>
                <Table.Th>{t.exchange.peer}</Table.Th>
                <Table.Th>{t.fields.subject}</Table.Th>
                <Table.Th miw={140}>{t.fields.status}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Text size="sm">{viDateTime(m.sentAt ?? m.createdAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {t.exchange.direction[m.direction]}
                    </Text>
                  </Table.Td>
                  <Table.Td>{what(m)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.peerName ?? m.peerOrganId}</Text>
                    <Text size="xs" c="dimmed">
                      {m.peerOrganId}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {m.documentId ? (
                      <Anchor component={Link} to={`/van-ban/${m.documentId}`} size="sm">
                        {m.reference ?? ""} {m.subject ?? m.exchangeDocumentId}
                      </Anchor>
                    ) : (
                      <Text size="sm">{m.exchangeDocumentId ?? "–"}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLOR[m.state]} variant="light">
                      {t.exchange.state[m.state]}
                    </Badge>
                    {m.direction === "out" && m.attempts > 1 && (
                      <Text size="xs" c="dimmed">
                        {t.exchange.attempts(m.attempts)}
                      </Text>
                    )}
                    {m.errorCode && m.state !== "sent" && (
                      <Text size="xs" c="red">
                        {m.errorCode}
                        {m.error ? `: ${m.error}` : ""}
                      </Text>
                    )}
                    {m.state === "pending" && m.nextAttemptAt && m.attempts > 0 && (
                      <Text size="xs" c="dimmed">
                        {t.exchange.nextAttempt}: {viDateTime(m.nextAttemptAt)}
                      </Text>
                    )}
                    {m.state === "failed" && m.direction === "out" && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        mt={4}
                        loading={retry.busy}
                        onClick={() =>
                          void retry.run(
                            () =>
                              api.call("POST /api/exchange/messages/:id/retry", {
                                params: { id: m.id },
                              }),
                            { success: () => t.exchange.retried },
                          )
                        }
                      >
                        {t.exchange.retry}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
