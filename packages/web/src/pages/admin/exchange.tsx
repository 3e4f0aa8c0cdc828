/**
 * The exchange with other systems (issue 17): the agency's identifier (mã định danh) and contacts
 * as other systems see them, and the directory of agencies (hosted here, and other systems'),
 * which the installation admin imports from a CSV.
 */
import { useState } from "react";
import {
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { api, useApi, type DirectoryEntry } from "../../api.ts";
import { ErrorAlert, HeaderRow } from "../../components.tsx";
import { useSubmit } from "../../hooks.ts";
import { t } from "../../i18n.ts";
import { useMe } from "../../session.ts";

/** The form: the identifier and the contacts, as typed. */
interface Identity {
  organId: string;
  address: string;
  email: string;
  telephone: string;
  website: string;
  requireSigned: boolean;
}

/** The agency admin's tab: their agency's identity, then the directory. */
export function ExchangePanel() {
  const me = useMe().data!;
  const agencies = useApi("GET /api/agencies");
  const directory = useApi("GET /api/admin/directory");
  const own = agencies.data?.items.find((a) => a.id === me.agency.id);
  const listed = directory.data?.items.find((e) => e.agencyId === me.agency.id);
  // Shown as stored until the admin types: the form is filled once both have loaded.
  const [v, setV] = useState<Identity | null>(null);
  const shown = v ?? {
    organId: own?.organId ?? "",
    address: listed?.address ?? "",
    email: listed?.email ?? "",
    telephone: listed?.telephone ?? "",
    website: listed?.website ?? "",
    requireSigned: listed?.requireSignedPackages ?? false,
  };
  const submit = useSubmit();
  const field = (k: Exclude<keyof Identity, "requireSigned">, label: string, w: number) => (
    <TextInput
      label={label}
      value={shown[k]}
      onChange={(e) => setV({ ...shown, [k]: e.currentTarget.value })}
      w={w}
    />
  );
  const orNull = (s: string) => s.trim() || null;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t.exchange.help}
      </Text>
      <Group align="flex-end" wrap="wrap">
        {field("organId", t.exchange.organId, 180)}
        {field("address", t.exchange.address, 320)}
        {field("email", t.exchange.email, 240)}
        {field("telephone", t.exchange.telephone, 160)}
        {field("website", t.exchange.website, 240)}
        <Checkbox
          label={t.exchange.requireSigned}
          checked={shown.requireSigned}
          onChange={(e) => setV({ ...shown, requireSigned: e.currentTarget.checked })}
          mb={8}
        />
        <Button
          loading={submit.busy}
          onClick={() =>
            void submit.run(
              () =>
                api.call("PUT /api/admin/agencies/:id/exchange", {
                  params: { id: me.agency.id },
                  body: {
                    organId: orNull(shown.organId),
                    address: orNull(shown.address),
                    email: orNull(shown.email),
                    telephone: orNull(shown.telephone),
                    website: orNull(shown.website),
                    requireSignedPackages: shown.requireSigned,
                  },
                }),
              { success: () => t.common.saved, then: () => setV(null) },
            )
          }
        >
          {t.common.save}
        </Button>
      </Group>
      <ErrorAlert error={submit.error ?? agencies.error} />
      <DirectoryTable items={directory.data?.items ?? []} error={directory.error} />
    </Stack>
  );
}

function DirectoryTable({ items, error }: { items: DirectoryEntry[]; error: unknown }) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t.exchange.directory}
      </Title>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={720}>
        <Table fz="sm" withTableBorder>
          <HeaderRow
            columns={[
              t.exchange.organId,
              t.exchange.name,
              t.exchange.address,
              t.exchange.email,
              t.exchange.parent,
            ]}
          />
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.organId}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{e.organId}</Table.Td>
                <Table.Td>
                  {e.name}{" "}
                  {e.hosted && (
                    <Badge size="xs" variant="light">
                      {t.exchange.hosted}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{e.address}</Table.Td>
                <Table.Td>{e.email}</Table.Td>
                <Table.Td>{e.parentOrganId}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The installation admin's section: the directory, and its import from a CSV file. */
export function DirectorySection() {
  const directory = useApi("GET /api/admin/directory");
  const submit = useSubmit();
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t.exchange.importHelp}
      </Text>
      <Group>
        <FileButton
          accept=".csv,text/csv"
          onChange={(file) =>
            file &&
            void submit.run(
              async () =>
                api.call("POST /api/admin/directory/import", { body: { csv: await file.text() } }),
              { success: (r) => t.exchange.imported(r.added, r.updated, r.unchanged) },
            )
          }
        >
          {(props) => (
            <Button variant="default" loading={submit.busy} {...props}>
              {t.exchange.import}
            </Button>
          )}
        </FileButton>
      </Group>
      <ErrorAlert error={submit.error} />
      <DirectoryTable items={directory.data?.items ?? []} error={directory.error} />
    </Stack>
  );
}

/** The installation admin's exchange connections: where packages for each identifier go. */
export function PeersSection() {
  const peers = useApi("GET /api/admin/exchange/peers");
  const submit = useSubmit();
  const [organId, setOrganId] = useState("");
  const [transport, setTransport] = useState<"http" | "folder">("http");
  const [address, setAddress] = useState("");
  const [secret, setSecret] = useState("");
  const existing = peers.data?.items.find((p) => p.organId === organId.trim());
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t.exchange.peers}
      </Title>
      <Text size="sm" c="dimmed">
        {t.exchange.peersHelp}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t.exchange.organId}
          value={organId}
          onChange={(e) => setOrganId(e.currentTarget.value)}
          w={170}
        />
        <Select
          label={t.exchange.transport}
          data={[
            { value: "http", label: t.exchange.transports.http },
            { value: "folder", label: t.exchange.transports.folder },
          ]}
          value={transport}
          onChange={(v) => setTransport((v as "http" | "folder") ?? "http")}
          allowDeselect={false}
          w={200}
        />
        <TextInput
          label={t.exchange.peerAddress}
          value={address}
          onChange={(e) => setAddress(e.currentTarget.value)}
          placeholder={
            transport === "http"
              ? "https://vanthu.example.gov.vn/api/exchange/inbox"
              : "/srv/edxml/out"
          }
          w={340}
        />
        {transport === "http" && (
          <PasswordInput
            label={t.exchange.secret}
            value={secret}
            onChange={(e) => setSecret(e.currentTarget.value)}
            placeholder={existing?.hasSecret ? t.exchange.secretKept : undefined}
            w={240}
          />
        )}
        <Button
          loading={submit.busy}
          onClick={() =>
            void submit.run(
              () =>
                api.call("PUT /api/admin/exchange/peers/:organId", {
                  params: { organId: organId.trim() },
                  body: {
                    transport,
                    address: address.trim(),
                    ...(secret ? { secret } : {}),
                  },
                }),
              {
                success: () => t.exchange.peerSaved,
                then: () => {
                  setSecret("");
                },
              },
            )
          }
        >
          {t.exchange.addPeer}
        </Button>
      </Group>
      <ErrorAlert error={submit.error ?? peers.error} />
      {!!peers.data?.items.length && (
        <Table data-testid="exchange-peers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.exchange.organId}</Table.Th>
              <Table.Th>{t.exchange.name}</Table.Th>
              <Table.Th>{t.exchange.transport}</Table.Th>
              <Table.Th>{t.exchange.peerAddress}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {peers.data.items.map((p) => (
              <Table.Tr key={p.organId}>
                <Table.Td>{p.organId}</Table.Td>
                <Table.Td>{p.name ?? "–"}</Table.Td>
                <Table.Td>{t.exchange.transports[p.transport]}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ wordBreak: "break-all" }}>
                    {p.address}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Button
                      size="compact-xs"
                      variant="default"
                      onClick={() => {
                        setOrganId(p.organId);
                        setTransport(p.transport);
                        setAddress(p.address);
                        setSecret("");
                      }}
                    >
                      {t.common.open}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() =>
                        void submit.run(() =>
                          api.call("DELETE /api/admin/exchange/peers/:organId", {
                            params: { organId: p.organId },
                          }),
                        )
                      }
                    >
                      {t.exchange.removePeer}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
