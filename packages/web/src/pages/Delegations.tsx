/**
 * Delegation (ủy quyền, issue 15 item 1): a leader away hands their approvals and instructions to
 * another person of the agency for a period; the current and upcoming delegations, then the past
 * ones, each revocable while it is not over. A tab of the admin page, and a page of its own for a
 * leader (from the user menu).
 */
import { useState } from "react";
import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import type { DelegationEntry } from "@vanthu/contract";
import { api, useApi } from "../api.ts";
import { ConfirmDialog, ErrorAlert, PageTitle, HeaderRow } from "../components.tsx";
import { DateField, VietnameseDates } from "../dates.tsx";
import { viDate } from "../format.ts";
import { useSubmit } from "../hooks.ts";
import { t } from "../i18n.ts";
import { can, useMe } from "../session.ts";

const STATE_COLORS: Record<DelegationEntry["state"], string> = {
  upcoming: "blue",
  current: "green",
  ended: "gray",
  revoked: "gray",
};

function DelegationTable({
  items,
  onRevoke,
}: {
  items: DelegationEntry[];
  onRevoke: (d: DelegationEntry) => void;
}) {
  if (!items.length) return <Text c="dimmed">{t.structure.none}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <HeaderRow
          columns={[t.structure.from, t.structure.to, t.structure.startsOn, t.structure.note, null]}
        />
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.from.fullName}</Table.Td>
              <Table.Td>{d.to.fullName}</Table.Td>
              <Table.Td>
                {t.structure.period(viDate(d.startsOn), viDate(d.endsOn))}
                <div>
                  <Badge size="sm" variant="light" color={STATE_COLORS[d.state]}>
                    {t.structure.states[d.state]}
                  </Badge>
                </div>
              </Table.Td>
              <Table.Td>
                {d.note}
                {d.createdBy && (
                  <Text size="xs" c="dimmed">
                    {t.structure.createdBy(d.createdBy)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {d.canRevoke && (
                  <Button size="compact-sm" variant="light" color="red" onClick={() => onRevoke(d)}>
                    {t.structure.revoke}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function DelegationsSection() {
  const me = useMe().data!;
  const list = useApi("GET /api/delegations");
  const people = useApi("GET /api/people");
  const admin = can(me, "admin");
  const leader = can(me, "leader");
  const [v, setV] = useState({
    fromUserId: leader ? me.user.userId : (null as string | null),
    toUserId: null as string | null,
    startsOn: null as string | null,
    endsOn: null as string | null,
    note: "",
  });
  const [revoking, setRevoking] = useState<DelegationEntry | null>(null);
  const submit = useSubmit();
  const everyone = people.data?.items ?? [];
  const leaders = everyone
    .filter((p) => p.roles.includes("leader"))
    .map((p) => ({ value: p.id, label: p.fullName }));
  const others = everyone
    .filter((p) => p.id !== v.fromUserId)
    .map((p) => ({ value: p.id, label: p.title ? `${p.fullName} (${p.title})` : p.fullName }));
  const items = list.data?.items ?? [];
  const open = items.filter((d) => d.state === "current" || d.state === "upcoming");
  const past = items.filter((d) => d.state === "ended" || d.state === "revoked");
  return (
    <Stack>
      <Text c="dimmed">{t.structure.delegationsIntro}</Text>
      <ErrorAlert error={submit.error ?? list.error} />
      {revoking && (
        <ConfirmDialog
          title={t.structure.revokeTitle}
          text={t.structure.revokeText(revoking.to.fullName)}
          confirm={t.structure.revoke}
          danger
          busy={submit.busy}
          onClose={() => setRevoking(null)}
          onConfirm={() =>
            void submit.run(
              () => api.call("POST /api/delegations/:id/revoke", { params: { id: revoking.id } }),
              { success: () => t.common.saved, then: () => setRevoking(null) },
            )
          }
        />
      )}
      {(admin || leader) && (
        <VietnameseDates>
          <Group align="flex-end" wrap="wrap">
            {admin && (
              <Select
                label={t.structure.from}
                data={leaders}
                value={v.fromUserId}
                onChange={(fromUserId) => setV({ ...v, fromUserId })}
                w={240}
              />
            )}
            <Select
              label={t.structure.to}
              data={others}
              value={v.toUserId}
              onChange={(toUserId) => setV({ ...v, toUserId })}
              searchable
              w={260}
            />
            <DateField
              label={t.structure.startsOn}
              required
              value={v.startsOn}
              onChange={(startsOn) => setV({ ...v, startsOn })}
            />
            <DateField
              label={t.structure.endsOn}
              required
              value={v.endsOn}
              onChange={(endsOn) => setV({ ...v, endsOn })}
            />
            <TextInput
              label={t.structure.note}
              value={v.note}
              onChange={(e) => setV({ ...v, note: e.currentTarget.value })}
              w={240}
            />
            <Button
              loading={submit.busy}
              disabled={!v.toUserId || !v.startsOn || !v.endsOn || !v.fromUserId}
              onClick={() =>
                void submit.run(
                  () =>
                    api.call("POST /api/delegations", {
                      body: {
                        ...(v.fromUserId && v.fromUserId !== me.user.userId
                          ? { fromUserId: v.fromUserId }
                          : {}),
                        toUserId: v.toUserId!,
                        startsOn: v.startsOn!,
                        endsOn: v.endsOn!,
                        ...(v.note.trim() ? { note: v.note.trim() } : {}),
                      },
                    }),
                  {
                    success: () => t.common.saved,
                    then: () =>
                      setV({ ...v, toUserId: null, startsOn: null, endsOn: null, note: "" }),
                  },
                )
              }
            >
              {t.structure.delegate}
            </Button>
          </Group>
        </VietnameseDates>
      )}
      <Title order={3} size="h4">
        {t.structure.current}
      </Title>
      <DelegationTable items={open} onRevoke={setRevoking} />
      <Title order={3} size="h4">
        {t.structure.past}
      </Title>
      <DelegationTable items={past} onRevoke={setRevoking} />
    </Stack>
  );
}

/** The page a leader reaches from the user menu. */
export default function Delegations() {
  return (
    <Stack>
      <PageTitle>{t.structure.delegations}</PageTitle>
      <DelegationsSection />
    </Stack>
  );
}
