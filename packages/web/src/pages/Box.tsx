/** A box (outgoing, incoming, drafts): words, type and dates filters in the URL, paged. */
import { Button, Group, Pagination, Select, Stack, Text, TextInput } from "@mantine/core";
import { useApi, type DocumentSummary } from "../api.ts";
import { DocumentTable, ErrorAlert, PageTitle } from "../components.tsx";
import { DateField, VietnameseDates } from "../dates.tsx";
import { oneOf, useUrlFilters } from "../hooks.ts";
import { t } from "../i18n.ts";
import { TYPE_OPTIONS } from "../types.ts";
import { useState } from "react";

const PAGE_SIZE = 20;
/** The statuses the incoming box filters by ("draft": received, not yet registered). */
const STATUSES = ["draft", "registered", "returned"] as const satisfies ReadonlyArray<
  DocumentSummary["status"]
>;

export default function Box({ box }: { box: "outgoing" | "incoming" | "drafts" }) {
  const { params, page, set, setPage } = useUrlFilters();
  const [words, setWords] = useState(params.get("q") ?? "");
  const list = useApi("GET /api/documents", {
    query: {
      box,
      page,
      pageSize: PAGE_SIZE,
      q: params.get("q") ?? undefined,
      type: params.get("type") ?? undefined,
      status: oneOf(STATUSES, params.get("status")),
      from: params.get("from") ?? undefined,
      to: params.get("to") ?? undefined,
    },
  });

  return (
    <Stack>
      <PageTitle>{t.box[box]}</PageTitle>
      <VietnameseDates>
        <Group align="flex-end" wrap="wrap" className="no-print">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              set("q", words.trim() || null);
            }}
          >
            <Group align="flex-end" gap="xs">
              <TextInput
                label={t.fields.words}
                value={words}
                onChange={(e) => setWords(e.currentTarget.value)}
                w={260}
              />
              <Button type="submit" variant="light">
                {t.box.filter}
              </Button>
            </Group>
          </form>
          <Select
            label={t.fields.type}
            data={TYPE_OPTIONS}
            placeholder={t.box.anyType}
            clearable
            value={params.get("type")}
            onChange={(v) => set("type", v)}
            w={170}
          />
          {box === "incoming" && (
            <Select
              label={t.fields.status}
              data={[
                { value: "draft", label: t.status.unregistered },
                { value: "registered", label: t.status.registered },
                { value: "returned", label: t.status.returned },
              ]}
              placeholder={t.box.anyStatus}
              clearable
              value={params.get("status")}
              onChange={(v) => set("status", v)}
              w={170}
            />
          )}
          <DateField
            label={t.fields.from}
            value={params.get("from")}
            onChange={(v) => set("from", v)}
          />
          <DateField label={t.fields.to} value={params.get("to")} onChange={(v) => set("to", v)} />
        </Group>
      </VietnameseDates>
      <ErrorAlert error={list.error} />
      {list.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t.common.total(list.data.total)}
          </Text>
          <DocumentTable items={list.data.items} />
          {list.data.total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(list.data.total / PAGE_SIZE)}
              value={page}
              onChange={setPage}
              getControlProps={(c) => ({ "aria-label": `${t.common.page} ${c}` })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
