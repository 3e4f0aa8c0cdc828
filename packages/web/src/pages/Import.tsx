/**
 * Import received documents: drop files or whole folders (or choose them); they are uploaded in
 * groups into one import batch and read on the server in the background. The page polls the
 * batch: each file waiting, being read, done (one row per document it holds, with what was read,
 * for the clerk to check and register) or failed with the server's message. The batch is in the
 * address (?dot=...), so a reload or a later visit shows where it stands; recent batches are
 * listed below.
 */
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import {
  api,
  describeError,
  queryClient,
  urlOf,
  useApi,
  type ApiError,
  type ImportBatch,
  type ImportItem,
} from "../api.ts";
import { ErrorAlert, PageTitle, StatusBadge } from "../components.tsx";
import { viDate, viDateTime } from "../format.ts";
import { t } from "../i18n.ts";

/** What the server takes (others in a folder are skipped here; a chosen file is sent anyway). */
const DOCUMENT = /\.(docx?|pdf|txt|md|png|jpe?g|tiff?)$/i;
/** A request carries at most this many files and bytes (the server takes 100 files). */
const GROUP_FILES = 20;
const GROUP_BYTES = 16 * 1024 * 1024;

interface Picked {
  file: File;
  path: string;
}

/** The files under a dropped entry (a folder is read recursively), with their relative paths. */
async function filesOf(entry: FileSystemEntry): Promise<Picked[]> {
  if (entry.isFile)
    return new Promise((resolve) =>
      (entry as FileSystemFileEntry).file(
        (file) => resolve([{ file, path: entry.fullPath.replace(/^\//, "") }]),
        () => resolve([]),
      ),
    );
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const entries: FileSystemEntry[] = [];
  // readEntries gives a directory's entries in batches, an empty one at the end.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve) =>
      reader.readEntries(resolve, () => resolve([])),
    );
    if (!batch.length) break;
    entries.push(...batch);
  }
  return (await Promise.all(entries.map(filesOf))).flat();
}

/** Inside folders only documents are sent: no hidden files, no Thumbs.db. */
const worthSending = (p: Picked, fromFolder: boolean) =>
  !fromFolder || (DOCUMENT.test(p.file.name) && !p.file.name.startsWith("."));

function groups(files: Picked[]): Picked[][] {
  const out: Picked[][] = [];
  let current: Picked[] = [];
  let bytes = 0;
  for (const f of files) {
    if (current.length && (current.length >= GROUP_FILES || bytes + f.file.size > GROUP_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.file.size;
  }
  if (current.length) out.push(current);
  return out;
}

function ItemStatus({ item }: { item: ImportItem }) {
  if (item.status === "reading")
    return (
      <Group gap={6} wrap="nowrap">
        <Loader size="xs" />
        <Text size="sm">{t.importPage.readingOne}</Text>
      </Group>
    );
  if (item.status === "queued")
    return (
      <Stack gap={2}>
        <Badge color="gray" variant="light">
          {t.importPage.queued}
        </Badge>
        {item.error && (
          <Text size="xs" c="dimmed">
            {t.importPage.retrying}: {item.error.message}
          </Text>
        )}
      </Stack>
    );
  return null;
}

function ItemRows({ item }: { item: ImportItem }) {
  const name = <Table.Td style={{ wordBreak: "break-word" }}>{item.path}</Table.Td>;
  if (item.status === "failed")
    return (
      <Table.Tr>
        {name}
        <Table.Td colSpan={4}>
          <Text c="red.9" size="sm" className="finding-lines">
            {item.error?.message}
          </Text>
          <Text size="xs" c="dimmed">
            {item.error?.code}
          </Text>
        </Table.Td>
      </Table.Tr>
    );
  if (item.status !== "done" || !item.documents.length)
    return (
      <Table.Tr>
        {name}
        <Table.Td colSpan={3} />
        <Table.Td>
          <ItemStatus item={item} />
        </Table.Td>
      </Table.Tr>
    );
  const n = item.documents.length;
  return (
    <>
      {item.documents.map((d, i) => (
        <Table.Tr key={d.id}>
          {i === 0 && (
            <Table.Td rowSpan={n} style={{ wordBreak: "break-word", verticalAlign: "top" }}>
              {item.path}
            </Table.Td>
          )}
          <Table.Td style={{ whiteSpace: "nowrap" }}>
            <Anchor component={Link} to={`/van-ban/${d.id}`}>
              {d.reference ?? "?"}
            </Anchor>
            {n > 1 && (
              <Text size="xs" c="dimmed">
                {t.importPage.part(i + 1, n)}
                {d.pages ? `, ${t.importPage.pages(d.pages[0], d.pages[1])}` : ""}
              </Text>
            )}
          </Table.Td>
          <Table.Td>{viDate(d.date)}</Table.Td>
          <Table.Td>{d.subject}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              <StatusBadge doc={{ status: d.status, direction: "incoming" }} />
              {!d.created && <Badge color="gray">{t.importPage.duplicate}</Badge>}
              {d.status === "draft" && (
                <Button size="compact-xs" component={Link} to={`/van-ban/${d.id}`}>
                  {t.importPage.register}
                </Button>
              )}
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}

function BatchProgress({ batch }: { batch: ImportBatch }) {
  const c = batch.counts;
  const settled = c.done + c.failed;
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={500}>
          {t.importPage.progress(settled, c.total)}
          {c.documentsCreated > 0 && `, ${t.importPage.created(c.documentsCreated)}`}
        </Text>
        {c.queued > 0 && (
          <Badge color="gray" variant="light">
            {t.importPage.queued}: {c.queued}
          </Badge>
        )}
        {c.reading > 0 && (
          <Badge color="blue" variant="light">
            {t.importPage.readingOne}: {c.reading}
          </Badge>
        )}
        {c.done > 0 && (
          <Badge color="green" variant="light">
            {t.importPage.done}: {c.done}
          </Badge>
        )}
        {c.failed > 0 && (
          <Badge color="red" variant="light">
            {t.importPage.failures(c.failed)}
          </Badge>
        )}
        {c.duplicates > 0 && (
          <Badge color="gray" variant="outline">
            {t.importPage.duplicates(c.duplicates)}
          </Badge>
        )}
      </Group>
      {!batch.finished && (
        <Progress
          value={c.total ? (settled / c.total) * 100 : 0}
          animated
          aria-label={t.importPage.reading}
        />
      )}
    </Stack>
  );
}

function RecentBatches({ current }: { current: string | null }) {
  const recent = useApi("GET /api/imports");
  const items = (recent.data?.items ?? []).filter((b) => b.id !== current);
  if (!items.length) return null;
  return (
    <Stack gap="xs" mt="lg">
      <Text fw={600}>{t.importPage.recent}</Text>
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.importPage.when}</Table.Th>
              <Table.Th>{t.importPage.label}</Table.Th>
              <Table.Th>{t.importPage.by}</Table.Th>
              <Table.Th>{t.importPage.result}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{viDateTime(b.createdAt)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`?dot=${b.id}`}>
                    {b.label ?? t.importPage.batchLabel(b.counts.total)}
                  </Anchor>
                  {b.source === "cli" && (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      ({t.importPage.fromCli})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{b.createdBy}</Table.Td>
                <Table.Td>
                  {t.importPage.progress(b.counts.done + b.counts.failed, b.counts.total)}
                  {b.counts.documentsCreated > 0 &&
                    `, ${t.importPage.created(b.counts.documentsCreated)}`}
                  {b.counts.failed > 0 && `, ${t.importPage.failures(b.counts.failed)}`}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export default function Import() {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [params, setParams] = useSearchParams();
  const batchId = params.get("dot");
  const [uploading, setUploading] = useState<{ done: number; total: number } | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [skipped, setSkipped] = useState(0);
  const [over, setOver] = useState(false);

  const batchUrl = (id: string) => urlOf("GET /api/imports/:id", { params: { id } });
  const batch = useQuery<ImportBatch, ApiError>({
    queryKey: [batchId ? batchUrl(batchId) : null],
    queryFn: () => api.call("GET /api/imports/:id", { params: { id: batchId! } }),
    enabled: !!batchId,
    // Polled while files wait or are read.
    refetchInterval: (query) => (query.state.data?.finished ? false : 1500),
  });
  const finished = batch.data?.finished ?? false;
  useEffect(() => {
    // The boxes and the home page count the new documents.
    if (finished) void queryClient.invalidateQueries();
  }, [finished]);

  const upload = async (picked: Picked[], fromFolder: boolean, label: string | null) => {
    const sending = picked.filter((p) => worthSending(p, fromFolder));
    setSkipped(picked.length - sending.length);
    setUploadError(null);
    if (!sending.length) return;
    setUploading({ done: 0, total: sending.length });
    let id: string | null = null;
    let done = 0;
    try {
      for (const group of groups(sending)) {
        const r: ImportBatch = id
          ? await api.uploadMany("POST /api/imports/:id/files", group, {}, { params: { id } })
          : await api.uploadMany("POST /api/imports", group, label ? { label } : {});
        if (!id) {
          id = r.id;
          setParams({ dot: r.id });
        }
        queryClient.setQueryData([batchUrl(r.id)], r);
        done += group.length;
        setUploading({ done, total: sending.length });
      }
    } catch (e) {
      setUploadError(e);
    } finally {
      setUploading(null);
      if (id) void queryClient.invalidateQueries({ queryKey: [batchUrl(id)] });
      void queryClient.invalidateQueries({ queryKey: [urlOf("GET /api/imports")] });
    }
  };

  const fromInput = (list: FileList | null, fromFolder: boolean) => {
    const picked = [...(list ?? [])].map((file) => ({
      file,
      path: file.webkitRelativePath || file.name,
    }));
    const top = fromFolder ? (picked[0]?.path.split("/")[0] ?? null) : null;
    void upload(picked, fromFolder, top);
  };

  const onDrop = async (e: React.DragEvent) => {
    e.preventDefault();
    setOver(false);
    const entries = [...e.dataTransfer.items]
      .map((i) => i.webkitGetAsEntry?.())
      .filter((x): x is FileSystemEntry => !!x);
    if (!entries.length) return void upload(fromFiles(e.dataTransfer.files), false, null);
    const anyFolder = entries.some((x) => x.isDirectory);
    const picked = (await Promise.all(entries.map(filesOf))).flat();
    const label = entries.length === 1 && anyFolder ? entries[0]!.name : null;
    void upload(picked, anyFolder, label);
  };

  return (
    <Stack>
      <PageTitle>{t.importPage.title}</PageTitle>
      <Paper
        withBorder
        p="xl"
        bg={over ? "blue.0" : "gray.0"}
        style={{ borderStyle: "dashed", cursor: "pointer", textAlign: "center" }}
        role="button"
        tabIndex={0}
        aria-label={t.importPage.drop}
        onClick={() => files.current?.click()}
        onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && files.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => void onDrop(e)}
      >
        <Text>{t.importPage.drop}</Text>
        <input
          ref={files}
          type="file"
          multiple
          hidden
          accept=".docx,.doc,.pdf,.txt,.md,.png,.jpg,.jpeg,.tif,.tiff"
          data-testid="import-input"
          onChange={(e) => {
            fromInput(e.currentTarget.files, false);
            e.currentTarget.value = "";
          }}
        />
        <input
          ref={folder}
          type="file"
          hidden
          data-testid="import-folder"
          {...{ webkitdirectory: "", directory: "" }}
          onChange={(e) => {
            fromInput(e.currentTarget.files, true);
            e.currentTarget.value = "";
          }}
        />
      </Paper>
      <Group gap="xs">
        <Button variant="light" onClick={() => files.current?.click()}>
          {t.importPage.chooseFiles}
        </Button>
        <Button variant="light" onClick={() => folder.current?.click()}>
          {t.importPage.chooseFolder}
        </Button>
      </Group>
      {uploading && (
        <Stack gap={4}>
          <Text size="sm">{t.importPage.uploading(uploading.done, uploading.total)}</Text>
          <Progress
            value={(uploading.done / uploading.total) * 100}
            animated
            aria-label={t.importPage.uploading(uploading.done, uploading.total)}
          />
        </Stack>
      )}
      {skipped > 0 && (
        <Text size="sm" c="dimmed">
          {t.importPage.skipped(skipped)}
        </Text>
      )}
      {uploadError !== null && (
        <Text c="red.9" size="sm" className="finding-lines" role="alert">
          {describeError(uploadError)}
        </Text>
      )}
      {batchId && batch.error && <ErrorAlert error={batch.error} />}
      {batch.data && (
        <>
          {batch.data.label && <Text fw={600}>{batch.data.label}</Text>}
          <BatchProgress batch={batch.data} />
          {!batch.data.finished && (
            <Text size="sm" c="dimmed">
              {t.importPage.background}
            </Text>
          )}
          <Text size="sm">{t.importPage.check}</Text>
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.importPage.file}</Table.Th>
                  <Table.Th>{t.fields.reference}</Table.Th>
                  <Table.Th>{t.fields.date}</Table.Th>
                  <Table.Th>{t.fields.subject}</Table.Th>
                  <Table.Th>{t.fields.status}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {batch.data.items.map((item) => (
                  <ItemRows key={item.id} item={item} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <RecentBatches current={batchId} />
    </Stack>
  );
}

function fromFiles(list: FileList): Picked[] {
  return [...list].map((file) => ({ file, path: file.name }));
}
