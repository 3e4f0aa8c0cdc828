/** The document page's dialogs: issue (with the recipients confirmed), register, return. */
import { useState } from "react";
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { arrivalDateProblem, documentTypeChoices } from "@vanthu/core";
import { api, useApi, type DocumentDetail } from "../../api.ts";
import { ErrorAlert } from "../../components.tsx";
import { DateField, VietnameseDates } from "../../dates.tsx";
import { localIsoDay } from "../../format.ts";
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
  // Today in Vietnam: the day it arrived, unless the clerk says an earlier one.
  const [today] = useState(() => localIsoDay(new Date().toISOString()));
  const [v, setV] = useState({
    reference: doc.reference ?? "",
    subject: doc.subject ?? "",
    issuer: doc.issuer ?? "",
    date: doc.date ?? "",
    typeCode: doc.typeCode ?? "",
    arrivedOn: today,
  });
  // The types core knows for the document's format (the server reads the code the same way);
  // a type read from the text that is not among them stays offered as read.
  const types = documentTypeChoices(doc.format).map((c) => ({ value: c.code, label: c.name }));
  if (doc.typeCode && !types.some((c) => c.value === doc.typeCode))
    types.unshift({ value: doc.typeCode, label: doc.typeName ?? doc.typeCode });
  // Checked as core checks it on the server, with the reason shown (a picker limited to a range
  // would drop a day typed outside it without a word).
  const problem = v.arrivedOn
    ? arrivalDateProblem(v.arrivedOn, { today, documentDate: v.date || null })
    : null;
  const arrivalError =
    problem === "ARRIVAL_IN_FUTURE"
      ? t.document.arrivalInFuture
      : problem === "ARRIVAL_BEFORE_DOCUMENT"
        ? t.document.arrivalBeforeDocument
        : null;
  const { busy, error, run } = useSubmit();
  const submit = () =>
    run(
      () =>
        api.call("POST /api/documents/:id/register", {
          params: { id: doc.id },
          // The type only when the clerk changed it: one read from the text stays as it is.
          body: Object.fromEntries(
            Object.entries(v).filter(
              ([k, x]) => x.trim() && (k !== "typeCode" || x !== (doc.typeCode ?? "")),
            ),
          ),
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
        <Select
          label={t.fields.type}
          data={types}
          value={v.typeCode || null}
          onChange={(code) => setV({ ...v, typeCode: code ?? "" })}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t.common.none}
          w={260}
        />
        <VietnameseDates>
          <Group align="flex-start">
            <DateField
              label={t.fields.date}
              value={v.date || null}
              onChange={(date) => setV({ ...v, date: date ?? "" })}
            />
            <DateField
              label={t.fields.arrivedOn}
              value={v.arrivedOn || null}
              required
              error={arrivalError}
              onChange={(date) => setV({ ...v, arrivedOn: date ?? today })}
            />
          </Group>
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
          <Button onClick={() => void submit()} loading={busy} disabled={!!problem}>
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
