/** The registers, printable in the layout of ND30 Phụ lục IV (landscape A4, ruled table). */
import { useSearchParams } from "react-router";
import { Button, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import type { ApiReply } from "@vanthu/contract";
import { useApi } from "../api.ts";
import { ErrorAlert, PageTitle } from "../components.tsx";
import { viDate, viDay } from "../format.ts";
import { t } from "../i18n.ts";
import { useMe } from "../session.ts";

/** A register as the list gives it, with its count of entries. */
type Listed = ApiReply<"GET /api/registers">["items"][number];

export default function Registers() {
  const me = useMe().data!;
  const [params, setParams] = useSearchParams();
  const list = useApi("GET /api/registers");
  const chosen = params.get("so") ?? list.data?.items[0]?.id ?? null;
  const reg = useApi(chosen ? "GET /api/registers/:id" : null, { params: { id: chosen ?? "" } });
  const label = (r: Listed) =>
    `${r.book === "outgoing" ? t.registers.outgoing : t.registers.incoming} ${r.typeCode ? `(${r.typeCode}) ` : ""}${r.period} · ${t.registers.entries(r.entries)}`;

  return (
    <Stack className="print-register-page">
      <PageTitle
        right={
          <Button variant="default" onClick={() => window.print()} className="no-print">
            {t.common.print}
          </Button>
        }
      >
        {t.registers.title}
      </PageTitle>
      <ErrorAlert error={list.error ?? reg.error} />
      {list.data && !list.data.items.length && <Text c="dimmed">{t.registers.none}</Text>}
      <Group className="no-print" display={list.data?.items.length ? undefined : "none"}>
        <Select
          aria-label={t.registers.title}
          data={(list.data?.items ?? []).map((r) => ({ value: r.id, label: label(r) }))}
          value={chosen}
          onChange={(v) => v && setParams({ so: v })}
          w={420}
          allowDeselect={false}
        />
      </Group>
      {reg.data && (
        <div className="print-register">
          <Title order={2} size="h4" ta="center" tt="uppercase">
            {reg.data.register.book === "outgoing" ? t.registers.outgoing : t.registers.incoming}
          </Title>
          <Text ta="center" mb="sm">
            {me.agency.name} · {t.registers.period} {reg.data.register.period}
          </Text>
          {!reg.data.entries.length ? (
            <Text c="dimmed">{t.registers.empty}</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table withTableBorder withColumnBorders fz="sm">
                <Table.Thead>
                  {reg.data.register.book === "outgoing" ? (
                    <Table.Tr>
                      <Table.Th>{t.registers.colNumber}</Table.Th>
                      <Table.Th>{t.registers.colDate}</Table.Th>
                      <Table.Th>{t.registers.colSubject}</Table.Th>
                      <Table.Th>{t.registers.colSigner}</Table.Th>
                      <Table.Th>{t.registers.colRecipients}</Table.Th>
                      <Table.Th>{t.registers.colArchive}</Table.Th>
                      <Table.Th>{t.registers.colCopies}</Table.Th>
                      <Table.Th>{t.registers.colNote}</Table.Th>
                    </Table.Tr>
                  ) : (
                    <Table.Tr>
                      <Table.Th>{t.registers.colArrived}</Table.Th>
                      <Table.Th>{t.registers.colIncomingNumber}</Table.Th>
                      <Table.Th>{t.registers.colAuthor}</Table.Th>
                      <Table.Th>{t.registers.colNumber}</Table.Th>
                      <Table.Th>{t.registers.colDate}</Table.Th>
                      <Table.Th>{t.registers.colSubject}</Table.Th>
                      <Table.Th>{t.registers.colHandler}</Table.Th>
                      <Table.Th>{t.registers.colSign}</Table.Th>
                      <Table.Th>{t.registers.colNote}</Table.Th>
                    </Table.Tr>
                  )}
                  <Table.Tr>
                    {Array.from(
                      { length: reg.data.register.book === "outgoing" ? 8 : 9 },
                      (_, i) => (
                        <Table.Th key={i} ta="center" fw={400}>
                          {i + 1}
                        </Table.Th>
                      ),
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reg.data.entries.map((e) =>
                    reg.data!.register.book === "outgoing" ? (
                      <Table.Tr key={e.number}>
                        <Table.Td>{e.reference}</Table.Td>
                        <Table.Td>{viDate(e.date)}</Table.Td>
                        <Table.Td>
                          {e.typeName} {e.subject}
                        </Table.Td>
                        <Table.Td>{e.signer}</Table.Td>
                        <Table.Td>{e.recipients.join(" ")}</Table.Td>
                        <Table.Td>{e.archive.join(", ")}</Table.Td>
                        <Table.Td />
                        <Table.Td />
                      </Table.Tr>
                    ) : (
                      <Table.Tr key={e.number}>
                        <Table.Td>
                          {e.arrivedOn ? viDate(e.arrivedOn) : viDay(e.registeredAt)}
                        </Table.Td>
                        <Table.Td>{e.number}</Table.Td>
                        <Table.Td>{e.issuer}</Table.Td>
                        <Table.Td>{e.reference}</Table.Td>
                        <Table.Td>{viDate(e.date)}</Table.Td>
                        <Table.Td>
                          {e.typeName} {e.subject}
                        </Table.Td>
                        <Table.Td>{e.handler}</Table.Td>
                        <Table.Td />
                        <Table.Td>
                          {/* What signature verification found when it was registered. */}
                          {e.signatureLevel && e.signatureLevel !== "none" && (
                            <>
                              {t.signatures.short[e.signatureLevel]}
                              {e.signatureAcknowledgedBy &&
                                ` (${t.signatures.acknowledgedBy(e.signatureAcknowledgedBy)})`}
                            </>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </div>
      )}
    </Stack>
  );
}
