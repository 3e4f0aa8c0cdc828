/**
 * Compose: the form on the left, the ND30 layout on the right, redrawn as you type together with
 * the linter's findings (the server lays out and lints, so the preview is what will be issued).
 * A finding with a safe fix has a "Sửa" button that applies it to the field it came from. Each
 * finding names the form field it is in ("Nội dung, đoạn 2"), never a line of the composed text
 * the person does not see; clicking the name puts the cursor there, the flagged words selected.
 * `?truong=body&muc=1` (from a document's checks) opens the page on that field.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Chip,
  Grid,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { notifications } from "@mantine/notifications";
import { COMPOSE_FIELDS, SECRECY_LEVELS, URGENCIES, mayAct } from "@vanthu/core";
import { api, queryClient, useApi } from "../api.ts";
import { ErrorAlert, PageTitle } from "../components.tsx";
import { t } from "../i18n.ts";
import { useMe } from "../session.ts";
import {
  applyFixToForm,
  fieldSelection,
  findingPlace,
  fromDocument,
  fromTemplate,
  toFields,
  type FindingField,
  type FormState,
} from "../compose-form.ts";

const SEVERITY_COLOR = { error: "red", warning: "orange", info: "gray" } as const;

const FIELD_NAMES: ReadonlySet<string> = new Set(COMPOSE_FIELDS);

export default function Compose() {
  const me = useMe().data!;
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const existing = useApi(id ? "GET /api/documents/:id" : null, { params: { id: id ?? "" } });
  const [form, setForm] = useState<FormState | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const inputs = useRef<Partial<Record<FindingField, HTMLInputElement | HTMLTextAreaElement>>>({});
  /** The ref of a field's input, so that a finding can put the cursor in it. */
  const bind = (field: FindingField) => (el: HTMLInputElement | HTMLTextAreaElement | null) => {
    if (el) inputs.current[field] = el;
    else delete inputs.current[field];
  };
  const focusField = (
    state: FormState,
    field: FindingField,
    item?: { index: number; start?: number; end?: number },
  ) => {
    const el = inputs.current[field];
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.focus();
    const { start, end } = fieldSelection(state, field, item);
    if (end > start && el.setSelectionRange) el.setSelectionRange(start, end);
  };

  useEffect(() => {
    if (form) return;
    if (id && existing.data) setForm(fromDocument(existing.data));
    else if (!id) setForm(fromTemplate(params.get("mau") ?? "CV", me.agency, ""));
  }, [id, existing.data, form, params, me.agency]);

  // A document's checks link here with the field to open at: once, when the form is filled.
  const opened = useRef(false);
  useEffect(() => {
    const field = params.get("truong");
    if (!form || opened.current || !field || !FIELD_NAMES.has(field)) return;
    opened.current = true;
    const index = Number(params.get("muc") ?? "0");
    focusField(form, field as FindingField, { index: Number.isInteger(index) ? index : 0 });
  });

  const fields = useMemo(() => (form ? toFields(form) : null), [form]);
  const [debounced] = useDebouncedValue(fields, 300);
  const preview = useQuery({
    queryKey: ["preview", debounced],
    queryFn: () => api.call("POST /api/documents/preview", { body: debounced! }),
    enabled: !!debounced,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });

  if (!form) return <Loader role="status" aria-label={t.common.loading} />;
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setForm({ ...form, [k]: v });
  const findings = (preview.data?.findings ?? []).filter(
    (f) => !(f.code === "blank-number" || f.code === "blank-date"),
  );
  const typing = fields !== debounced || preview.isFetching;

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      const body = toFields(form);
      const doc = id
        ? await api.call("PATCH /api/documents/:id", { params: { id }, body })
        : await api.call("POST /api/documents", { body });
      await queryClient.invalidateQueries();
      notifications.show({ color: "green", message: t.compose.saved });
      void navigate(`/van-ban/${doc.id}`);
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack>
      <PageTitle>{id ? t.compose.editTitle : t.compose.title}</PageTitle>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="sm" component="form" onSubmit={(e) => e.preventDefault()}>
            {!id && (
              <div>
                <Text size="sm" fw={500} mb={4} id="mau-label">
                  {t.compose.template}
                </Text>
                <Chip.Group
                  multiple={false}
                  value={form.typeCode}
                  onChange={(code) => setForm(fromTemplate(code, me.agency, form.unit))}
                >
                  <Group gap="xs" role="radiogroup" aria-labelledby="mau-label">
                    {Object.entries(t.compose.templates).map(([value, label]) => (
                      <Chip key={value} value={value} type="radio">
                        {label}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </div>
            )}
            <TextInput
              ref={bind("subject")}
              label={t.compose.subject}
              required
              value={form.subject}
              onChange={(e) => set("subject", e.currentTarget.value)}
            />
            {form.typeCode === "CV" && (
              <TextInput
                label={t.compose.unit}
                description={t.compose.unitHint}
                value={form.unit}
                onChange={(e) => set("unit", e.currentTarget.value.toUpperCase())}
                w={260}
              />
            )}
            <Textarea
              ref={bind("addressees")}
              label={t.compose.addressees}
              autosize
              minRows={2}
              value={form.addressees}
              onChange={(e) => set("addressees", e.currentTarget.value)}
            />
            <Textarea
              ref={bind("body")}
              label={t.compose.body}
              autosize
              minRows={8}
              maxRows={24}
              value={form.body}
              onChange={(e) => set("body", e.currentTarget.value)}
            />
            <Textarea
              ref={bind("recipients")}
              label={t.compose.recipients}
              autosize
              minRows={2}
              value={form.recipients}
              onChange={(e) => set("recipients", e.currentTarget.value)}
            />
            <TextInput
              ref={bind("archive")}
              label={t.compose.archive}
              value={form.archive}
              onChange={(e) => set("archive", e.currentTarget.value)}
            />
            <Group grow align="flex-start">
              <Select
                ref={bind("authority")}
                label={t.compose.authority}
                data={[
                  { value: "", label: t.compose.authorityNone },
                  ...Object.entries(t.compose.authorities).map(([value, label]) => ({
                    value,
                    label,
                  })),
                ]}
                value={form.authority}
                onChange={(v) => set("authority", v ?? "")}
                allowDeselect={false}
              />
              <TextInput
                ref={bind("authorityTitle")}
                label={t.compose.authorityTitle}
                value={form.authorityTitle}
                disabled={!form.authority}
                onChange={(e) => set("authorityTitle", e.currentTarget.value)}
              />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                ref={bind("signerTitle")}
                label={t.compose.signerTitle}
                value={form.signerTitle}
                onChange={(e) => set("signerTitle", e.currentTarget.value)}
              />
              <TextInput
                ref={bind("signerName")}
                label={t.compose.signerName}
                value={form.signerName}
                onChange={(e) => set("signerName", e.currentTarget.value)}
              />
            </Group>
            <Group grow align="flex-start">
              <Select
                label={t.marks.urgency}
                data={[
                  { value: "", label: t.marks.none },
                  ...URGENCIES.map((u) => ({ value: u, label: t.marks.urgencies[u] })),
                ]}
                value={form.urgency}
                onChange={(v) => set("urgency", (v ?? "") as FormState["urgency"])}
                allowDeselect={false}
              />
              <Select
                label={t.marks.secrecy}
                data={[
                  { value: "", label: t.marks.none },
                  ...SECRECY_LEVELS.map((s) => ({ value: s, label: t.marks.secrecies[s] })),
                ]}
                value={form.secrecy}
                onChange={(v) => set("secrecy", (v ?? "") as FormState["secrecy"])}
                allowDeselect={false}
              />
            </Group>
            <Checkbox
              label={t.compose.isPublic}
              // Publishing is a permission (the server refuses PUBLISH_NOT_ALLOWED otherwise).
              disabled={!mayAct(me.user.roles, "publish")}
              description={
                mayAct(me.user.roles, "publish") ? undefined : t.compose.publishNotAllowed
              }
              checked={form.isPublic}
              onChange={(e) => set("isPublic", e.currentTarget.checked)}
            />
            {existing.data?.review?.state === "approved" && (
              <Alert color="orange" data-testid="reopen-warning">
                {t.review.reopenWarning}
              </Alert>
            )}
            {existing.data?.can.reviewEdit && <Alert color="blue">{t.review.underReview}</Alert>}
            <ErrorAlert error={saveError} />
            <Group>
              <Button onClick={() => void save()} loading={saving} disabled={!form.subject.trim()}>
                {t.compose.saveDraft}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="sm">
            <Paper withBorder p="sm" aria-live="polite" aria-labelledby="findings-title">
              <Group justify="space-between" mb={6}>
                <Title order={2} size="h5" id="findings-title">
                  {t.compose.findings}
                </Title>
                {typing && (
                  <Text size="xs" c="dimmed">
                    {t.compose.checking}
                  </Text>
                )}
              </Group>
              {preview.error ? (
                <ErrorAlert error={preview.error} />
              ) : findings.length ? (
                <Stack gap={6} data-testid="findings">
                  {findings.map((f) => {
                    const place = findingPlace(f, t.lint);
                    return (
                      <Group key={`${f.code}-${f.start}`} gap="xs" wrap="nowrap" align="flex-start">
                        <Badge color={SEVERITY_COLOR[f.severity]} variant="light" miw={80}>
                          {t.lint[f.severity]}
                        </Badge>
                        <Text size="sm" style={{ flex: 1 }} data-code={f.code} data-field={f.field}>
                          {place && f.field && (
                            <>
                              <Anchor
                                component="button"
                                type="button"
                                size="sm"
                                fw={500}
                                onClick={() => focusField(form, f.field!, f.fieldItem)}
                                title={t.lint.goTo(place)}
                              >
                                {place}
                              </Anchor>
                              {": "}
                            </>
                          )}
                          {f.message}
                        </Text>
                        {f.fix && preview.data && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            onClick={() => {
                              const next = applyFixToForm(form, preview.data!.text, f);
                              if (next) setForm(next);
                            }}
                            aria-label={`${t.compose.fix}: ${f.message}`}
                          >
                            {t.compose.fix}
                          </Button>
                        )}
                      </Group>
                    );
                  })}
                  {preview.data?.findingsTruncated && (
                    <Text size="sm" c="dimmed" data-testid="findings-more">
                      {t.compose.findingsMore(
                        preview.data.findings.length,
                        preview.data.findingsTotal,
                        !preview.data.findingsComplete,
                      )}
                    </Text>
                  )}
                </Stack>
              ) : (
                <Text size="sm" c="teal.9">
                  {preview.data ? t.compose.noFindings : t.compose.checking}
                </Text>
              )}
            </Paper>
            <Title order={2} size="h5">
              {me.agency.kind === "party" ? t.compose.previewParty : t.compose.preview}
            </Title>
            {preview.data ? (
              <div
                className="nd30-frame"
                data-testid="preview"
                // The server's renderer escapes every text it places in this HTML.
                dangerouslySetInnerHTML={{ __html: preview.data.html }}
              />
            ) : (
              <Alert color="gray">{t.common.loading}</Alert>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
