/** Pieces several pages share: status badges, the documents table, error and empty states. */
import { Link } from "react-router";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { describeError, type DocumentSummary } from "./api.ts";
import { viDate } from "./format.ts";
import { t } from "./i18n.ts";

const STATUS_COLOR: Record<DocumentSummary["status"], string> = {
  draft: "gray",
  issued: "green",
  registered: "blue",
  returned: "orange",
  revoked: "red",
};

/**
 * A badge as wide as its words: Mantine's badge is a grid that hides its overflow, so a table
 * column or a row beside a long subject could squeeze it to "DỰ TH…" (its content's minimum
 * counted as zero); it keeps its width instead.
 */
export const WHOLE_BADGE: React.CSSProperties = { flexShrink: 0, minWidth: "max-content" };

export function StatusBadge({ doc }: { doc: Pick<DocumentSummary, "status" | "direction"> }) {
  const label =
    doc.direction === "incoming" && doc.status === "draft"
      ? t.status.unregistered
      : t.status[doc.status];
  const color =
    doc.direction === "incoming" && doc.status === "draft" ? "yellow" : STATUS_COLOR[doc.status];
  return (
    <Badge color={color} variant="light" style={WHOLE_BADGE}>
      {label}
    </Badge>
  );
}

/**
 * Độ khẩn and độ mật as red badges (Hỏa tốc, Thượng khẩn, Khẩn; Mật, Tối mật, Tuyệt mật): every
 * list shows them beside the status, so the urgent and the secret are seen first.
 */
export function MarkBadges({ doc }: { doc: Pick<DocumentSummary, "urgency" | "secrecy"> }) {
  return (
    <>
      {doc.urgency && (
        <Badge
          ml={4}
          color="red"
          variant={doc.urgency === "khan" ? "light" : "filled"}
          style={WHOLE_BADGE}
          data-testid="urgency"
        >
          {t.marks.urgencies[doc.urgency]}
        </Badge>
      )}
      {doc.secrecy && (
        <Badge ml={4} color="red" variant="outline" style={WHOLE_BADGE} data-testid="secrecy">
          {t.marks.secrecies[doc.secrecy]}
        </Badge>
      )}
    </>
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" title={t.common.error} role="alert" className="finding-lines">
      {describeError(error)}
    </Alert>
  );
}

export function PageTitle({
  children,
  right,
}: {
  children: React.ReactNode;
  right?: React.ReactNode;
}) {
  return (
    <Group justify="space-between" mb="md" wrap="wrap" className="no-print-title">
      <Title order={1} size="h2">
        {children}
      </Title>
      {right}
    </Group>
  );
}

export function DocumentTable({ items, empty }: { items: DocumentSummary[]; empty?: string }) {
  if (!items.length) return <Text c="dimmed">{empty ?? t.box.empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.fields.reference}</Table.Th>
            <Table.Th>{t.fields.date}</Table.Th>
            <Table.Th>{t.fields.subject}</Table.Th>
            <Table.Th>{t.fields.issuer}</Table.Th>
            <Table.Th>{t.fields.status}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Anchor component={Link} to={`/van-ban/${d.id}`}>
                  {d.reference ?? `(${d.typeName ?? t.status.draft})`}
                </Anchor>
              </Table.Td>
              <Table.Td>{viDate(d.date)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/van-ban/${d.id}`} c="inherit">
                  {d.typeName ? `${d.typeName}: ` : ""}
                  {d.subject}
                </Anchor>
              </Table.Td>
              <Table.Td>{d.issuer}</Table.Td>
              <Table.Td>
                <StatusBadge doc={d} />
                <MarkBadges doc={d} />
                {d.isPublic && (
                  <Badge ml={4} variant="outline" color="teal" style={WHOLE_BADGE}>
                    {t.fields.public}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Asks before an action that writes or removes something: what will happen, then yes or no. */
export function ConfirmDialog(props: {
  title: string;
  text: string;
  confirm: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  /** Shown under the text (what went wrong, say). */
  children?: React.ReactNode;
}) {
  return (
    <Modal opened onClose={props.onClose} title={props.title}>
      <Stack>
        <Text>{props.text}</Text>
        {props.children}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t.common.cancel}
          </Button>
          <Button
            color={props.danger ? "red" : undefined}
            loading={props.busy}
            onClick={props.onConfirm}
          >
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A table's header row: one cell a column (null: a column without a title, for buttons). */
export function HeaderRow({ columns }: { columns: ReadonlyArray<string | null> }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c, i) => (
          <Table.Th key={i}>{c}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
