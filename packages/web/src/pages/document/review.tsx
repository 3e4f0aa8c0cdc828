/**
 * A draft's review on the document page (trình ký): the buttons the server allows (`can`: send
 * up with a reviewer and a note, pass on, approve, send back with comments, edit as reviewer),
 * who drafted, reviewed and approved it, the steps in order, and the versions with what changed
 * between two of them (insertions green and underlined, deletions red and struck through).
 */
import { useState } from "react";
import { Link } from "react-router";
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import type { ReviewState } from "@vanthu/core";
import { api, useApi, type OpenedDocument } from "../../api.ts";
import { ErrorAlert, WHOLE_BADGE } from "../../components.tsx";
import { viDateTime } from "../../format.ts";
import { useSubmit } from "../../hooks.ts";
import { t } from "../../i18n.ts";

const STATE_COLOR: Record<ReviewState, string> = {
  open: "gray",
  submitted: "yellow",
  "sent-back": "orange",
  approved: "green",
};

export function ReviewBadge({ state }: { state: ReviewState }) {
  return (
    <Badge
      color={STATE_COLOR[state]}
      variant="light"
      style={WHOLE_BADGE}
      data-testid="review-state"
    >
      {t.review.state[state]}
    </Badge>
  );
}

/** Send up (submit) or pass on (forward): a reviewer and a note. */
function SendUpDialog({
  doc,
  action,
  onClose,
}: {
  doc: OpenedDocument;
  action: "submit" | "forward";
  onClose: () => void;
}) {
  const people = useApi("GET /api/documents/:id/reviewers", {
    params: { id: doc.id },
    query: { for: action },
  });
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const submit = useSubmit();
  const options = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    // "Trưởng phòng TH – Trưởng đơn vị": the title and the part left out where the name says them.
    label: [p.title, p.leader ? t.review.leader : p.unitHead ? t.review.unitHead : null]
      .filter((w): w is string => !!w)
      .reduce((parts, w) => (parts.join(" ").includes(w) ? parts : [...parts, w]), [p.fullName])
      .join(" – "),
  }));
  const chosen = reviewerId ?? (options.length === 1 ? options[0]!.value : null);
  const title = action === "submit" ? t.review.submitTitle : t.review.forwardTitle;
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <ErrorAlert error={people.error} />
        <Select
          label={t.review.reviewer}
          placeholder={t.review.reviewerPick}
          data={options}
          value={chosen}
          onChange={setReviewerId}
          required
          allowDeselect={false}
        />
        <Textarea
          label={t.review.note}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <ErrorAlert error={submit.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button
            disabled={!chosen}
            loading={submit.busy}
            onClick={() =>
              void submit.run(
                () =>
                  api.call(
                    action === "submit"
                      ? "POST /api/documents/:id/review/submit"
                      : "POST /api/documents/:id/review/forward",
                    {
                      params: { id: doc.id },
                      body: { reviewerId: chosen!, ...(note.trim() ? { note } : {}) },
                    },
                  ),
                {
                  success: () => (action === "submit" ? t.review.submitted : t.review.forwarded),
                  then: onClose,
                },
              )
            }
          >
            {t.review.send}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Approve (a note optional) or send back (comments required). */
function DecideDialog({
  doc,
  action,
  onClose,
}: {
  doc: OpenedDocument;
  action: "approve" | "send-back";
  onClose: () => void;
}) {
  const [note, setNote] = useState("");
  const [password, setPassword] = useState("");
  const submit = useSubmit();
  const approve = action === "approve";
  // A leader with a digital signature signs as they approve: a PKCS#12 asks for its password.
  const signer = useApi(approve ? "GET /api/signing/me" : null).data;
  const asksPassword = approve && signer?.kind === "pkcs12";
  return (
    <Modal
      opened
      onClose={onClose}
      title={approve ? t.review.approveTitle : t.review.sendBackTitle}
    >
      <Stack>
        {approve && <Text>{t.review.approveText}</Text>}
        <Textarea
          label={approve ? t.review.note : t.review.comment}
          required={!approve}
          autosize
          minRows={3}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {asksPassword && (
          <PasswordInput
            label={t.signing.approvePassword}
            description={t.signing.approvePasswordHelp(signer.subject ?? "")}
            required
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
        )}
        {approve && signer?.kind === "remote" && (
          <Text size="sm" c="dimmed">
            {t.signing.approveRemote}
          </Text>
        )}
        <ErrorAlert error={submit.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button
            color={approve ? "green" : "orange"}
            disabled={(!approve && !note.trim()) || (asksPassword && !password)}
            loading={submit.busy}
            onClick={() =>
              void submit.run(
                () =>
                  approve
                    ? api.call("POST /api/documents/:id/review/approve", {
                        params: { id: doc.id },
                        body: {
                          ...(note.trim() ? { note } : {}),
                          ...(asksPassword ? { password } : {}),
                        },
                      })
                    : api.call("POST /api/documents/:id/review/send-back", {
                        params: { id: doc.id },
                        body: { note },
                      }),
                {
                  success: () => (approve ? t.review.approved : t.review.sentBack),
                  then: onClose,
                },
              )
            }
          >
            {approve ? t.review.approve : t.review.sendBack}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The review's buttons, for the page's row of actions: only those the server allows. */
export function ReviewActions({ doc }: { doc: OpenedDocument }) {
  const [dialog, setDialog] = useState<null | "submit" | "forward" | "approve" | "send-back">(null);
  const c = doc.can;
  return (
    <>
      {c.submit && <Button onClick={() => setDialog("submit")}>{t.review.submit}</Button>}
      {c.approve && (
        <Button color="green" onClick={() => setDialog("approve")}>
          {t.review.approve}
        </Button>
      )}
      {c.sendBack && (
        <Button variant="light" color="orange" onClick={() => setDialog("send-back")}>
          {t.review.sendBack}
        </Button>
      )}
      {c.forward && (
        <Button variant="light" onClick={() => setDialog("forward")}>
          {t.review.forward}
        </Button>
      )}
      {c.reviewEdit && (
        <Button variant="default" component={Link} to={`/van-ban/${doc.id}/sua`}>
          {t.review.reviewEdit}
        </Button>
      )}
      {(dialog === "submit" || dialog === "forward") && (
        <SendUpDialog doc={doc} action={dialog} onClose={() => setDialog(null)} />
      )}
      {(dialog === "approve" || dialog === "send-back") && (
        <DecideDialog doc={doc} action={dialog} onClose={() => setDialog(null)} />
      )}
    </>
  );
}

/** What changed between two versions: insertions green and underlined, deletions struck. */
function VersionDiff({ id, from, to }: { id: string; from: number; to: number }) {
  const diff = useApi("GET /api/documents/:id/versions/:from/diff/:to", {
    params: { id, from: String(from), to: String(to) },
  });
  if (diff.error) return <ErrorAlert error={diff.error} />;
  if (!diff.data) return <Text size="sm">{t.common.loading}</Text>;
  const d = diff.data;
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {d.inserted || d.deleted ? t.review.changes(d.inserted, d.deleted) : t.review.noChange}
      </Text>
      {d.coarse && <Alert color="gray">{t.review.coarse}</Alert>}
      <Paper
        withBorder
        p="sm"
        data-testid="version-diff"
        aria-label={t.review.compareWith(from, to)}
        style={{
          whiteSpace: "pre-wrap",
          fontFamily: "var(--mantine-font-family)",
          lineHeight: 1.6,
        }}
      >
        {d.parts.map((p, i) =>
          p.op === "insert" ? (
            <ins key={i} className="diff-ins" title={t.review.inserted}>
              {p.text}
            </ins>
          ) : p.op === "delete" ? (
            <del key={i} className="diff-del" title={t.review.deleted}>
              {p.text}
            </del>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </Paper>
    </Stack>
  );
}

/** The review tab: who and when, the steps, the versions and their diff. */
export function ReviewPanel({ doc }: { doc: OpenedDocument }) {
  const r = doc.review;
  const versions = r?.versions ?? [];
  const last = versions.at(-1)?.version ?? 0;
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  if (!r) return null;
  const a = Number(from ?? versions.at(-2)?.version ?? 0);
  const b = Number(to ?? last);
  const versionOptions = versions.map((v) => ({
    value: String(v.version),
    label: t.review.version(v.version),
  }));
  return (
    <Stack>
      {doc.status === "draft" && r.state !== "approved" && (
        <Alert color="yellow">{t.review.mustApprove}</Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {doc.status === "draft" && (
          <>
            <Text c="dimmed">{t.review.title}</Text>
            <div>
              <ReviewBadge state={r.state} />
            </div>
          </>
        )}
        <Text c="dimmed">{t.review.draftedBy}</Text>
        <Text>
          {r.draftedBy?.fullName ?? "—"} ({viDateTime(r.draftedAt)})
        </Text>
        {r.state === "submitted" && r.reviewer && (
          <>
            <Text c="dimmed">{t.review.waitingFor}</Text>
            <Text data-testid="review-waiting">{r.reviewer.fullName}</Text>
          </>
        )}
        {r.approvedBy && (
          <>
            <Text c="dimmed">{t.review.approvedBy}</Text>
            <Text>
              {r.approvedBy.fullName} ({viDateTime(r.approvedAt)})
            </Text>
          </>
        )}
      </SimpleGrid>
      <Title order={2} size="h5">
        {t.review.steps}
      </Title>
      {r.steps.length ? (
        <Timeline
          bulletSize={14}
          lineWidth={2}
          active={r.steps.length - 1}
          data-testid="review-steps"
        >
          {r.steps.map((s, i) => (
            <Timeline.Item
              key={i}
              title={
                <Text size="sm" fw={600} span>
                  {t.review.action[s.action]} – {s.actor.fullName}
                  {s.onBehalfOf ? ` (${t.review.onBehalfOf(s.onBehalfOf.fullName)})` : ""}
                  {s.to && s.action !== "send-back" ? `, ${t.review.to(s.to.fullName)}` : ""}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {viDateTime(s.at)} · {t.review.version(s.version)}
              </Text>
              {s.note && (
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {s.note}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      ) : (
        <Text c="dimmed">{t.review.noSteps}</Text>
      )}
      {versions.length > 0 && (
        <>
          <Title order={2} size="h5">
            {t.review.versions}
          </Title>
          <Stack gap={2}>
            {versions.map((v) => (
              <Text key={v.version} size="sm">
                {t.review.versionBy(v.version, v.author?.fullName ?? "—", viDateTime(v.createdAt))}
                {v.note ? `: ${v.note}` : ""}
              </Text>
            ))}
          </Stack>
          {versions.length > 1 && (
            <>
              <Group align="flex-end">
                <Select
                  label={t.review.compare}
                  data={versionOptions}
                  value={String(a)}
                  onChange={setFrom}
                  allowDeselect={false}
                  w={180}
                />
                <Select
                  aria-label={t.review.compareWith(a, b)}
                  data={versionOptions}
                  value={String(b)}
                  onChange={setTo}
                  allowDeselect={false}
                  w={180}
                />
              </Group>
              <Text size="sm" fw={500}>
                {t.review.compareWith(a, b)}
              </Text>
              <VersionDiff id={doc.id} from={a} to={b} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
