/**
 * One document: the ND30 rendering, its fields and files, what it cites and what cites it, who it
 * went to and where each recipient is, its tasks; and the actions the reader's roles allow
 * (edit, issue with the recipients confirmed, publish, register, return, write the follow-on).
 */
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Chip,
  Group,
  Menu,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import {
  api,
  useApi,
  type DocumentDetail,
  type DocumentSummary,
  type OwedTask,
  type View,
} from "../api.ts";
import { ErrorAlert, PageTitle, StatusBadge } from "../components.tsx";
import { DateField, VietnameseDates } from "../dates.tsx";
import { useSubmit } from "../hooks.ts";
import { periodLabel, viDate, viDateTime } from "../format.ts";
import { t } from "../i18n.ts";
import { can, useMe } from "../session.ts";

interface Plan {
  lines: Array<{ text: string; kind: "action" | "copy"; matches: string[]; group: boolean }>;
  recipients: Array<{ agencyId: string; kind: "action" | "copy" }>;
  needsConfirmation: boolean;
  agencies: Record<string, { id: string; code: string; name: string }>;
}
interface Delivery {
  id: string;
  agency: { id: string; code: string; name: string };
  kind: "action" | "copy";
  status: keyof typeof t.delivery;
  sentAt: string;
  registeredAt: string | null;
  returnReason: string | null;
}
interface Links {
  cites: Array<{
    reference: string;
    typeName: string | null;
    date: string | null;
    issuer: string | null;
    document: DocumentSummary | null;
  }>;
  citedBy: DocumentSummary[];
}

function IssueDialog({ doc, onClose }: { doc: DocumentDetail; onClose: () => void }) {
  const plan = useApi<Plan>(`/api/documents/${doc.id}/delivery-plan`);
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const { busy, error, run } = useSubmit();
  const issue = () =>
    run(
      () => {
        const deliverTo = (plan.data?.recipients ?? [])
          .filter((r) => !dropped.has(r.agencyId))
          .map((r) => ({ agencyId: r.agencyId, kind: r.kind }));
        return api.post<{ reference: string }>(`/api/documents/${doc.id}/issue`, { deliverTo });
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

function RegisterDialog({ doc, onClose }: { doc: DocumentDetail; onClose: () => void }) {
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
        api.post<{ number: number }>(
          `/api/documents/${doc.id}/register`,
          Object.fromEntries(Object.entries(v).filter(([, x]) => x.trim())),
        ),
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

function ReturnDialog({ doc, onClose }: { doc: DocumentDetail; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const { busy, error, run } = useSubmit();
  const submit = () =>
    run(() => api.post(`/api/documents/${doc.id}/return`, { reason }), { then: onClose });
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

interface BoardCell {
  agencyId: string;
  taskId: string;
  cycles: string[];
  due: string | null;
  label: string;
  status: "overdue" | "reported" | "pending";
  reports: Array<{ period: string; late: boolean }>;
}
interface BoardSummary {
  items: Array<{ label: string; title: string }>;
  recipients: Array<{ agencyId: string; name: string }>;
  cells: BoardCell[];
}

interface ChainNode {
  document: DocumentSummary;
  agency: string;
  children: ChainNode[];
}

/** The follow-on documents written from this one, down every recipient that wrote one. */
function ChainTree({ node, current }: { node: ChainNode; current: string }) {
  return (
    <li>
      <Text size="sm" span fw={node.document.id === current ? 700 : 400}>
        {node.agency}:{" "}
      </Text>
      <Anchor component={Link} to={`/van-ban/${node.document.id}`} size="sm">
        {node.document.reference ?? t.status[node.document.status]} – {node.document.subject}
      </Anchor>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((c) => (
            <ChainTree key={c.document.id} node={c} current={current} />
          ))}
        </ul>
      )}
    </li>
  );
}

interface TaskPlan {
  items: Array<{ label: string; title: string }>;
  cycles: string[];
  due: string | null;
}
const CYCLE_ORDER = ["once", "on-request", "monthly", "quarterly", "half-yearly", "yearly"];

/** A task's reporting cycles (several may apply) and its deadline. */
function CyclesAndDue(props: {
  cycles: string[];
  due: string | null;
  onChange: (cycles: string[], due: string | null) => void;
}) {
  return (
    <>
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t.tasks.cycles}
        </Text>
        <Chip.Group multiple value={props.cycles} onChange={(c) => props.onChange(c, props.due)}>
          <Group gap="xs" role="group" aria-label={t.tasks.cycles}>
            {CYCLE_ORDER.map((c) => (
              <Chip key={c} value={c} size="sm">
                {t.tasks.cycle[c]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <VietnameseDates>
        <DateField
          label={t.tasks.due}
          value={props.due}
          onChange={(d) => props.onChange(props.cycles, d)}
        />
      </VietnameseDates>
    </>
  );
}

/**
 * Before issuing: the tasks each addressee will get, read from the numbered items and the
 * reporting sentence; the author corrects them here.
 */
function TaskPlanPanel({ doc }: { doc: DocumentDetail }) {
  const plan = useApi<TaskPlan>(`/api/documents/${doc.id}/task-plan`);
  const [edit, setEdit] = useState<TaskPlan | null>(null);
  const { busy, error, run } = useSubmit();
  const p = edit ?? plan.data;
  if (plan.error) return <ErrorAlert error={plan.error} />;
  if (!p) return <Text>{t.common.loading}</Text>;
  const change = (next: Partial<TaskPlan>) => setEdit({ ...p, ...next });
  return (
    <Stack gap="sm">
      <Text size="sm">{t.document.planHelp}</Text>
      {p.items.map((item, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            label={t.tasks.item}
            value={item.label}
            w={70}
            onChange={(e) => {
              const items = [...p.items];
              items[i] = { ...item, label: e.currentTarget.value };
              change({ items });
            }}
          />
          <TextInput
            label={t.tasks.task}
            value={item.title}
            style={{ flex: 1 }}
            onChange={(e) => {
              const items = [...p.items];
              items[i] = { ...item, title: e.currentTarget.value };
              change({ items });
            }}
          />
          <Button
            variant="subtle"
            color="red"
            onClick={() => change({ items: p.items.filter((_, k) => k !== i) })}
            aria-label={`${t.document.removeItem} ${item.label}`}
          >
            {t.document.removeItem}
          </Button>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="compact-sm"
          onClick={() =>
            change({ items: [...p.items, { label: String(p.items.length + 1), title: "" }] })
          }
        >
          {t.document.addItem}
        </Button>
      </Group>
      <CyclesAndDue
        cycles={p.cycles}
        due={p.due}
        onChange={(cycles, due) => change({ cycles, due })}
      />
      <ErrorAlert error={error} />
      <Group>
        <Button
          disabled={!edit}
          loading={busy}
          onClick={() =>
            void run(() => api.put(`/api/documents/${doc.id}/task-plan`, p), {
              success: () => t.common.saved,
              then: () => setEdit(null),
            })
          }
        >
          {t.common.save}
        </Button>
      </Group>
    </Stack>
  );
}

/** After issuing, the issuer may still move an item's deadline or cycles, for every recipient. */
function ItemEditor({ cells, onDone }: { cells: BoardCell[]; onDone: () => void }) {
  const first = cells[0]!;
  const [cycles, setCycles] = useState<string[]>(first.cycles);
  const [due, setDue] = useState<string | null>(first.due);
  const { busy, error, run } = useSubmit();
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <CyclesAndDue
          cycles={cycles}
          due={due}
          onChange={(c, d) => {
            setCycles(c);
            setDue(d);
          }}
        />
        <ErrorAlert error={error} />
        <Group>
          <Button
            size="compact-sm"
            loading={busy}
            disabled={!cycles.length}
            onClick={() =>
              void run(
                () =>
                  Promise.all(
                    cells.map((c) => api.patch(`/api/tasks/${c.taskId}`, { cycles, due })),
                  ),
                { success: () => t.common.saved, then: onDone },
              )
            }
          >
            {t.common.save}
          </Button>
          <Button size="compact-sm" variant="default" onClick={onDone}>
            {t.common.cancel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The tasks of a document: for its issuer, each item's reporting; for a recipient, its own. */
function TasksPanel({ doc, issuer }: { doc: DocumentDetail; issuer: boolean }) {
  const me = useMe().data!;
  const board = useApi<BoardSummary>(issuer ? `/api/documents/${doc.id}/dashboard` : null);
  const owed = useApi<{ items: OwedTask[] }>(issuer ? null : "/api/tasks");
  const [editing, setEditing] = useState<string | null>(null);
  if (issuer) {
    const b = board.data;
    if (board.error) return <ErrorAlert error={board.error} />;
    if (!b) return <Text>{t.common.loading}</Text>;
    if (!b.items.length) return <Text c="dimmed">{t.common.none}</Text>;
    return (
      <Stack gap="xs">
        {b.items.map((item) => {
          const cells = b.cells.filter((c) => c.label === item.label);
          const done = cells.filter((c) => c.status === "reported").length;
          const late = cells.filter((c) => c.status === "overdue").length;
          return (
            <Stack key={item.label} gap={4}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {t.tasks.item} {item.label}: {item.title}
                </Text>
                <Group gap={4} wrap="nowrap">
                  {cells[0]?.due && (
                    <Badge variant="outline">
                      {t.tasks.due}: {viDate(cells[0].due)}
                    </Badge>
                  )}
                  <Badge color="green" variant="light">
                    {t.tasks.reported}: {done}/{cells.length}
                  </Badge>
                  {late > 0 && (
                    <Badge color="red">
                      {t.tasks.overdue}: {late}
                    </Badge>
                  )}
                  {can(me, "clerk", "leader", "specialist") && editing !== item.label && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setEditing(item.label)}
                      aria-label={`${t.document.editItem} ${item.label}`}
                    >
                      {t.document.editItem}
                    </Button>
                  )}
                </Group>
              </Group>
              {editing === item.label && cells.length > 0 && (
                <ItemEditor cells={cells} onDone={() => setEditing(null)} />
              )}
            </Stack>
          );
        })}
        <Anchor component={Link} to={`/van-ban/${doc.id}/theo-doi`}>
          {t.document.dashboard}
        </Anchor>
      </Stack>
    );
  }
  const original = doc.sourceId ?? doc.id;
  const mine = (owed.data?.items ?? []).filter((i) => i.document.id === original);
  if (owed.error) return <ErrorAlert error={owed.error} />;
  if (!mine.length) return <Text c="dimmed">{t.common.none}</Text>;
  return (
    <Stack gap="xs">
      {mine.map((task) => (
        <Group key={task.taskId} justify="space-between" wrap="wrap">
          <Text size="sm">
            {t.tasks.item} {task.label}: {task.title}
          </Text>
          <Group gap={4}>
            {task.reported.map((p) => (
              <Badge key={p} color="green" variant="light">
                {periodLabel(p)}
              </Badge>
            ))}
            {task.overdue.map((p) => (
              <Badge key={p} color="red">
                {t.tasks.overdue}: {periodLabel(p)}
              </Badge>
            ))}
            <Button
              size="compact-sm"
              variant="light"
              component={Link}
              to={`/nhiem-vu?task=${task.taskId}`}
            >
              {t.tasks.report}
            </Button>
          </Group>
        </Group>
      ))}
    </Stack>
  );
}

export default function DocumentPage() {
  const { id } = useParams();
  const me = useMe().data!;
  const navigate = useNavigate();
  const doc = useApi<DocumentDetail>(`/api/documents/${id}`);
  const view = useApi<View>(`/api/documents/${id}/view`);
  const d = doc.data;
  const own = !!d && d.agencyId === me.user.agencyId;
  const issuedOutgoing = own && d.direction === "outgoing" && d.status === "issued";
  const deliveries = useApi<{ items: Delivery[] }>(
    issuedOutgoing ? `/api/documents/${id}/deliveries` : null,
  );
  const links = useApi<Links>(own ? `/api/documents/${id}/links` : null);
  const chain = useApi<ChainNode>(
    own && d?.status !== "draft" ? `/api/documents/${id}/chain` : null,
  );
  const [dialog, setDialog] = useState<null | "issue" | "register" | "return">(null);
  const action = useSubmit();

  if (doc.error) return <ErrorAlert error={doc.error} />;
  if (!d) return <Text>{t.common.loading}</Text>;
  const pdf = d.files?.find((f) => f.role === "rendered");

  const actions = (
    <Group gap="xs" className="no-print">
      {own && d.direction === "outgoing" && d.status === "draft" && (
        <>
          <Button variant="default" component={Link} to={`/van-ban/${d.id}/sua`}>
            {t.document.edit}
          </Button>
          {can(me, "clerk", "leader") && (
            <Button onClick={() => setDialog("issue")}>{t.document.issue}</Button>
          )}
        </>
      )}
      {issuedOutgoing && can(me, "clerk", "leader", "admin") && (
        <Button
          variant="light"
          color={d.isPublic ? "gray" : "teal"}
          onClick={() =>
            void action.run(
              () => api.post(`/api/documents/${d.id}/publish`, { public: !d.isPublic }),
              { success: () => (d.isPublic ? t.document.unpublished : t.document.published) },
            )
          }
        >
          {d.isPublic ? t.document.unpublish : t.document.publish}
        </Button>
      )}
      {issuedOutgoing && (
        <Button variant="light" component={Link} to={`/van-ban/${d.id}/theo-doi`}>
          {t.document.dashboard}
        </Button>
      )}
      {own && d.direction === "incoming" && d.status === "draft" && can(me, "clerk") && (
        <>
          <Button onClick={() => setDialog("register")}>{t.document.register}</Button>
          {d.sourceId && (
            <Button variant="light" color="orange" onClick={() => setDialog("return")}>
              {t.document.return}
            </Button>
          )}
        </>
      )}
      {own &&
        d.direction === "incoming" &&
        d.status === "registered" &&
        can(me, "clerk", "specialist", "leader") && (
          <Button
            variant="light"
            onClick={() =>
              void action.run(() => api.post<{ id: string }>(`/api/documents/${d.id}/follow-on`), {
                then: (r) => void navigate(`/van-ban/${r.id}/sua`),
              })
            }
          >
            {t.document.followOn}
          </Button>
        )}
      {own && d.delivery && ["03", "04", "05"].includes(d.delivery.status) && can(me, "clerk") && (
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="light">{t.document.progress}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {(["04", "05", "06"] as const)
              .filter((s) => s > d.delivery!.status)
              .map((s) => (
                <Menu.Item
                  key={s}
                  onClick={() =>
                    void action.run(
                      () => api.post(`/api/documents/${d.id}/progress`, { status: s }),
                      { success: () => `${t.document.progressDone}: ${t.delivery[s]}` },
                    )
                  }
                >
                  {t.delivery[s]}
                </Menu.Item>
              ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {pdf && (
        <Button
          variant="default"
          component="a"
          href={`/api/documents/${d.id}/files/${encodeURIComponent(pdf.name)}`}
        >
          {t.document.pdf}
        </Button>
      )}
      <Button variant="default" onClick={() => window.print()}>
        {t.document.print}
      </Button>
    </Group>
  );

  return (
    <Stack>
      <PageTitle right={actions}>
        {d.typeName ?? ""} {d.reference ?? ""}
      </PageTitle>
      <Group gap="xs">
        <StatusBadge doc={d} />
        {d.delivery && (
          <Badge color={d.delivery.status === "02" ? "orange" : "blue"} variant="outline">
            {t.delivery[d.delivery.status]}
          </Badge>
        )}
        {d.isPublic && (
          <Badge color="teal" variant="outline">
            {t.fields.public}
          </Badge>
        )}
        <Text fw={600}>{d.subject}</Text>
      </Group>
      <ErrorAlert error={action.error} />
      {dialog === "issue" && <IssueDialog doc={d} onClose={() => setDialog(null)} />}
      {dialog === "register" && <RegisterDialog doc={d} onClose={() => setDialog(null)} />}
      {dialog === "return" && <ReturnDialog doc={d} onClose={() => setDialog(null)} />}
      <Tabs defaultValue="view" keepMounted={false}>
        <Tabs.List className="no-print">
          <Tabs.Tab value="view">{t.document.tabs.view}</Tabs.Tab>
          <Tabs.Tab value="info">{t.document.tabs.info}</Tabs.Tab>
          {issuedOutgoing && <Tabs.Tab value="delivery">{t.document.tabs.delivery}</Tabs.Tab>}
          {own && <Tabs.Tab value="links">{t.document.tabs.links}</Tabs.Tab>}
          {own && (d.direction === "incoming" || d.status !== "returned") && (
            <Tabs.Tab value="tasks">{t.document.tabs.tasks}</Tabs.Tab>
          )}
          {own && d.direction === "outgoing" && (
            <Tabs.Tab value="lint">
              {t.document.tabs.lint}
              {!!view.data?.findings.filter((f) => f.severity !== "info").length && (
                <Badge ml={6} size="sm" color="orange">
                  {view.data.findings.filter((f) => f.severity !== "info").length}
                </Badge>
              )}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="view" pt="md">
          <ErrorAlert error={view.error} />
          {view.data && (
            <div
              className="nd30-frame"
              style={{ ["--nd30-zoom" as string]: "0.85" }}
              dangerouslySetInnerHTML={{ __html: view.data.html }}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="info" pt="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Text c="dimmed">{t.fields.reference}</Text>
            <Text>{d.reference}</Text>
            <Text c="dimmed">{t.fields.date}</Text>
            <Text>{viDate(d.date)}</Text>
            <Text c="dimmed">{t.fields.type}</Text>
            <Text>{d.typeName}</Text>
            <Text c="dimmed">{t.fields.issuer}</Text>
            <Text>{d.issuer}</Text>
            <Text c="dimmed">{t.fields.signer}</Text>
            <Text>{d.signerName}</Text>
            {d.register && (
              <>
                <Text c="dimmed">{t.document.registerEntry}</Text>
                <Text>
                  {t.document.entry(
                    d.register.book === "incoming" ? t.registers.incoming : t.registers.outgoing,
                    d.register.period,
                    d.register.number,
                  )}{" "}
                  ({viDateTime(d.register.registered_at)})
                </Text>
              </>
            )}
          </SimpleGrid>
          <Title order={2} size="h5" mt="md">
            {t.document.files}
          </Title>
          {d.files?.length ? (
            d.files.map((f) => (
              <div key={f.name}>
                <Anchor href={`/api/documents/${d.id}/files/${encodeURIComponent(f.name)}`}>
                  {f.name}
                </Anchor>{" "}
                <Text span size="sm" c="dimmed">
                  ({Math.ceil(f.size / 1024)} KB)
                </Text>
              </div>
            ))
          ) : (
            <Text c="dimmed">{t.common.none}</Text>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="delivery" pt="md">
          <ErrorAlert error={deliveries.error} />
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.document.recipient}</Table.Th>
                  <Table.Th>{t.document.deliveryStatus}</Table.Th>
                  <Table.Th>{t.document.sentAt}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(deliveries.data?.items ?? []).map((x) => (
                  <Table.Tr key={x.id}>
                    <Table.Td>
                      {x.agency.name}{" "}
                      <Badge variant="light" color={x.kind === "action" ? "blue" : "gray"}>
                        {t.delivery[x.kind]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={
                          x.status === "02" ? "orange" : x.status === "01" ? "yellow" : "green"
                        }
                      >
                        {t.delivery[x.status]}
                      </Badge>
                      {x.returnReason && <Text size="sm">{x.returnReason}</Text>}
                    </Table.Td>
                    <Table.Td>{viDateTime(x.sentAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Tabs.Panel>
        <Tabs.Panel value="links" pt="md">
          <Title order={2} size="h5">
            {t.document.cites}
          </Title>
          {links.data?.cites.length ? (
            <Stack gap={4}>
              {links.data.cites.map((c, i) => (
                <Text key={i} size="sm">
                  {c.document ? (
                    <Anchor component={Link} to={`/van-ban/${c.document.id}`}>
                      {c.typeName} {c.reference}
                    </Anchor>
                  ) : (
                    <>
                      {c.typeName} {c.reference}{" "}
                      <Badge size="xs" color="gray">
                        {t.document.unresolved}
                      </Badge>
                    </>
                  )}{" "}
                  {c.date ? t.document.citedOn(viDate(c.date)) : ""}{" "}
                  {c.issuer ? t.document.citedFrom(c.issuer) : ""}
                </Text>
              ))}
            </Stack>
          ) : (
            <Text c="dimmed">{t.common.none}</Text>
          )}
          <Title order={2} size="h5" mt="md">
            {t.document.citedBy}
          </Title>
          {links.data?.citedBy.length ? (
            links.data.citedBy.map((c) => (
              <div key={c.id}>
                <Anchor component={Link} to={`/van-ban/${c.id}`}>
                  {c.reference ?? c.subject}
                </Anchor>{" "}
                {c.subject}
              </div>
            ))
          ) : (
            <Text c="dimmed">{t.common.none}</Text>
          )}
          {chain.data && (chain.data.children.length > 0 || chain.data.document.id !== d.id) && (
            <>
              <Title order={2} size="h5" mt="md">
                {t.document.chain}
              </Title>
              <ul>
                <ChainTree node={chain.data} current={d.sourceId ?? d.id} />
              </ul>
            </>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          {own && d.direction === "outgoing" && d.status === "draft" ? (
            <TaskPlanPanel doc={d} />
          ) : (
            <TasksPanel doc={d} issuer={issuedOutgoing} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="lint" pt="md">
          {view.data?.findings.length ? (
            <Stack gap={4}>
              {view.data.findings.map((f) => (
                <Group key={`${f.code}-${f.start}`} gap="xs">
                  <Badge
                    color={
                      f.severity === "error" ? "red" : f.severity === "warning" ? "orange" : "gray"
                    }
                    variant="light"
                  >
                    {t.lint[f.severity]}
                  </Badge>
                  <Text size="sm">
                    {f.message}{" "}
                    <Text span c="dimmed" size="xs">
                      ({t.lint.at(f.line, f.column)})
                    </Text>
                  </Text>
                </Group>
              ))}
            </Stack>
          ) : (
            <Alert color="green">{t.compose.noFindings}</Alert>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
