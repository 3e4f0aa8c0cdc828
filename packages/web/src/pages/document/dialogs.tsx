/** The document page's dialogs: issue (with the recipients confirmed), register, return. */
import { useState } from "react";
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { api, useApi, type DocumentDetail } from "../../api.ts";
import { ErrorAlert } from "../../components.tsx";
import { DateField, VietnameseDates } from "../../dates.tsx";
import { useSubmit } from "../../hooks.ts";
import { t } from "../../i18n.ts";

export function IssueDialog({ doc, onClose }: { doc: DocumentDetail; onClose: () => void }) {
  const plan = useApi("GET /api/documents/:id/delivery-plan", { params: { id: doc.id } });
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const { busy, error, run } = useSubmit();
  const issue = () =>
    run(
      () => {
        const deliverTo = (plan.data?.recipients ?? [])
          .filter((r) => !dropped.has(r.agencyId))
          .map((r) => ({ agencyId: r.agencyId, kind: r.kind }));
        return api.call("POST /api/documents/:id/issue", {
          params: { id: doc.id },
          body: { deliverTo },
        });
      },
      { success: (r) => t.document.issued(r.reference), then: onClose },
    );
  const p = plan.data;
  return (
    <Modal opened onClose={onClose} title={t.document.issueConfirm} size="lg">
      <Stack>
        <Text size="sm">{t.document.issueHelp}</Text>
        <ErrorAlert error={plan.error ?? error} />
        {p && (
          <Stack gap={4}>
            {p.lines.map((line, i) => (
              <Paper key={i} withBorder p="xs">
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {line.text}
                  </Text>
                  <Badge variant="light" color={line.kind === "action" ? "blue" : "gray"}>
                    {t.delivery[line.kind]}
                  </Badge>
                  {line.group && <Badge color="yellow">{t.document.group}</Badge>}
                </Group>
                {line.matches.map((id) => (
                  <Checkbox
                    key={id}
                    mt={4}
                    ml="md"
                    label={p.agencies[id]?.name ?? id}
                    checked={!dropped.has(id)}
                    onChange={(e) => {
                      const next = new Set(dropped);
                      if (e.currentTarget.checked) next.delete(id);
                      else next.add(id);
                      setDropped(next);
                    }}
                  />
                ))}
              </Paper>
            ))}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button onClick={() => void issue()} loading={busy} disabled={!p}>
            {t.document.issue}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function RegisterDialog({ doc, onClose }: { doc: DocumentDetail; onClose: () => void }) {
  const [v, setV] = useState({
    reference: doc.reference ?? "",
    subject: doc.subject ?? "",
    issuer: doc.issuer ?? "",
    date: doc.date ?? "",
  });
  const { busy, error, run } = useSubmit();
  const submit = () =>
    run(
      () =>
        api.call("POST /api/documents/:id/register", {
          params: { id: doc.id },
          body: Object.fromEntries(Object.entries(v).filter(([, x]) => x.trim())),
        }),
      { success: (r) => t.document.registered(r.number), then: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={t.document.register} size="lg">
      <Stack>
        <Text size="sm">{t.importPage.check}</Text>
        <TextInput
          label={t.fields.reference}
          value={v.reference}
          onChange={(e) => setV({ ...v, reference: e.currentTarget.value })}
        />
        <VietnameseDates>
          <DateField
            label={t.fields.date}
            value={v.date || null}
            onChange={(date) => setV({ ...v, date: date ?? "" })}
          />
        </VietnameseDates>
        <TextInput
          label={t.fields.issuer}
          value={v.issuer}
          onChange={(e) => setV({ ...v, issuer: e.currentTarget.value })}
        />
        <Textarea
          label={t.fields.subject}
          autosize
          value={v.subject}
          onChange={(e) => setV({ ...v, subject: e.currentTarget.value })}
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button onClick={() => void submit()} loading={busy}>
            {t.document.register}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ReturnDialog({ doc, onClose }: { doc: DocumentDetail; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const { busy, error, run } = useSubmit();
  const submit = () =>
    run(
      () =>
        api.call("POST /api/documents/:id/return", { params: { id: doc.id }, body: { reason } }),
      { then: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={t.document.return}>
      <Stack>
        <Textarea
          label={t.document.returnReason}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <ErrorAlert error={error} />
        <Button color="orange" onClick={() => void submit()} loading={busy}>
          {t.document.return}
        </Button>
      </Stack>
    </Modal>
  );
}
