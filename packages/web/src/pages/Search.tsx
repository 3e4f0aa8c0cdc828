/**
 * Search: words without diacritics match, quoted phrases match as written, a typed reference goes
 * straight to its document; filters by type, issuer, year and status; highlighted snippets.
 */
import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import {
  Anchor,
  Button,
  Group,
  NumberInput,
  Pagination,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import type { ApiQuery } from "@vanthu/contract";
import { useApi } from "../api.ts";
import { ErrorAlert, PageTitle } from "../components.tsx";
import { viDate } from "../format.ts";
import { oneOf, useUrlFilters } from "../hooks.ts";
import { t } from "../i18n.ts";
import { TYPE_OPTIONS } from "../types.ts";

const PAGE_SIZE = 20;
const STATUSES = ["issued", "registered", "draft", "returned"] as const satisfies ReadonlyArray<
  NonNullable<ApiQuery<"GET /api/search">["status"]>
>;

export default function Search() {
  const { params, page, set, update, setPage } = useUrlFilters();
  const navigate = useNavigate();
  const q = params.get("q") ?? "";
  const [words, setWords] = useState(q);
  const [issuer, setIssuer] = useState(params.get("issuer") ?? "");
  useEffect(() => setWords(q), [q]);
  const result = useApi(q ? "GET /api/search" : null, {
    query: {
      q,
      page,
      pageSize: PAGE_SIZE,
      type: params.get("type") ?? undefined,
      issuer: params.get("issuer") ?? undefined,
      year: params.get("year") ?? undefined,
      status: oneOf(STATUSES, params.get("status")),
    },
  });
  // A reference typed in full goes straight to the document.
  useEffect(() => {
    if (result.data?.match && page === 1)
      void navigate(`/van-ban/${result.data.match.id}`, { replace: true });
  }, [result.data, navigate, page]);

  return (
    <Stack>
      <PageTitle>{t.search.title}</PageTitle>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: words.trim() || null, issuer: issuer.trim() || null });
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t.search.label}
            value={words}
            onChange={(e) => setWords(e.currentTarget.value)}
            style={{ flex: "1 1 280px" }}
            description={t.search.hint}
          />
          <TextInput
            label={t.fields.issuer}
            value={issuer}
            onChange={(e) => setIssuer(e.currentTarget.value)}
            w={220}
          />
          <Button type="submit">{t.nav.search}</Button>
        </Group>
      </form>
      <Group wrap="wrap">
        <Select
          label={t.fields.type}
          data={TYPE_OPTIONS}
          clearable
          placeholder={t.box.anyType}
          value={params.get("type")}
          onChange={(v) => set("type", v)}
          w={170}
        />
        <NumberInput
          label={t.fields.year}
          min={1945}
          max={2100}
          value={params.get("year") ?? ""}
          onChange={(v) => set("year", v ? String(v) : null)}
          w={120}
          thousandSeparator=""
        />
        <Select
          label={t.fields.status}
          clearable
          data={STATUSES.map((s) => ({
            value: s,
            label: t.status[s],
          }))}
          value={params.get("status")}
          onChange={(v) => set("status", v)}
          w={170}
        />
      </Group>
      <ErrorAlert error={result.error} />
      {result.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {result.data.total
              ? t.search.found(result.data.total, !!result.data.capped)
              : t.search.none}
          </Text>
          <Stack gap="xs" data-testid="results">
            {result.data.items.map((hit) => (
              <Paper key={hit.id} withBorder p="sm">
                <Anchor component={Link} to={`/van-ban/${hit.id}`} fw={600}>
                  {hit.subject}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {hit.reference} · {viDate(hit.date)} · {hit.issuer}
                </Text>
                {/* Snippets come escaped from the server, with <mark> around the matches. */}
                <Text
                  size="sm"
                  className="snippet"
                  dangerouslySetInnerHTML={{ __html: hit.snippet }}
                />
              </Paper>
            ))}
          </Stack>
          {(result.data.total > PAGE_SIZE || !!result.data.capped) && (
            <Pagination
              // Matches are read up to one past the page: with more, one page more is offered.
              total={Math.min(
                25,
                Math.ceil(result.data.total / PAGE_SIZE) + (result.data.capped ? 1 : 0),
              )}
              value={page}
              onChange={setPage}
            />
          )}
        </>
      )}
    </Stack>
  );
}
