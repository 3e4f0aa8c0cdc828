/**
 * The tasks of a document: the plan its author edits before issuing, and afterwards each item's
 * reporting, whose cycles and deadline the issuer may still move; a recipient sees its own.
 */
import { useState } from "react";
import { Link } from "react-router";
import { Anchor, Badge, Button, Chip, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import type { ApiReply } from "@vanthu/contract";
import { CYCLES, pickCycles, type Cycle } from "@vanthu/core";
import { api, useApi, type DashboardCell, type DocumentDetail } from "../../api.ts";
import { ErrorAlert } from "../../components.tsx";
import { DateField, VietnameseDates } from "../../dates.tsx";
import { useSubmit } from "../../hooks.ts";
import { periodLabel, viDate } from "../../format.ts";
import { progressColor } from "../../progress.ts";
import { t } from "../../i18n.ts";

type TaskPlan = ApiReply<"GET /api/documents/:id/task-plan">;

/** The cycles picked in the chips, in core's order, as the API takes them. */
const cyclesOf = (picked: string[]): Cycle[] => CYCLES.filter((c) => picked.includes(c));

/** A task's reporting cycles (several may apply) and its deadline. */
function CyclesAndDue(props: {
  cycles: Cycle[];
  due: string | null;
  onChange: (cycles: Cycle[], due: string | null) => void;
}) {
  return (
    <>
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t.tasks.cycles}
        </Text>
        <Chip.Group
          multiple
          value={props.cycles}
          onChange={(c) => props.onChange(pickCycles(props.cycles, cyclesOf(c)), props.due)}
        >
          <Group gap="xs" role="group" aria-label={t.tasks.cycles}>
            {CYCLES.map((c) => (
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
export function TaskPlanPanel({ doc }: { doc: DocumentDetail }) {
  const plan = useApi("GET /api/documents/:id/task-plan", { params: { id: doc.id } });
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
            void run(
              () =>
                api.call("PUT /api/documents/:id/task-plan", { params: { id: doc.id }, body: p }),
              {
                success: () => t.common.saved,
                then: () => setEdit(null),
              },
            )
          }
        >
          {t.common.save}
        </Button>
      </Group>
    </Stack>
  );
}

/** After issuing, the issuer may still move an item's deadline or cycles, for every recipient. */
function ItemEditor({ cells, onDone }: { cells: DashboardCell[]; onDone: () => void }) {
  const first = cells[0]!;
  const [cycles, setCycles] = useState<Cycle[]>(first.cycles);
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
                    cells.map((c) =>
                      api.call("PATCH /api/tasks/:id", {
                        params: { id: c.taskId },
                        body: { cycles, due },
                      }),
                    ),
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
export function TasksPanel({
  doc,
  issuer,
  editable,
}: {
  doc: DocumentDetail;
  issuer: boolean;
  /** The reader may change the tasks' cycles and deadlines (the document's `can.editTasks`). */
  editable: boolean;
}) {
  const board = useApi(issuer ? "GET /api/documents/:id/dashboard" : null, {
    params: { id: doc.id },
  });
  const owed = useApi(issuer ? null : "GET /api/tasks");
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
                  <Badge
                    color={progressColor({ done, total: cells.length, overdue: late })}
                    variant="light"
                  >
                    {t.tasks.reported}: {done}/{cells.length}
                  </Badge>
                  {late > 0 && (
                    <Badge color="red">
                      {t.tasks.overdue}: {late}
                    </Badge>
                  )}
                  {editable && editing !== item.label && (
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
  // A task names the recipient's own copy (GET /api/tasks), or the original when it has none.
  const original = doc.sourceId ?? doc.id;
  const mine = (owed.data?.items ?? []).filter(
    (i) => i.document.id === doc.id || i.document.id === original,
  );
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
