/**
 * The agency admin's units and people (issue 15, item 1): units with their head and people, open
 * ones first, closed ones marked; adding, renaming (the old name kept) and closing a unit; and the
 * dialog that places a person in a unit with a title, as its head, in charge of follow-up, with
 * an e-mail.
 */
import { useState } from "react";
import {
  Autocomplete,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { api, useApi, type UnitEntry, type UserEntry } from "../../api.ts";
import { ConfirmDialog, ErrorAlert } from "../../components.tsx";
import { viDay } from "../../format.ts";
import { useSubmit } from "../../hooks.ts";
import { t } from "../../i18n.ts";

/** Titles offered when placing someone (any other may be typed). */
const TITLES = ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên"];

function useAction() {
  const submit = useSubmit();
  return {
    ...submit,
    run: (fn: () => Promise<unknown>, done?: () => void) =>
      submit.run(fn, { success: () => t.common.saved, ...(done ? { then: done } : {}) }),
  };
}

function RenameUnit({ unit, onClose }: { unit: UnitEntry; onClose: () => void }) {
  const [v, setV] = useState({ name: unit.name, abbreviation: unit.abbreviation });
  const { error, busy, run } = useAction();
  return (
    <Modal opened onClose={onClose} title={t.structure.renameTitle(unit.name)}>
      <Stack>
        <TextInput
          label={t.admin.unitName}
          required
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
        />
        <TextInput
          label={t.admin.abbreviation}
          required
          value={v.abbreviation}
          onChange={(e) => setV({ ...v, abbreviation: e.currentTarget.value.toUpperCase() })}
        />
        <ErrorAlert error={error} />
        <Button
          loading={busy}
          onClick={() =>
            void run(
              () =>
                api.call("PATCH /api/admin/units/:id", {
                  params: { id: unit.id },
                  body: {
                    ...(v.name !== unit.name ? { name: v.name } : {}),
                    ...(v.abbreviation !== unit.abbreviation
                      ? { abbreviation: v.abbreviation }
                      : {}),
                  },
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

export function UnitsPanel() {
  const units = useApi("GET /api/admin/units");
  const [unit, setUnit] = useState({ name: "", abbreviation: "" });
  const [renaming, setRenaming] = useState<UnitEntry | null>(null);
  const [closing, setClosing] = useState<UnitEntry | null>(null);
  const { error, busy, run } = useAction();
  return (
    <Stack>
      <ErrorAlert error={error ?? units.error} />
      {renaming && <RenameUnit unit={renaming} onClose={() => setRenaming(null)} />}
      {closing && (
        <ConfirmDialog
          title={t.structure.closeTitle(closing.name)}
          text={t.structure.closeText}
          confirm={t.structure.close}
          danger
          busy={busy}
          onClose={() => setClosing(null)}
          onConfirm={() =>
            void run(
              () => api.call("POST /api/admin/units/:id/close", { params: { id: closing.id } }),
              () => setClosing(null),
            )
          }
        />
      )}
      {(units.data?.items ?? []).map((u) => (
        <Card key={u.id} withBorder padding="sm" data-testid="unit">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={600} c={u.closedAt ? "dimmed" : undefined}>
                  {u.name}
                </Text>
                <Badge variant="light">{u.abbreviation}</Badge>
                {u.closedAt && (
                  <Badge color="gray" title={t.structure.closedOn(viDay(u.closedAt))}>
                    {t.structure.closed}
                  </Badge>
                )}
              </Group>
              {u.formerNames.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t.admin.formerNames(u.formerNames.join("; "))}
                </Text>
              )}
              <Text size="sm">
                {u.head ? t.structure.head(u.head.fullName) : t.structure.noHead}
              </Text>
              <Text size="sm" c="dimmed">
                {u.people.length
                  ? `${t.structure.people(u.people.length)}: ${u.people
                      .map((p) => (p.title ? `${p.fullName} (${p.title})` : p.fullName))
                      .join(", ")}`
                  : t.structure.nobody}
              </Text>
            </Stack>
            {!u.closedAt && (
              <Group gap="xs">
                <Button size="compact-sm" variant="light" onClick={() => setRenaming(u)}>
                  {t.structure.rename}
                </Button>
                <Button size="compact-sm" variant="light" color="red" onClick={() => setClosing(u)}>
                  {t.structure.close}
                </Button>
              </Group>
            )}
          </Group>
        </Card>
      ))}
      {units.data && !units.data.items.length && <Text c="dimmed">{t.common.none}</Text>}
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t.admin.unitName}
          value={unit.name}
          onChange={(e) => setUnit({ ...unit, name: e.currentTarget.value })}
          w={320}
        />
        <TextInput
          label={t.admin.abbreviation}
          value={unit.abbreviation}
          onChange={(e) => setUnit({ ...unit, abbreviation: e.currentTarget.value.toUpperCase() })}
          w={140}
        />
        <Button
          onClick={() =>
            void run(
              () => api.call("POST /api/admin/units", { body: unit }),
              () => setUnit({ name: "", abbreviation: "" }),
            )
          }
        >
          {t.admin.addUnit}
        </Button>
      </Group>
    </Stack>
  );
}

/** Places a person: unit (open ones), title, head of the unit, follow-up, e-mail. */
export function PlaceUser({ user, onClose }: { user: UserEntry; onClose: () => void }) {
  const units = useApi("GET /api/admin/units");
  const [v, setV] = useState({
    unitId: user.unitId,
    title: user.title ?? "",
    unitHead: user.unitHead,
    followsUp: user.followsUp,
    email: user.email ?? "",
  });
  const { error, busy, run } = useAction();
  const options = (units.data?.items ?? [])
    .filter((u) => !u.closedAt || u.id === user.unitId)
    .map((u) => ({
      value: u.id,
      label: u.closedAt ? `${u.name} (${t.structure.closed})` : u.name,
      disabled: !!u.closedAt,
    }));
  return (
    <Modal opened onClose={onClose} title={t.structure.placeTitle(user.fullName)}>
      <Stack>
        <Select
          label={t.structure.unit}
          placeholder={t.structure.noUnit}
          data={options}
          value={v.unitId}
          clearable
          onChange={(unitId) => setV({ ...v, unitId, unitHead: unitId ? v.unitHead : false })}
        />
        <Autocomplete
          label={t.admin.jobTitle}
          data={TITLES}
          value={v.title}
          onChange={(title) => setV({ ...v, title })}
        />
        <Checkbox
          label={t.structure.unitHead}
          description={t.structure.unitHeadHint}
          checked={v.unitHead}
          disabled={!v.unitId}
          onChange={(e) => setV({ ...v, unitHead: e.currentTarget.checked })}
        />
        <Checkbox
          label={t.structure.followsUp}
          description={t.structure.followsUpHint}
          checked={v.followsUp}
          onChange={(e) => setV({ ...v, followsUp: e.currentTarget.checked })}
        />
        <TextInput
          label={t.structure.email}
          type="email"
          value={v.email}
          onChange={(e) => setV({ ...v, email: e.currentTarget.value })}
        />
        <ErrorAlert error={error} />
        <Button
          loading={busy}
          onClick={() =>
            void run(
              () =>
                api.call("PATCH /api/admin/users/:id", {
                  params: { id: user.id },
                  body: {
                    unitId: v.unitId,
                    title: v.title.trim() || null,
                    unitHead: v.unitHead,
                    followsUp: v.followsUp,
                    email: v.email.trim() || null,
                  },
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
