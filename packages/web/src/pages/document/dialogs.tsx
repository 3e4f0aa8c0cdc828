/**
 * The document page's dialogs: issue (each Kính gửi and Nơi nhận line with its outcome, the
 * recipients confirmed, an unresolved line's agencies picked by hand or marked not delivered),
 * register (with urgency, deadline, who handles it at once, and the warning on duplicates with
 * "Đính kèm vào văn bản đã có"), return.
 */
import { useState } from "react";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  type ComboboxItem,
  type OptionsFilter,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { Link, useNavigate } from "react-router";
import { useDebouncedValue } from "@mantine/hooks";
import {
  URGENCIES,
  arrivalDateProblem,
  documentTypeChoices,
  foldKey,
  type Urgency,
} from "@vanthu/core";
import {
  api,
  useApi,
  type AgencyEntry,
  type DeliveryPlan,
  type DocumentDetail,
  type DocumentSignatures,
} from "../../api.ts";
import { ErrorAlert } from "../../components.tsx";
import { DateField, VietnameseDates } from "../../dates.tsx";
import { localIsoDay, viDate, viDateTime } from "../../format.ts";
import { useSubmit } from "../../hooks.ts";
import { t } from "../../i18n.ts";

/** The agencies to pick from by hand: every agency but the issuer, its place when its name lacks it. */
function agencyOptions(agencies: AgencyEntry[], issuerId: string) {
  return agencies
    .filter((a) => a.id !== issuerId)
    .map((a) => ({
      value: a.id,
      label:
        a.place && !foldKey(a.name).includes(foldKey(a.place)) ? `${a.name} (${a.place})` : a.name,
    }));
}

/** Found as typed, with or without diacritics ("ubnd lang son", "Sở Y tế"). */
const foldedFilter: OptionsFilter = ({ options, search, limit }) => {
  const words = foldKey(search).split(" ").filter(Boolean);
  const found: ComboboxItem[] = [];
  for (const o of options) {
    if (!("value" in o)) continue;
    const label = foldKey(o.label);
    if (words.every((w) => label.includes(w))) found.push(o);
    if (found.length >= limit) break;
  }
  return found;
};

type PlanLine = DeliveryPlan["lines"][number];

/** What the clerk decided for an unresolved line: agencies picked, or not delivered. */
interface LineChoice {
  picked: string[];
  declined: boolean;
}

export function IssueDialog({ doc, onClose }: { doc: DocumentDetail; onClose: () => void }) {
  const plan = useApi("GET /api/documents/:id/delivery-plan", { params: { id: doc.id } });
  const unresolvedInPlan = (plan.data?.unresolved.length ?? 0) > 0;
  const directory = useApi(unresolvedInPlan ? "GET /api/agencies" : null);
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const [choices, setChoices] = useState<Record<number, LineChoice>>({});
  const [picking, setPicking] = useState<number | null>(null);
  const { busy, error, run } = useSubmit();
  const p = plan.data;
  const options = directory.data ? agencyOptions(directory.data.items, doc.agencyId) : [];
  const nameOf = (id: string) =>
    p?.agencies[id]?.name ?? directory.data?.items.find((a) => a.id === id)?.name ?? id;
  const choiceOf = (i: number): LineChoice => choices[i] ?? { picked: [], declined: false };
  const decided = (i: number) => choiceOf(i).declined || choiceOf(i).picked.length > 0;
  const undecided = (p?.lines ?? []).filter((l, i) => l.outcome === "unresolved" && !decided(i));
  const setChoice = (i: number, choice: LineChoice) => setChoices({ ...choices, [i]: choice });
  const toggle = (id: string, keep: boolean) => {
    const next = new Set(dropped);
    if (keep) next.delete(id);
    else next.add(id);
    setDropped(next);
  };
  const issue = () =>
    run(
      () => {
        const deliverTo = (p?.recipients ?? [])
          .filter((r) => !dropped.has(r.agencyId))
          .map((r) => ({ agencyId: r.agencyId, kind: r.kind }));
        // Each unresolved line decided on: what was found of it and kept, and the agencies picked.
        const lines = (p?.lines ?? []).flatMap((l, i) => {
          if (l.outcome !== "unresolved" || !decided(i)) return [];
          const kept = l.matches.filter((id) => !dropped.has(id));
          const agencyIds = [...new Set([...kept, ...choiceOf(i).picked])];
          return [{ kind: l.kind, line: l.written, agencyIds }];
        });
        return api.call("POST /api/documents/:id/issue", {
          params: { id: doc.id },
          body: { deliverTo, lines },
        });
      },
      {
        success: (r) => t.document.issued(r.reference),
        then: (r) => {
          if (r.unresolved.length)
            notifications.show({
              color: "yellow",
              autoClose: false,
              message: t.document.issuedUnresolved(r.unresolved),
            });
          onClose();
        },
      },
    );
  const internalLabel = (l: PlanLine) =>
    l.internal === "as-above"
      ? t.document.internalAsAbove
      : l.internal === "archive"
        ? t.document.internalArchive
        : t.document.internalOwn;
  return (
    <Modal opened onClose={onClose} title={t.document.issueConfirm} size="lg">
      <Stack>
        <Text size="sm">{t.document.issueHelp}</Text>
        <ErrorAlert error={plan.error ?? directory.error ?? error} />
        {p && undecided.length > 0 && (
          <Alert color="orange" variant="light" data-testid="unresolved-lines">
            {t.document.unresolvedLines(undecided.length)}
          </Alert>
        )}
        {p && (
          <Stack gap={4}>
            {p.lines.map((line, i) => (
              <Paper
                key={i}
                withBorder
                p="xs"
                role="group"
                aria-label={line.written}
                bg={line.outcome === "internal" ? "gray.0" : undefined}
              >
                <Group gap="xs">
                  <Text size="sm" fw={600} c={line.outcome === "internal" ? "dimmed" : undefined}>
                    {line.written}
                  </Text>
                  {line.outcome !== "internal" && (
                    <Badge variant="light" color={line.kind === "action" ? "blue" : "gray"}>
                      {t.delivery[line.kind]}
                    </Badge>
                  )}
                  {line.group && <Badge color="yellow">{t.document.group}</Badge>}
                  {line.outcome === "internal" && (
                    <Badge variant="outline" color="gray">
                      {internalLabel(line)}
                    </Badge>
                  )}
                  {line.outcome === "unresolved" && (
                    <Badge color={decided(i) ? "teal" : "orange"}>
                      {decided(i) ? t.document.lineDecided : t.document.lineUnresolved}
                    </Badge>
                  )}
                </Group>
                {line.matches.map((id) => (
                  <Checkbox
                    key={id}
                    mt={4}
                    ml="md"
                    label={nameOf(id)}
                    checked={!dropped.has(id)}
                    onChange={(e) => toggle(id, e.currentTarget.checked)}
                  />
                ))}
                {line.outcome === "unresolved" && (
                  <Stack gap={4} mt={4} ml="md">
                    {line.matches.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t.document.notFound(line.unmatched.join("; "))}
                      </Text>
                    )}
                    <MultiSelect
                      label={t.document.pickAgencies}
                      placeholder={t.document.pickPlaceholder}
                      nothingFoundMessage={t.document.noAgencyFound}
                      data={options}
                      filter={foldedFilter}
                      searchable
                      clearable
                      hidePickedOptions
                      // Closed once an agency is picked: it would cover the lines below.
                      dropdownOpened={picking === i}
                      onDropdownOpen={() => setPicking(i)}
                      onDropdownClose={() => setPicking(null)}
                      onOptionSubmit={() => setPicking(null)}
                      disabled={choiceOf(i).declined || !directory.data}
                      value={choiceOf(i).picked}
                      onChange={(picked) => setChoice(i, { picked, declined: false })}
                    />
                    <Checkbox
                      label={t.document.notDelivered}
                      checked={choiceOf(i).declined}
                      onChange={(e) =>
                        setChoice(i, { picked: [], declined: e.currentTarget.checked })
                      }
                    />
                  </Stack>
                )}
              </Paper>
            ))}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button onClick={() => void issue()} loading={busy} disabled={!p || undecided.length > 0}>
            {t.document.issue}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function RegisterDialog({
  doc,
  signatures,
  onClose,
}: {
  doc: DocumentDetail;
  /** Its PDF's signatures: one changed after signing is registered once acknowledged. */
  signatures?: DocumentSignatures | null;
  onClose: () => void;
}) {
  const navigate = useNavigate();
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
  // Handling (issue #15): urgency (undefined: as read from the text), deadline (null: the
  // default), who handles it at once, and the duplicates the server finds for the fields typed.
  const [urgency, setUrgency] = useState<Urgency | "" | undefined>(undefined);
  const [dueOn, setDueOn] = useState<string | null>(null);
  const [route, setRoute] = useState<{ unit: string | null; user: string | null }>({
    unit: null,
    user: null,
  });
  const [confirmDuplicate, setConfirmDuplicate] = useState(false);
  // Changed after signing, or not checked: registered once the clerk says they know.
  const broken = signatures?.level === "broken" || signatures?.level === "unreadable";
  const [acknowledged, setAcknowledged] = useState(false);
  const [fields] = useDebouncedValue({ ...v, urgency }, 400);
  const check = useApi("GET /api/documents/:id/duplicates", {
    params: { id: doc.id },
    query: {
      ...(fields.reference.trim() ? { reference: fields.reference.trim() } : {}),
      ...(fields.issuer.trim() ? { issuer: fields.issuer.trim() } : {}),
      ...(fields.date ? { date: fields.date } : {}),
      ...(fields.typeCode ? { typeCode: fields.typeCode } : {}),
      ...(fields.urgency ? { urgency: fields.urgency } : {}),
      ...(fields.arrivedOn ? { arrivedOn: fields.arrivedOn } : {}),
    },
  });
  const people = useApi("GET /api/handling/people");
  const duplicates = check.data?.items ?? [];
  const shownUrgency = urgency === undefined ? (check.data?.urgency ?? "") : urgency;
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
  const attach = useSubmit();
  const submit = () =>
    run(
      () =>
        api.call("POST /api/documents/:id/register", {
          params: { id: doc.id },
          body: {
            // The type only when the clerk changed it: one read from the text stays as it is.
            ...Object.fromEntries(
              Object.entries(v).filter(
                ([k, x]) => x.trim() && (k !== "typeCode" || x !== (doc.typeCode ?? "")),
              ),
            ),
            ...(urgency !== undefined ? { urgency: urgency || null } : {}),
            ...(dueOn ? { dueOn } : {}),
            ...(route.unit ? { handlerUnitId: route.unit } : {}),
            ...(route.user ? { handlerUserId: route.user } : {}),
            ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
            ...(broken && acknowledged ? { acknowledgeSignature: true } : {}),
          },
        }),
      { success: (r) => t.document.registered(r.number), then: onClose },
    );
  const attachTo = (toId: string) =>
    attach.run(
      () => api.call("POST /api/documents/:id/attach", { params: { id: doc.id }, body: { toId } }),
      {
        success: () => t.handling.attachedDone,
        // Closed first: the page is reused for the record it goes to, and the dialog stayed open.
        then: () => {
          onClose();
          void navigate(`/van-ban/${toId}`);
        },
      },
    );
  const deadline = check.data?.deadline;
  const unitPeople = (people.data?.people ?? []).filter(
    (p) => !route.unit || p.unitId === route.unit,
  );
  return (
    <Modal opened onClose={onClose} title={t.document.register} size="lg">
      <Stack>
        <Text size="sm">{t.importPage.check}</Text>
        {broken && (
          <Alert
            color="red"
            title={t.signatures.level[signatures!.level]}
            data-testid="signature-warning"
          >
            <Stack gap="xs">
              {signatures!.problem && <Text size="sm">{signatures!.problem.message}</Text>}
              {signatures!.signatures
                .filter((s) => s.level === "broken")
                .map((s, i) => (
                  <Text key={i} size="sm">
                    {s.sentence}
                  </Text>
                ))}
              <Checkbox
                label={
                  signatures!.level === "broken"
                    ? t.signatures.acknowledge
                    : t.signatures.acknowledgeUnchecked
                }
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.currentTarget.checked)}
              />
            </Stack>
          </Alert>
        )}
        {duplicates.length > 0 && (
          <Alert color="orange" title={t.handling.duplicateTitle} data-testid="duplicate-warning">
            <Stack gap="xs">
              <Text size="sm">{t.handling.duplicateText}</Text>
              {duplicates.map((x) => (
                <Group key={x.id} gap="xs" justify="space-between">
                  <Text size="sm">
                    <Anchor component={Link} to={`/van-ban/${x.id}`} target="_blank">
                      {x.reference ?? x.subject}
                    </Anchor>{" "}
                    {[
                      x.number === null ? null : t.handling.incomingNumber(x.number),
                      x.registeredAt ? viDateTime(x.registeredAt) : null,
                      t.handling.duplicateWhy[x.why],
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                  <Button
                    size="xs"
                    variant="light"
                    loading={attach.busy}
                    onClick={() => void attachTo(x.id)}
                  >
                    {t.handling.attachTo}
                  </Button>
                </Group>
              ))}
              <Checkbox
                label={t.handling.registerAnyway}
                checked={confirmDuplicate}
                onChange={(e) => setConfirmDuplicate(e.currentTarget.checked)}
              />
              <ErrorAlert error={attach.error} />
            </Stack>
          </Alert>
        )}
        <TextInput
          label={t.fields.reference}
          value={v.reference}
          onChange={(e) => setV({ ...v, reference: e.currentTarget.value })}
        />
        <Group align="flex-start">
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
          <Select
            label={t.handling.urgency}
            data={[
              { value: "none", label: t.handling.noUrgency },
              ...URGENCIES.map((u) => ({ value: u, label: t.handling.urgencies[u] })),
            ]}
            value={shownUrgency || "none"}
            onChange={(u) => setUrgency(u && u !== "none" ? (u as Urgency) : "")}
            allowDeselect={false}
            w={180}
          />
        </Group>
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
            <DateField
              label={t.handling.due}
              value={dueOn ?? deadline?.dueOn ?? null}
              onChange={setDueOn}
            />
          </Group>
        </VietnameseDates>
        {deadline && !dueOn && (
          <Text size="xs" c="dimmed">
            {t.handling.defaultDue(
              viDate(deadline.dueOn),
              deadline.source === "printed"
                ? t.handling.printed
                : t.handling.rule(deadline.workingDays ?? 0),
            )}
          </Text>
        )}
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
        <Text size="sm" fw={600}>
          {t.handling.routeNow}
        </Text>
        <Group align="flex-start" grow>
          <Select
            label={t.handling.handlerUnit}
            data={(people.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={route.unit}
            onChange={(unit) => setRoute({ unit, user: null })}
            clearable
          />
          <Select
            label={t.handling.handlerUser}
            data={unitPeople.map((p) => ({ value: p.id, label: p.fullName }))}
            value={route.user}
            onChange={(user) => setRoute({ ...route, user })}
            searchable
            clearable
          />
        </Group>
        <ErrorAlert error={error ?? check.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button
            onClick={() => void submit()}
            loading={busy}
            disabled={
              !!problem || (duplicates.length > 0 && !confirmDuplicate) || (broken && !acknowledged)
            }
          >
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
