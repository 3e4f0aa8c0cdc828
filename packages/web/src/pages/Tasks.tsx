/**
 * What the agency owes: each task with its periods; the report form for a period, asking the
 * figures that fit the agency's kind.
 */
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import {
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
  Progress,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { figuresFor } from "@vanthu/core";
import { api, queryClient, useApi, type OwedTask } from "../api.ts";
import { ErrorAlert, PageTitle } from "../components.tsx";
import { periodLabel, viDate } from "../format.ts";
import { t } from "../i18n.ts";
import { useMe } from "../session.ts";

function ReportForm({ task, onDone }: { task: OwedTask; onDone: () => void }) {
  // The figures that fit the reporting agency's kind (a newspaper is asked no broadcasts), in
  // core's vocabulary: the names the issuer's consolidated report prints.
  const me = useMe().data;
  const fields = me ? figuresFor(me.agency) : [];
  const open = task.periods.map((p) => p.label);
  const firstMissing = open.find((p) => !task.reported.includes(p)) ?? open.at(-1) ?? "once";
  const [period, setPeriod] = useState<string>(firstMissing);
  const [figures, setFigures] = useState<Record<string, number>>({});
  const [narrative, setNarrative] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.call("POST /api/tasks/:id/reports", {
        params: { id: task.taskId },
        body: {
          period,
          figures: Object.fromEntries(
            Object.entries(figures).filter(([, v]) => Number.isFinite(v)),
          ),
          narrative,
        },
      });
      for (const [i, f] of files.entries()) {
        setProgress(Math.round((i / files.length) * 100));
        await api.upload("POST /api/reports/:id/files", f, { params: { id: r.id } });
      }
      setProgress(null);
      await queryClient.invalidateQueries();
      notifications.show({ color: r.late ? "orange" : "green", message: t.tasks.sent(r.late) });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Select
        label={t.tasks.period}
        data={(open.length ? open : ["once"]).map((p) => ({
          value: p,
          label: `${periodLabel(p)}${task.reported.includes(p) ? ` (${t.tasks.reported.toLowerCase()})` : ""}`,
        }))}
        value={period}
        onChange={(v) => v && setPeriod(v)}
        allowDeselect={false}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {fields.map(({ code: k }) => (
          <NumberInput
            key={k}
            label={t.tasks.figures[k]}
            min={0}
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            value={figures[k] ?? ""}
            onChange={(v) => setFigures({ ...figures, [k]: typeof v === "number" ? v : NaN })}
          />
        ))}
      </SimpleGrid>
      <Textarea
        label={t.tasks.narrative}
        autosize
        minRows={3}
        value={narrative}
        onChange={(e) => setNarrative(e.currentTarget.value)}
      />
      <FileInput
        label={t.tasks.files}
        multiple
        clearable
        value={files}
        onChange={setFiles}
        accept="image/*,.pdf,.doc,.docx,.xls,.xlsx,.txt"
      />
      {progress !== null && <Progress value={progress} aria-label={t.common.loading} />}
      <ErrorAlert error={error} />
      <Group>
        <Button type="submit" loading={busy}>
          {t.tasks.submit}
        </Button>
      </Group>
    </Stack>
  );
}

export default function Tasks() {
  const [params, setParams] = useSearchParams();
  const tasks = useApi("GET /api/tasks");
  const selected = params.get("task");
  return (
    <Stack>
      <PageTitle>{t.tasks.title}</PageTitle>
      <ErrorAlert error={tasks.error} />
      {tasks.data && !tasks.data.items.length && <Text c="dimmed">{t.home.nothing}</Text>}
      {tasks.data?.items.map((task) => (
        <Card key={task.taskId} withBorder>
          <Group justify="space-between" wrap="wrap">
            <div>
              <Anchor component={Link} to={`/van-ban/${task.document.id}`} size="sm">
                {task.document.reference} · {task.document.issuer}
              </Anchor>
              <Title order={2} size="h5">
                {t.tasks.item} {task.label}: {task.title}
              </Title>
              <Group gap={6} mt={4}>
                {task.cycles.map((c) => (
                  <Badge key={c} variant="light">
                    {t.tasks.cycle[c] ?? c}
                  </Badge>
                ))}
                {task.due && (
                  <Badge variant="outline">
                    {t.tasks.due}: {viDate(task.due)}
                  </Badge>
                )}
                {task.reported.map((p) => (
                  <Badge key={p} color="green" variant="light">
                    {t.tasks.reported}: {periodLabel(p)}
                  </Badge>
                ))}
                {task.overdue.map((p) => (
                  <Badge key={p} color="red">
                    {t.tasks.overdue}: {periodLabel(p)}
                  </Badge>
                ))}
              </Group>
            </div>
            {selected !== task.taskId && (
              <Button variant="light" onClick={() => setParams({ task: task.taskId })}>
                {t.tasks.report}
              </Button>
            )}
          </Group>
          {selected === task.taskId && (
            <Card.Section withBorder inheritPadding py="sm" mt="sm">
              <ReportForm task={task} onDone={() => setParams({})} />
            </Card.Section>
          )}
        </Card>
      ))}
    </Stack>
  );
}
