/**
 * The installation admin's section: the top-level agencies, and a new one with its first admin.
 * Also the rename dialog every owner of an agency uses (a reason and a date; kept in history).
 */
import { useState } from "react";
import {
  Badge,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { AGENCY_KINDS, type AgencyKind } from "@vanthu/core";
import { api, useApi, type AgencyEntry } from "../api.ts";
import { ErrorAlert, PageTitle } from "../components.tsx";
import { collator } from "../format.ts";
import { oneOf, useSubmit } from "../hooks.ts";
import { t } from "../i18n.ts";
import { TrustAnchors } from "./admin/TrustAnchors.tsx";
import { DirectorySection, PeersSection } from "./admin/exchange.tsx";

export type AgencyRow = AgencyEntry;

/** Renames an agency: the server keeps the old name, the reason and the date in its history. */
export function RenameAgency({ agency, onClose }: { agency: AgencyRow; onClose: () => void }) {
  const [v, setV] = useState({ name: agency.name, reason: "", validFrom: "" });
  const submit = useSubmit();
  return (
    <Modal opened onClose={onClose} title={t.admin.renameTitle(agency.name)}>
      <Stack>
        <TextInput
          label={t.admin.newName}
          required
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
        />
        <TextInput
          label={t.admin.reason}
          required
          value={v.reason}
          onChange={(e) => setV({ ...v, reason: e.currentTarget.value })}
        />
        <TextInput
          label={t.admin.validFrom}
          type="date"
          value={v.validFrom}
          onChange={(e) => setV({ ...v, validFrom: e.currentTarget.value })}
        />
        <ErrorAlert error={submit.error} />
        <Button
          loading={submit.busy}
          onClick={() =>
            void submit.run(
              () =>
                api.call("POST /api/admin/agencies/:id/rename", {
                  params: { id: agency.id },
                  body: {
                    name: v.name,
                    reason: v.reason,
                    ...(v.validFrom ? { validFrom: v.validFrom } : {}),
                  },
                }),
              { success: () => t.common.saved, then: onClose },
            )
          }
        >
          {t.common.save}
        </Button>
      </Stack>
    </Modal>
  );
}

/** One agency in a list: name, code, former names, and the rename button. */
export function AgencyLine({ agency, onRename }: { agency: AgencyRow; onRename: () => void }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <div>
        <Text>
          {agency.name} <Badge variant="light">{agency.code}</Badge>
        </Text>
        {agency.formerNames.length > 0 && (
          <Text size="xs" c="dimmed">
            {t.admin.formerNames(agency.formerNames.join("; "))}
          </Text>
        )}
      </div>
      <Button size="compact-xs" variant="subtle" onClick={onRename}>
        {t.admin.rename}
      </Button>
    </Group>
  );
}

const EMPTY = {
  code: "",
  name: "",
  abbreviation: "",
  kind: "state" as Exclude<AgencyKind, "installation">,
  place: "",
  admin: { username: "", fullName: "", password: "" },
};

export default function AdminInstallation() {
  const agencies = useApi("GET /api/agencies");
  const [v, setV] = useState(EMPTY);
  const [renaming, setRenaming] = useState<AgencyRow | null>(null);
  const submit = useSubmit();
  const top = (agencies.data?.items ?? [])
    .filter((a) => a.parentId === null)
    .sort((a, b) => collator.compare(a.name, b.name));
  const admin = (k: keyof typeof EMPTY.admin, value: string) =>
    setV({ ...v, admin: { ...v.admin, [k]: value } });

  return (
    <Stack>
      <PageTitle>{t.installation.title}</PageTitle>
      <Text c="dimmed">{t.installation.intro}</Text>
      <ErrorAlert error={agencies.error} />
      {renaming && <RenameAgency agency={renaming} onClose={() => setRenaming(null)} />}
      <Title order={2} size="h4">
        {t.installation.topLevel}
      </Title>
      <Stack gap={4}>
        {top.map((a) => (
          <AgencyLine key={a.id} agency={a} onRename={() => setRenaming(a)} />
        ))}
        {agencies.data && !top.length && <Text c="dimmed">{t.common.none}</Text>}
      </Stack>
      <Title order={2} size="h4">
        {t.installation.addAgency}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t.admin.code}
          required
          value={v.code}
          onChange={(e) => setV({ ...v, code: e.currentTarget.value })}
          w={160}
        />
        <TextInput
          label={t.admin.agencyName}
          required
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          w={320}
        />
        <TextInput
          label={t.admin.abbreviation}
          required
          value={v.abbreviation}
          onChange={(e) => setV({ ...v, abbreviation: e.currentTarget.value })}
          w={120}
        />
        <Select
          label={t.admin.kind}
          data={Object.entries(t.admin.kinds).map(([value, label]) => ({ value, label }))}
          value={v.kind}
          onChange={(k) => {
            const kind = oneOf(AGENCY_KINDS, k);
            if (kind) setV({ ...v, kind });
          }}
          w={200}
        />
        <TextInput
          label={t.admin.place}
          value={v.place}
          onChange={(e) => setV({ ...v, place: e.currentTarget.value })}
          w={160}
        />
      </Group>
      <Text fw={500}>{t.installation.firstAdmin}</Text>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t.admin.username}
          required
          value={v.admin.username}
          onChange={(e) => admin("username", e.currentTarget.value)}
          w={200}
        />
        <TextInput
          label={t.admin.fullName}
          required
          value={v.admin.fullName}
          onChange={(e) => admin("fullName", e.currentTarget.value)}
          w={240}
        />
        <PasswordInput
          label={t.admin.password}
          required
          value={v.admin.password}
          onChange={(e) => admin("password", e.currentTarget.value)}
          w={200}
        />
        <Button
          loading={submit.busy}
          onClick={() =>
            void submit.run(
              () =>
                api.call("POST /api/admin/agencies", {
                  body: {
                    code: v.code,
                    name: v.name,
                    abbreviation: v.abbreviation,
                    kind: v.kind,
                    ...(v.place ? { place: v.place } : {}),
                    admin: v.admin,
                  },
                }),
              { success: () => t.common.saved, then: () => setV(EMPTY) },
            )
          }
        >
          {t.installation.addAgency}
        </Button>
      </Group>
      <ErrorAlert error={submit.error} />
      <TrustAnchors />
      <Title order={2} size="h4">
        {t.exchange.directory}
      </Title>
      <DirectorySection />
      <PeersSection />
    </Stack>
  );
}
