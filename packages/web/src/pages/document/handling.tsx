/**
 * A received document's handling on its page (issue #15, item 4): the buttons the server allows
 * (`can`: Trình lãnh đạo, Bút phê, Chuyển/Phân công, Bắt đầu xử lý, Trả lời, Hoàn thành, Nhắc
 * nhở/Phê bình, Chuyển tiếp) with their dialogs, and the "Xử lý" tab: deadline and lateness, the
 * instructions, the units and people as a tree, notes and files, reminders, replies, forwards.
 */
import { useState } from "react";
import { Link } from "react-router";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Modal,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { REMINDER_KINDS, foldKey, type ReminderKind } from "@vanthu/core";
import {
  api,
  urlOf,
  useApi,
  type HandlerEntry,
  type HandlingPeople,
  type HandlingView,
  type OpenedDocument,
} from "../../api.ts";
import { ErrorAlert } from "../../components.tsx";
import { NewDraftDialog } from "./new-draft-dialog.tsx";
import { DateField, VietnameseDates } from "../../dates.tsx";
import { viDate, viDateTime } from "../../format.ts";
import { useSubmit } from "../../hooks.ts";
import { t } from "../../i18n.ts";
import { useMe } from "../../session.ts";

type Dialog = "present" | "instruct" | "assign" | "reply" | "done" | "remind" | "forward";

const unitOptions = (people: HandlingPeople | undefined) =>
  (people?.units ?? []).map((u) => ({ value: u.id, label: u.name }));
const personLabel = (p: { fullName: string; title: string | null }) =>
  p.title && !p.fullName.startsWith(p.title) ? `${p.fullName} (${p.title})` : p.fullName;

/** Whether the handling of a document is shown: a registered received record of the reader's. */
export function handlingShown(doc: OpenedDocument, agencyId: string): boolean {
  return doc.agencyId === agencyId && doc.direction === "incoming" && doc.status === "registered";
}

/** The buttons of the handling steps the reader may take now, and their dialogs. */
export function HandlingActions({ doc }: { doc: OpenedDocument }) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const can = doc.can;
  const close = () => setDialog(null);
  const handling = useApi(can.handle ? "GET /api/documents/:id/handling" : null, {
    params: { id: doc.id },
  });
  const notStarted = can.handle && handling.data?.step === "assigned";
  const button = (key: Dialog, label: string, variant = "light", color?: string) => (
    <Button variant={variant} color={color} onClick={() => setDialog(key)}>
      {label}
    </Button>
  );
  return (
    <>
      {can.present && button("present", t.handling.present)}
      {can.instruct &&
        button(
          "instruct",
          can.instructOnPaper ? t.handling.instructPaper : t.handling.instruct,
          "filled",
        )}
      {can.assign && button("assign", t.handling.assign, "filled")}
      {notStarted && <StartButton doc={doc} />}
      {can.handle && button("reply", t.handling.reply)}
      {can.done && button("done", t.handling.done, "filled", "teal")}
      {can.remind && button("remind", t.handling.remind, "light", "orange")}
      {can.forwardOut && button("forward", t.handling.forward, "default")}
      {dialog === "present" && <PresentDialog doc={doc} onClose={close} />}
      {dialog === "instruct" && <InstructDialog doc={doc} onClose={close} />}
      {dialog === "assign" && <AssignDialog doc={doc} onClose={close} />}
      {dialog === "done" && <DoneDialog doc={doc} onClose={close} />}
      {dialog === "remind" && <RemindDialog doc={doc} onClose={close} />}
      {dialog === "forward" && <ForwardDialog doc={doc} onClose={close} />}
      {dialog === "reply" && (
        <NewDraftDialog
          title={t.handling.reply}
          text={t.handling.replyText}
          confirm={t.handling.replyConfirm}
          onClose={close}
          create={() => api.call("POST /api/documents/:id/reply", { params: { id: doc.id } })}
        />
      )}
    </>
  );
}

function StartButton({ doc }: { doc: OpenedDocument }) {
  const { busy, error, run } = useSubmit();
  return (
    <>
      <Button
        variant="light"
        loading={busy}
        onClick={() =>
          void run(
            () =>
              api.call("POST /api/documents/:id/handling/progress", {
                params: { id: doc.id },
                body: {},
              }),
            { success: () => t.handling.started },
          )
        }
      >
        {t.handling.start}
      </Button>
      {error !== null && <ErrorAlert error={error} />}
    </>
  );
}

/** A dialog's frame: its fields, the error, cancel and the action. */
function StepDialog(props: {
  title: string;
  help?: string;
  busy: boolean;
  error: unknown;
  confirm: string;
  disabled?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children: React.ReactNode;
}) {
  return (
    <Modal opened onClose={props.onClose} title={props.title} size="lg">
      <Stack>
        {props.help && <Text size="sm">{props.help}</Text>}
        {props.children}
        <ErrorAlert error={props.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t.common.cancel}
          </Button>
          <Button loading={props.busy} disabled={props.disabled} onClick={props.onConfirm}>
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PresentDialog({ doc, onClose }: { doc: OpenedDocument; onClose: () => void }) {
  const people = useApi("GET /api/handling/people");
  const [leaderId, setLeaderId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const { busy, error, run } = useSubmit();
  const leaders = (people.data?.people ?? [])
    .filter((p) => p.leader)
    .map((p) => ({ value: p.id, label: personLabel(p) }));
  return (
    <StepDialog
      title={t.handling.present}
      busy={busy}
      error={error ?? people.error}
      confirm={t.handling.present}
      disabled={!leaderId}
      onClose={onClose}
      onConfirm={() =>
        void run(
          () =>
            api.call("POST /api/documents/:id/present", {
              params: { id: doc.id },
              body: { leaderId: leaderId!, ...(note.trim() ? { note: note.trim() } : {}) },
            }),
          { success: () => t.handling.presented, then: onClose },
        )
      }
    >
      <Select
        label={t.handling.leader}
        data={leaders}
        value={leaderId}
        onChange={setLeaderId}
        required
      />
      <Textarea
        label={t.handling.note}
        autosize
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </StepDialog>
  );
}

function InstructDialog({ doc, onClose }: { doc: OpenedDocument; onClose: () => void }) {
  const people = useApi("GET /api/handling/people");
  const handling = useApi("GET /api/documents/:id/handling", { params: { id: doc.id } });
  const [v, setV] = useState({
    text: "",
    lead: null as string | null,
    cooperate: [] as string[],
    inform: [] as string[],
    dueOn: null as string | null,
    givenBy: null as string | null,
  });
  const { busy, error, run } = useSubmit();
  const units = unitOptions(people.data);
  const without = (ids: Array<string | null>) => units.filter((u) => !ids.includes(u.value));
  const leaders = (people.data?.people ?? [])
    .filter((p) => p.leader)
    .map((p) => ({ value: p.id, label: personLabel(p) }));
  const h = handling.data;
  const fallback = h?.dueOn ?? h?.defaultDeadline?.dueOn ?? null;
  const paper = doc.can.instructOnPaper;
  return (
    <StepDialog
      title={paper ? t.handling.instructPaper : t.handling.instruct}
      help={paper ? t.handling.paperHelp : t.handling.instructHelp}
      busy={busy}
      error={error ?? people.error}
      confirm={t.handling.instruct}
      disabled={!v.text.trim() || !v.lead || (paper && !v.givenBy)}
      onClose={onClose}
      onConfirm={() =>
        void run(
          () =>
            api.call("POST /api/documents/:id/instructions", {
              params: { id: doc.id },
              body: {
                text: v.text.trim(),
                lead: v.lead!,
                cooperate: v.cooperate,
                inform: v.inform,
                ...(v.dueOn ? { dueOn: v.dueOn } : {}),
                ...(paper && v.givenBy ? { givenBy: v.givenBy } : {}),
              },
            }),
          { success: () => t.handling.instructed, then: onClose },
        )
      }
    >
      {paper && (
        <Select
          label={t.handling.givenBy}
          data={leaders}
          value={v.givenBy}
          onChange={(givenBy) => setV({ ...v, givenBy })}
          required
        />
      )}
      <Textarea
        label={t.handling.text}
        autosize
        minRows={3}
        required
        value={v.text}
        onChange={(e) => setV({ ...v, text: e.currentTarget.value })}
      />
      <Select
        label={t.handling.lead}
        data={without([...v.cooperate, ...v.inform])}
        value={v.lead}
        onChange={(lead) => setV({ ...v, lead })}
        searchable
        required
      />
      <MultiSelect
        label={t.handling.cooperate}
        data={without([v.lead, ...v.inform])}
        value={v.cooperate}
        onChange={(cooperate) => setV({ ...v, cooperate })}
        searchable
      />
      <MultiSelect
        label={t.handling.inform}
        data={without([v.lead, ...v.cooperate])}
        value={v.inform}
        onChange={(inform) => setV({ ...v, inform })}
        searchable
      />
      <VietnameseDates>
        <DateField
          label={t.handling.due}
          value={v.dueOn ?? fallback}
          onChange={(dueOn) => setV({ ...v, dueOn })}
        />
      </VietnameseDates>
      {h?.defaultDeadline && (
        <Text size="xs" c="dimmed">
          {t.handling.defaultDue(viDate(h.defaultDeadline.dueOn), deadlineWhy(h.defaultDeadline))}
        </Text>
      )}
    </StepDialog>
  );
}

const deadlineWhy = (d: NonNullable<HandlingView["defaultDeadline"]>) =>
  d.source === "printed" ? t.handling.printed : t.handling.rule(d.workingDays ?? 0);

/** The unit a row's work is in: its own, or the nearest unit above it. */
function unitOfRow(rows: HandlerEntry[], row: HandlerEntry): string | null {
  let r: HandlerEntry | undefined = row;
  for (let i = 0; i < 50 && r; i++) {
    if (r.unit) return r.unit.id;
    r = rows.find((x) => x.id === r!.parentId);
  }
  return null;
}

function AssignDialog({ doc, onClose }: { doc: OpenedDocument; onClose: () => void }) {
  const me = useMe().data!;
  const people = useApi("GET /api/handling/people");
  const handling = useApi("GET /api/documents/:id/handling", { params: { id: doc.id } });
  const rows = handling.data?.handlers ?? [];
  const self = people.data?.people.find((p) => p.id === me.user.userId);
  // The rows it can be passed on from: the reader's own, or their unit's as its head, with
  // nobody under them yet (the server decides; this only offers them).
  const from = rows.filter(
    (r) =>
      r.role !== "inform" &&
      r.status !== "done" &&
      !rows.some((c) => c.parentId === r.id) &&
      (r.user ? r.user.id === me.user.userId : !!self?.unitHead && r.unit?.id === self.unitId),
  );
  const [fromId, setFromId] = useState<string | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const { busy, error, run } = useSubmit();
  const row = from.find((r) => r.id === fromId) ?? from[0];
  const unitId = row ? unitOfRow(rows, row) : null;
  const persons = (people.data?.people ?? [])
    .filter((p) => p.unitId === unitId && p.id !== row?.user?.id && p.id !== me.user.userId)
    .map((p) => ({ value: p.id, label: personLabel(p) }));
  const rowLabel = (r: HandlerEntry) =>
    `${t.handling.roles[r.role]}: ${r.user ? personLabel(r.user) : (r.unit?.name ?? "")}`;
  return (
    <StepDialog
      title={t.handling.assign}
      busy={busy}
      error={error ?? people.error ?? handling.error}
      confirm={t.handling.assign}
      disabled={!row || !userId}
      onClose={onClose}
      onConfirm={() =>
        void run(
          () =>
            api.call("POST /api/documents/:id/assignments", {
              params: { id: doc.id },
              body: {
                handlerId: row!.id,
                userId: userId!,
                ...(dueOn ? { dueOn } : {}),
                ...(note.trim() ? { note: note.trim() } : {}),
              },
            }),
          { success: () => t.handling.assigned, then: onClose },
        )
      }
    >
      {from.length > 1 && (
        <Select
          label={t.handling.assignFrom}
          data={from.map((r) => ({ value: r.id, label: rowLabel(r) }))}
          value={row?.id ?? null}
          onChange={setFromId}
          allowDeselect={false}
        />
      )}
      <Select
        label={t.handling.person}
        data={persons}
        value={userId}
        onChange={setUserId}
        searchable
        required
      />
      <VietnameseDates>
        <DateField label={t.handling.due} value={dueOn ?? row?.dueOn ?? null} onChange={setDueOn} />
      </VietnameseDates>
      <Textarea
        label={t.handling.note}
        autosize
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </StepDialog>
  );
}

function DoneDialog({ doc, onClose }: { doc: OpenedDocument; onClose: () => void }) {
  const [result, setResult] = useState("");
  const { busy, error, run } = useSubmit();
  return (
    <StepDialog
      title={t.handling.done}
      busy={busy}
      error={error}
      confirm={t.handling.done}
      disabled={!result.trim()}
      onClose={onClose}
      onConfirm={() =>
        void run(
          () =>
            api.call("POST /api/documents/:id/handling/done", {
              params: { id: doc.id },
              body: { result: result.trim() },
            }),
          { success: () => t.handling.finished, then: onClose },
        )
      }
    >
      <Textarea
        label={t.handling.result}
        autosize
        minRows={3}
        required
        value={result}
        onChange={(e) => setResult(e.currentTarget.value)}
      />
    </StepDialog>
  );
}

function RemindDialog({ doc, onClose }: { doc: OpenedDocument; onClose: () => void }) {
  const handling = useApi("GET /api/documents/:id/handling", { params: { id: doc.id } });
  const [kind, setKind] = useState<ReminderKind>("nhac-nho");
  const [handlerId, setHandlerId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const { busy, error, run } = useSubmit();
  const rows = (handling.data?.handlers ?? []).filter(
    (h) => h.status !== "done" && h.role !== "inform",
  );
  return (
    <StepDialog
      title={t.handling.remind}
      busy={busy}
      error={error ?? handling.error}
      confirm={t.handling.kinds[kind]}
      onClose={onClose}
      onConfirm={() =>
        void run(
          () =>
            api.call("POST /api/documents/:id/reminders", {
              params: { id: doc.id },
              body: {
                kind,
                ...(handlerId ? { handlerId } : {}),
                ...(note.trim() ? { note: note.trim() } : {}),
              },
            }),
          { success: (r) => t.handling.reminded(r.reminded), then: onClose },
        )
      }
    >
      <SegmentedControl
        aria-label={t.handling.kind}
        value={kind}
        onChange={(k) => setKind(k as ReminderKind)}
        data={REMINDER_KINDS.map((k) => ({ value: k, label: t.handling.kinds[k] }))}
      />
      <Select
        label={t.handling.person}
        placeholder={t.handling.allHandlers}
        data={rows.map((h) => ({
          value: h.id,
          label: `${t.handling.roles[h.role]}: ${h.user ? personLabel(h.user) : (h.unit?.name ?? "")}`,
        }))}
        value={handlerId}
        onChange={setHandlerId}
        clearable
      />
      <Textarea
        label={t.handling.note}
        autosize
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </StepDialog>
  );
}

function ForwardDialog({ doc, onClose }: { doc: OpenedDocument; onClose: () => void }) {
  const agencies = useApi("GET /api/agencies");
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const { busy, error, run } = useSubmit();
  const options = (agencies.data?.items ?? [])
    .filter((a) => a.id !== doc.agencyId)
    .map((a) => ({
      value: a.id,
      label: a.place && !a.name.includes(a.place) ? `${a.name} (${a.place})` : a.name,
    }));
  return (
    <StepDialog
      title={t.handling.forward}
      help={t.handling.forwardHelp}
      busy={busy}
      error={error ?? agencies.error}
      confirm={t.handling.forward}
      disabled={!agencyId || !note.trim()}
      onClose={onClose}
      onConfirm={() =>
        void run(
          () =>
            api.call("POST /api/documents/:id/forward", {
              params: { id: doc.id },
              body: { agencyId: agencyId!, note: note.trim() },
            }),
          { success: (r) => t.handling.forwarded(r.agency.name), then: onClose },
        )
      }
    >
      <Select
        label={t.handling.agency}
        data={options}
        value={agencyId}
        onChange={setAgencyId}
        searchable
        filter={({ options: all, search }) => {
          const words = foldKey(search).split(" ").filter(Boolean);
          return all.filter(
            (o) => "label" in o && words.every((w) => foldKey(o.label).includes(w)),
          );
        }}
        required
      />
      <Textarea
        label={t.handling.note}
        autosize
        required
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </StepDialog>
  );
}

/** One handler and those under it. */
function HandlerTree({ rows, parent }: { rows: HandlerEntry[]; parent: string | null }) {
  const level = rows.filter((r) => r.parentId === parent);
  if (!level.length) return null;
  return (
    <ul
      style={{
        margin: 0,
        paddingInlineStart: parent ? 20 : 0,
        listStyle: parent ? "disc" : "none",
      }}
    >
      {level.map((r) => (
        <li key={r.id}>
          <Group gap={6} wrap="wrap">
            <Badge
              variant="light"
              color={r.role === "lead" ? "blue" : r.role === "cooperate" ? "grape" : "gray"}
            >
              {t.handling.roles[r.role]}
            </Badge>
            <Text size="sm" fw={600}>
              {r.user ? personLabel(r.user) : r.unit?.name}
            </Text>
            <Badge
              variant="outline"
              color={r.status === "done" ? "teal" : r.status === "in-progress" ? "blue" : "gray"}
            >
              {t.handling.statuses[r.status]}
            </Badge>
            {r.dueOn && (
              <Text size="xs" c={r.overdue ? "red.9" : "dimmed"}>
                {r.overdue ? t.handling.overdueToday + " · " : ""}
                {t.handling.dueOn(viDate(r.dueOn))}
              </Text>
            )}
          </Group>
          {r.assignedBy && (
            <Text size="xs" c="dimmed">
              {t.handling.assignedBy(r.assignedBy.fullName, viDateTime(r.assignedAt))}
            </Text>
          )}
          {r.result && <Text size="sm">{t.handling.result_(r.result)}</Text>}
          <HandlerTree rows={rows} parent={r.id} />
        </li>
      ))}
    </ul>
  );
}

function NoteBox({ doc }: { doc: OpenedDocument }) {
  const [text, setText] = useState("");
  const { busy, error, run } = useSubmit();
  return (
    <Stack gap="xs" className="no-print">
      <Textarea
        label={t.handling.addNote}
        autosize
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Group gap="xs">
        <Button
          size="sm"
          disabled={!text.trim()}
          loading={busy}
          onClick={() =>
            void run(
              () =>
                api.call("POST /api/documents/:id/handling/notes", {
                  params: { id: doc.id },
                  body: { text: text.trim() },
                }),
              { success: () => t.handling.noteAdded, then: () => setText("") },
            )
          }
        >
          {t.handling.addNote}
        </Button>
        <FileButton
          onChange={(file) =>
            file &&
            void run(
              () =>
                api.upload("POST /api/documents/:id/handling/files", file, {
                  params: { id: doc.id },
                }),
              { success: () => t.handling.noteAdded },
            )
          }
        >
          {(props) => (
            <Button size="sm" variant="default" {...props}>
              {t.handling.addFile}
            </Button>
          )}
        </FileButton>
      </Group>
      <ErrorAlert error={error} />
    </Stack>
  );
}

/** The "Xử lý" tab. */
export function HandlingPanel({ doc }: { doc: OpenedDocument }) {
  const handling = useApi("GET /api/documents/:id/handling", { params: { id: doc.id } });
  const h = handling.data;
  if (handling.error) return <ErrorAlert error={handling.error} />;
  if (!h) return <Text>{t.common.loading}</Text>;
  const section = (title: string, children: React.ReactNode) => (
    <Stack gap={4}>
      <Title order={2} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
  const none = (
    <Text size="sm" c="dimmed">
      {t.common.none}
    </Text>
  );
  return (
    <Stack>
      <Group gap="xs">
        <Badge color={h.step === "done" ? "teal" : "blue"}>
          {t.handling.steps[h.step ?? "none"]}
        </Badge>
        {h.urgency && <Badge color="red">{t.handling.urgencies[h.urgency]}</Badge>}
        <Text size="sm">{h.dueOn ? t.handling.dueOn(viDate(h.dueOn)) : t.handling.noDue}</Text>
        {h.overdue && (
          <Badge color="red" variant="outline">
            {t.handling.overdue(h.daysLate)}
          </Badge>
        )}
      </Group>
      {h.presented && (
        <Text size="sm">
          {t.handling.presentedTo(h.presented.to.fullName, viDateTime(h.presented.at))}
        </Text>
      )}
      {h.attachedTo && (
        <Alert color="gray">
          {t.handling.attachedTo}{" "}
          <Anchor component={Link} to={`/van-ban/${h.attachedTo.id}`}>
            {h.attachedTo.reference}
          </Anchor>
        </Alert>
      )}
      {section(
        t.handling.instructions,
        h.instructions.length
          ? h.instructions.map((i) => (
              <Paper key={i.id} withBorder p="xs">
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {i.text}
                </Text>
                <Text size="xs" c="dimmed">
                  {[
                    personLabel(i.givenBy),
                    i.onBehalfOf ? t.handling.onBehalfOf(i.onBehalfOf.fullName) : null,
                    i.onPaper ? t.handling.onPaper : null,
                    i.onPaper ? t.handling.enteredBy(i.enteredBy.fullName) : null,
                    viDateTime(i.at),
                    i.dueOn ? t.handling.dueOn(viDate(i.dueOn)) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
              </Paper>
            ))
          : none,
      )}
      {section(
        t.handling.handlers,
        h.handlers.length ? <HandlerTree rows={h.handlers} parent={null} /> : none,
      )}
      {section(
        t.handling.notes,
        <>
          {h.notes.length
            ? h.notes.map((n) => (
                <Text key={n.id} size="sm">
                  <Text span size="xs" c="dimmed">
                    {viDateTime(n.at)} · {n.author.fullName}:{" "}
                  </Text>
                  {n.fileName ? (
                    <Anchor
                      href={urlOf("GET /api/documents/:id/handling/files/:noteId", {
                        params: { id: doc.id, noteId: n.id },
                      })}
                    >
                      {n.fileName}
                    </Anchor>
                  ) : (
                    n.text
                  )}
                </Text>
              ))
            : none}
          {doc.can.handle && <NoteBox doc={doc} />}
        </>,
      )}
      {h.reminders.length > 0 &&
        section(
          t.handling.reminders,
          h.reminders.map((r) => (
            <Text key={r.id} size="sm">
              <Badge size="sm" color={r.kind === "phe-binh" ? "red" : "orange"} variant="light">
                {t.handling.kinds[r.kind]}
              </Badge>{" "}
              {viDateTime(r.at)} · {r.sentBy.fullName}
              {r.note ? `: ${r.note}` : ""}
            </Text>
          )),
        )}
      {h.replies.length > 0 &&
        section(
          t.handling.replies,
          h.replies.map((r) => (
            <Anchor key={r.id} component={Link} to={`/van-ban/${r.id}`} size="sm">
              {r.reference ?? t.status[r.status]} – {r.subject}
            </Anchor>
          )),
        )}
      {h.forwards.length > 0 &&
        section(
          t.handling.forwards,
          h.forwards.map((f) => (
            <Text key={f.agency.id} size="sm">
              {f.agency.name} ({t.delivery[f.status]}, {viDateTime(f.sentAt)})
              {f.note ? `: ${f.note}` : ""}
            </Text>
          )),
        )}
      {h.attached.length > 0 &&
        section(
          t.handling.attached,
          h.attached.map((a) => (
            <Text key={a.id} size="sm">
              {a.reference} {a.issuer ? `– ${a.issuer}` : ""}
              {a.files.map((f) => (
                <Anchor
                  key={f}
                  ml="xs"
                  href={`/api/documents/${doc.id}/files/${encodeURIComponent(f)}`}
                >
                  {f}
                </Anchor>
              ))}
            </Text>
          )),
        )}
    </Stack>
  );
}
