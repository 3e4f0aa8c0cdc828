/**
 * The exchange with other systems on a document's page (issue 17): where a received package came
 * from and what in it differs from the attached document; the document it replaces; the recall notice and its answer; the
 * issuer's recall; and, on the deliveries tab, how each package to another system went.
 */
import { useState } from "react";
import { Link } from "react-router";
import { Alert, Anchor, Button, Group, Modal, Stack, Table, Text, Textarea } from "@mantine/core";
import { api, type Delivery, type OpenedDocument } from "../../api.ts";
import { ErrorAlert } from "../../components.tsx";
import { useSubmit } from "../../hooks.ts";
import { viDateTime } from "../../format.ts";
import { t } from "../../i18n.ts";

/** A received package: its sender, its DocumentId, and the parser's second opinion. */
export function ExchangePanel({ doc }: { doc: OpenedDocument }) {
  const x = doc.exchange;
  // A received replacement, or the issuer's own draft or document replacing one of its own.
  const replaces =
    doc.replaces ?? (doc.correctsId ? { id: doc.correctsId, kind: "replace" as const } : null);
  if (!x && !replaces) return null;
  return (
    <Stack gap="xs">
      {x?.fromOrganId && (
        <Text size="sm" data-testid="exchange-from">
          {t.exchange.receivedFrom(x.fromName ?? x.fromOrganId, x.fromOrganId)}
          {x.documentId && (
            <Text span c="dimmed" size="xs">
              {" "}
              · {t.exchange.documentId}: {x.documentId}
            </Text>
          )}
        </Text>
      )}
      {replaces && (
        <Text size="sm" data-testid="replaces">
          {t.exchange.replaces[replaces.kind]}{" "}
          <Anchor component={Link} to={`/van-ban/${replaces.id}`}>
            {t.exchange.replacedDocument}
          </Anchor>
        </Text>
      )}
      {!!x?.mismatches.length && (
        <Alert color="orange" title={t.exchange.mismatchTitle} data-testid="exchange-mismatches">
          <Text size="sm">{t.exchange.mismatchHelp}</Text>
          <Table mt="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t.exchange.inPackage}</Table.Th>
                <Table.Th>{t.exchange.inFile}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {x.mismatches.map((m, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{t.exchange.fieldNames[m.field] ?? m.field}</Table.Td>
                  <Table.Td>{m.package ?? "–"}</Table.Td>
                  <Table.Td>{m.parsed ?? "–"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}
    </Stack>
  );
}

/** A recalled copy: the notice, and the clerk's answer while it waits. */
export function RecallNotice({ doc }: { doc: OpenedDocument }) {
  const r = doc.recall;
  const [reason, setReason] = useState("");
  const { busy, error, run } = useSubmit();
  if (!r) return null;
  const answer = (accept: boolean) =>
    run(
      () =>
        api.call("POST /api/documents/:id/recall-answer", {
          params: { id: doc.id },
          body: { accept, ...(reason.trim() ? { reason: reason.trim() } : {}) },
        }),
      { success: () => (accept ? t.exchange.recallAccepted : t.exchange.recallRefused) },
    );
  if (!r.pending)
    return (
      <Alert color={r.status === "15" ? "red" : "gray"} data-testid="recall-notice">
        <Text size="sm">
          {t.exchange.recallStatus[r.status]}
          {r.reason ? ` – ${r.reason}` : ""}
          {r.answer ? ` (${r.answer})` : ""}
        </Text>
        {r.withdrawnAt && <Text size="sm">{t.exchange.withdrawn(viDateTime(r.withdrawnAt))}</Text>}
      </Alert>
    );
  return (
    <Alert color="red" title={t.exchange.recallNotice} data-testid="recall-notice">
      <Stack gap="xs">
        {r.reason && <Text size="sm">{r.reason}</Text>}
        <Text size="sm">{t.exchange.recallFrozen}</Text>
        {r.mayAnswer && (
          <>
            <Textarea
              label={t.exchange.answerReason}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <ErrorAlert error={error} />
            <Group>
              <Button color="red" loading={busy} onClick={() => void answer(true)}>
                {t.exchange.acceptRecall}
              </Button>
              <Button variant="default" loading={busy} onClick={() => void answer(false)}>
                {t.exchange.refuseRecall}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Alert>
  );
}

/** The issuer's recall of an issued document, with its reason. */
export function RecallDialog({ doc, onClose }: { doc: OpenedDocument; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const { busy, error, run } = useSubmit();
  const submit = () =>
    run(
      () =>
        api.call("POST /api/documents/:id/recall", {
          params: { id: doc.id },
          body: { reason: reason.trim() },
        }),
      { success: (r) => t.exchange.recalled(r.recipients), then: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={t.exchange.recallTitle}>
      <Stack>
        <Text size="sm">{t.exchange.recallHelp}</Text>
        <Textarea
          label={t.exchange.recallReason}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <ErrorAlert error={error} />
        <Button
          color="red"
          onClick={() => void submit()}
          loading={busy}
          disabled={reason.trim().length < 3}
        >
          {t.exchange.recall}
        </Button>
      </Stack>
    </Modal>
  );
}

/** On the deliveries tab: a package to another system, and a recall's answer. */
export function DeliveryExchange({ delivery }: { delivery: Delivery }) {
  const { busy, error, run } = useSubmit();
  const x = delivery.exchange;
  const r = delivery.recall;
  return (
    <>
      {x && (
        <Text size="xs" c={x.state === "failed" ? "red" : "dimmed"} data-testid="delivery-exchange">
          {t.exchange.tab} {x.organId}: {x.state ? t.exchange.state[x.state] : "–"}
          {x.state !== "sent" && x.errorCode ? ` (${x.errorCode})` : ""}
        </Text>
      )}
      {x?.state === "failed" && x.messageId && (
        <>
          {x.error && (
            <Text size="xs" c="red">
              {x.error}
            </Text>
          )}
          <Button
            size="compact-xs"
            variant="light"
            loading={busy}
            onClick={() =>
              void run(
                () =>
                  api.call("POST /api/exchange/messages/:id/retry", {
                    params: { id: x.messageId! },
                  }),
                { success: () => t.exchange.retried },
              )
            }
          >
            {t.exchange.retry}
          </Button>
          <ErrorAlert error={error} />
        </>
      )}
      {r && (
        <Text size="xs" c={r.status === "16" ? "orange" : "red"} data-testid="delivery-recall">
          {t.exchange.recallStatus[r.status]}
          {r.answer ? `: ${r.answer}` : ""}
        </Text>
      )}
    </>
  );
}
