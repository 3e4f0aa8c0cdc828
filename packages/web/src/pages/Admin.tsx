/**
 * The agency admin: users and roles (add, change roles, lock, place in a unit), units (with their
 * people: admin/units.tsx), delegations (Delegations.tsx), agencies placed under it (and their
 * renames). The installation admin sees its own section (AdminInstallation.tsx).
 */
import { useState } from "react";
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from "@mantine/core";
import { AGENCY_KINDS, AGENCY_ROLES, type AgencyKind, type AgencyRole } from "@vanthu/core";
import { api, useApi, type UserEntry } from "../api.ts";
import { ErrorAlert, PageTitle } from "../components.tsx";
import { collator } from "../format.ts";
import { oneOf, useSubmit } from "../hooks.ts";
import { t } from "../i18n.ts";
import { can, useMe } from "../session.ts";
import AdminInstallation, {
  AgencyLine,
  RenameAgency,
  type AgencyRow,
} from "./AdminInstallation.tsx";
import { ResetPasswordDialog } from "../password-dialogs.tsx";
import AdminDeadlines from "./AdminDeadlines.tsx";
import { PlaceUser, UnitsPanel } from "./admin/units.tsx";
import { SigningPanel } from "./admin/signing.tsx";
import { ExchangePanel } from "./admin/exchange.tsx";
import { DelegationsSection } from "./Delegations.tsx";

const ROLE_OPTIONS = AGENCY_ROLES.map((r) => ({ value: r, label: t.roles[r] }));
/** The roles picked in a MultiSelect, as the API takes them. */
const rolesOf = (picked: string[]): AgencyRole[] => AGENCY_ROLES.filter((r) => picked.includes(r));

/** Every change here says "Đã lưu" when it is done. */
function useAction() {
  const submit = useSubmit();
  return {
    error: submit.error,
    run: (fn: () => Promise<unknown>, done?: () => void) =>
      submit.run(fn, { success: () => t.common.saved, ...(done ? { then: done } : {}) }),
  };
}

function AddUser({ onClose }: { onClose: () => void }) {
  const [v, setV] = useState({
    username: "",
    fullName: "",
    title: "",
    password: "",
    roles: ["specialist"] as AgencyRole[],
  });
  const { error, run } = useAction();
  return (
    <Modal opened onClose={onClose} title={t.admin.addUser}>
      <Stack>
        <TextInput
          label={t.admin.username}
          required
          value={v.username}
          onChange={(e) => setV({ ...v, username: e.currentTarget.value })}
        />
        <TextInput
          label={t.admin.fullName}
          required
          value={v.fullName}
          onChange={(e) => setV({ ...v, fullName: e.currentTarget.value })}
        />
        <TextInput
          label={t.admin.jobTitle}
          value={v.title}
          onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
        />
        <MultiSelect
          label={t.admin.roles}
          data={ROLE_OPTIONS}
          value={v.roles}
          onChange={(roles) => setV({ ...v, roles: rolesOf(roles) })}
        />
        <PasswordInput
          label={t.admin.password}
          required
          value={v.password}
          onChange={(e) => setV({ ...v, password: e.currentTarget.value })}
        />
        <ErrorAlert error={error} />
        <Button
          onClick={() =>
            void run(
              () =>
                api.call("POST /api/admin/users", {
                  body: { ...v, title: v.title || undefined },
                }),
              onClose,
            )
          }
        >
          {t.common.save}
        </Button>
      </Stack>
    </Modal>
  );
}

export default function Admin() {
  const me = useMe().data!;
  if (can(me, "installer") && !can(me, "admin")) return <AdminInstallation />;
  // A clerk who types the address sees why, not buttons that the server would refuse.
  if (!can(me, "admin"))
    return (
      <Stack>
        <PageTitle>{t.admin.title}</PageTitle>
        <Alert color="gray" role="alert">
          {t.admin.forbidden}
        </Alert>
      </Stack>
    );
  return <AgencyAdmin />;
}

function AgencyAdmin() {
  const me = useMe().data!;
  const [renaming, setRenaming] = useState<AgencyRow | null>(null);
  const users = useApi("GET /api/admin/users");
  const agencies = useApi("GET /api/agencies");
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserEntry | null>(null);
  const [placing, setPlacing] = useState<UserEntry | null>(null);
  const [agency, setAgency] = useState({
    code: "",
    name: "",
    abbreviation: "",
    kind: "state" as Exclude<AgencyKind, "installation">,
    place: me.agency.place ?? "",
  });
  const { error, run } = useAction();
  const children = (agencies.data?.items ?? [])
    .filter((a) => a.parentId === me.agency.id)
    .sort((a, b) => collator.compare(a.name, b.name));

  return (
    <Stack>
      <PageTitle>{t.admin.title}</PageTitle>
      <Text c="dimmed">{me.agency.name}</Text>
      <ErrorAlert error={error ?? users.error} />
      {adding && <AddUser onClose={() => setAdding(false)} />}
      {renaming && <RenameAgency agency={renaming} onClose={() => setRenaming(null)} />}
      {resetting && <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />}
      {placing && <PlaceUser user={placing} onClose={() => setPlacing(null)} />}
      <Tabs defaultValue="users">
        <Tabs.List>
          <Tabs.Tab value="users">{t.admin.users}</Tabs.Tab>
          <Tabs.Tab value="units">{t.admin.units}</Tabs.Tab>
          <Tabs.Tab value="delegations">{t.structure.delegations}</Tabs.Tab>
          <Tabs.Tab value="agencies">{t.admin.agencies}</Tabs.Tab>
          <Tabs.Tab value="deadlines">{t.adminDeadlines.tab}</Tabs.Tab>
          <Tabs.Tab value="signing">{t.signing.tab}</Tabs.Tab>
          <Tabs.Tab value="exchange">{t.exchange.tab}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          <Button mb="sm" onClick={() => setAdding(true)}>
            {t.admin.addUser}
          </Button>
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.admin.username}</Table.Th>
                  <Table.Th>{t.admin.fullName}</Table.Th>
                  <Table.Th>{t.structure.unit}</Table.Th>
                  <Table.Th>{t.admin.roles}</Table.Th>
                  <Table.Th>{t.admin.disabled}</Table.Th>
                  <Table.Th>{t.password.reset}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(users.data?.items ?? []).map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>{u.username}</Table.Td>
                    <Table.Td>
                      {u.fullName}
                      {u.title && (
                        <Text size="xs" c="dimmed">
                          {u.title}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{u.unit ?? t.structure.noUnit}</Text>
                      {(u.unitHead || u.followsUp) && (
                        <Group gap={4}>
                          {u.unitHead && (
                            <Badge size="xs" variant="light">
                              {t.structure.unitHead}
                            </Badge>
                          )}
                          {u.followsUp && (
                            <Badge size="xs" variant="light" color="orange">
                              {t.structure.followsUp}
                            </Badge>
                          )}
                        </Group>
                      )}
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-label={`${t.structure.place}: ${u.username}`}
                        onClick={() => setPlacing(u)}
                      >
                        {t.structure.place}
                      </Button>
                    </Table.Td>
                    <Table.Td>
                      <MultiSelect
                        aria-label={`${t.admin.roles}: ${u.username}`}
                        data={ROLE_OPTIONS}
                        value={u.roles}
                        onChange={(roles) =>
                          roles.length &&
                          void run(() =>
                            api.call("PATCH /api/admin/users/:id", {
                              params: { id: u.id },
                              body: { roles: rolesOf(roles) },
                            }),
                          )
                        }
                        size="xs"
                        w={300}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox
                        aria-label={`${t.admin.disabled}: ${u.username}`}
                        checked={u.disabled}
                        disabled={u.id === me.user.userId}
                        onChange={(e) => {
                          const disabled = e.currentTarget.checked;
                          void run(() =>
                            api.call("PATCH /api/admin/users/:id", {
                              params: { id: u.id },
                              body: { disabled },
                            }),
                          );
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={t.password.resetFor(u.username)}
                        disabled={u.id === me.user.userId}
                        onClick={() => setResetting(u)}
                      >
                        {t.password.reset}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Tabs.Panel>
        <Tabs.Panel value="units" pt="md">
          <UnitsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="delegations" pt="md">
          <DelegationsSection />
        </Tabs.Panel>
        <Tabs.Panel value="agencies" pt="md">
          <Stack gap={4} mb="md">
            {children.map((a) => (
              <AgencyLine key={a.id} agency={a} onRename={() => setRenaming(a)} />
            ))}
            {!children.length && <Text c="dimmed">{t.common.none}</Text>}
          </Stack>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t.admin.code}
              value={agency.code}
              onChange={(e) => setAgency({ ...agency, code: e.currentTarget.value })}
              w={140}
            />
            <TextInput
              label={t.admin.agencyName}
              value={agency.name}
              onChange={(e) => setAgency({ ...agency, name: e.currentTarget.value })}
              w={320}
            />
            <TextInput
              label={t.admin.abbreviation}
              value={agency.abbreviation}
              onChange={(e) => setAgency({ ...agency, abbreviation: e.currentTarget.value })}
              w={120}
            />
            <Select
              label={t.admin.kind}
              data={Object.entries(t.admin.kinds).map(([value, label]) => ({ value, label }))}
              value={agency.kind}
              onChange={(v) => {
                const kind = oneOf(AGENCY_KINDS, v);
                if (kind) setAgency({ ...agency, kind });
              }}
              w={200}
            />
            <TextInput
              label={t.admin.place}
              value={agency.place}
              onChange={(e) => setAgency({ ...agency, place: e.currentTarget.value })}
              w={140}
            />
            <Button
              onClick={() =>
                void run(() =>
                  api.call("POST /api/admin/agencies", {
                    body: { ...agency, place: agency.place || undefined },
                  }),
                )
              }
            >
              {t.admin.addAgency}
            </Button>
          </Group>
        </Tabs.Panel>
        <Tabs.Panel value="signing" pt="md">
          <SigningPanel />
        </Tabs.Panel>
        <Tabs.Panel value="deadlines" pt="md">
          <AdminDeadlines />
        </Tabs.Panel>
        <Tabs.Panel value="exchange" pt="md">
          <ExchangePanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
