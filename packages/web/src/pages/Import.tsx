/**
 * Import received documents: drop one or many .docx/.pdf/.txt files; each is read and parsed on
 * the server, then listed with what was read so the clerk can check it and register it.
 */
import { useRef, useState } from "react";
import { Link } from "react-router";
import { Anchor, Badge, Button, Group, Paper, Progress, Stack, Table, Text } from "@mantine/core";
import { api, describeError, queryClient, type DocumentDetail } from "../api.ts";
import { PageTitle, StatusBadge } from "../components.tsx";
import { viDate } from "../format.ts";
import { t } from "../i18n.ts";

interface Row {
  name: string;
  doc?: DocumentDetail;
  duplicate?: boolean;
  error?: string;
}

export default function Import() {
  const input = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [done, setDone] = useState<number | null>(null);
  const [total, setTotal] = useState(0);
  const [over, setOver] = useState(false);

  const upload = async (files: File[]) => {
    if (!files.length) return;
    setTotal(files.length);
    setDone(0);
    const out: Row[] = [];
    for (const [i, f] of files.entries()) {
      try {
        const r = await api.upload<{ document: DocumentDetail; duplicate: boolean }>(
          "/api/documents/import",
          f,
        );
        out.push({ name: f.name, doc: r.document, duplicate: r.duplicate });
      } catch (e) {
        out.push({ name: f.name, error: describeError(e) });
      }
      setDone(i + 1);
      setRows([...out]);
    }
    await queryClient.invalidateQueries();
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
        onClick={() => input.current?.click()}
        onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void upload([...e.dataTransfer.files]);
        }}
      >
        <Text>{t.importPage.drop}</Text>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept=".docx,.pdf,.txt,.md"
          data-testid="import-input"
          onChange={(e) => void upload([...(e.currentTarget.files ?? [])])}
        />
      </Paper>
      {done !== null && done < total && (
        <Stack gap={4}>
          <Text size="sm">
            {t.importPage.reading} {done}/{total}
          </Text>
          <Progress value={(done / total) * 100} animated aria-label={t.importPage.reading} />
        </Stack>
      )}
      {rows.length > 0 && (
        <>
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
                {rows.map((r, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{r.name}</Table.Td>
                    {r.doc ? (
                      <>
                        <Table.Td>
                          <Anchor component={Link} to={`/van-ban/${r.doc.id}`}>
                            {r.doc.reference ?? "?"}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{viDate(r.doc.date)}</Table.Td>
                        <Table.Td>{r.doc.subject}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            <StatusBadge doc={r.doc} />
                            {r.duplicate && <Badge color="gray">{t.importPage.duplicate}</Badge>}
                            {r.doc.status === "draft" && (
                              <Button
                                size="compact-xs"
                                component={Link}
                                to={`/van-ban/${r.doc.id}`}
                              >
                                {t.importPage.register}
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      </>
                    ) : (
                      <Table.Td colSpan={4}>
                        <Text c="red.9" size="sm" className="finding-lines">
                          {r.error}
                        </Text>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
