/**
 * One document: the ND30 rendering, its fields and files, what it cites and what cites it, who it
 * went to and where each recipient is, its tasks; and the actions the reader's roles allow
 * (edit, issue with the recipients confirmed, publish, register, return, write the follow-on).
 */
import { useState } from "react";
import { mayAct } from "@vanthu/core";
import { Link, useNavigate, useParams } from "react-router";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { api, urlOf, useApi, type ChainNode, type Finding } from "../api.ts";
import { ConfirmDialog, ErrorAlert, MarkBadges, PageTitle, StatusBadge } from "../components.tsx";
import { findingPlace, fromDocument, toFields } from "../compose-form.ts";
import { useSubmit } from "../hooks.ts";
import { viDate, viDateTime } from "../format.ts";
import { t } from "../i18n.ts";
import { can, useMe } from "../session.ts";
import { IssueDialog, RegisterDialog, ReturnDialog } from "./document/dialogs.tsx";
import { TaskPlanPanel, TasksPanel } from "./document/tasks.tsx";
import { HandlingActions, HandlingPanel, handlingShown } from "./document/handling.tsx";
import { ReviewActions, ReviewBadge, ReviewPanel } from "./document/review.tsx";
import { SignaturesPanel } from "./document/signatures.tsx";
import { NewDraftDialog } from "./document/new-draft-dialog.tsx";
import {
  DeliveryExchange,
  ExchangePanel,
  RecallDialog,
  RecallNotice,
} from "./document/exchange.tsx";

/** The follow-on documents written from this one, down every recipient that wrote one. */
function ChainTree({ node, current }: { node: ChainNode; current: string }) {
  return (
    <li>
      <Text size="sm" span fw={node.document.id === current ? 700 : 400}>
        {node.agency}:{" "}
      </Text>
      <Anchor component={Link} to={`/van-ban/${node.document.id}`} size="sm">
        {node.document.reference ?? t.status[node.document.status]} – {node.document.subject}
      </Anchor>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((c) => (
            <ChainTree key={c.document.id} node={c} current={current} />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * Where a finding is: the form field it is in ("Nội dung, đoạn 2"), a link that opens the draft
 * there when it can still be edited; a line and column only for what no field holds.
 */
function FindingPlace({
  doc,
  finding,
  editable,
}: {
  doc: { id: string };
  finding: Finding;
  editable: boolean;
}) {
  const place = findingPlace(finding, t.lint);
  if (!place)
    return (
      <Text span c="dimmed" size="xs">
        ({t.lint.at(finding.line, finding.column)})
      </Text>
    );
  if (!editable)
    return (
      <Text span c="dimmed" size="xs">
        ({place})
      </Text>
    );
  const item = finding.fieldItem ? `&muc=${finding.fieldItem.index}` : "";
  return (
    <Anchor
      component={Link}
      to={`/van-ban/${doc.id}/sua?truong=${finding.field}${item}`}
      size="xs"
      title={t.lint.goTo(place)}
    >
      ({place})
    </Anchor>
  );
}

export default function DocumentPage() {
  const { id } = useParams();
  const me = useMe().data!;
  const navigate = useNavigate();
  const params = { id: id! };
  const doc = useApi("GET /api/documents/:id", { params });
  const view = useApi("GET /api/documents/:id/view", { params });
  const d = doc.data;
  const own = !!d && d.agencyId === me.user.agencyId;
  const issuedOutgoing = own && d.direction === "outgoing" && d.status === "issued";
  const deliveries = useApi(issuedOutgoing ? "GET /api/documents/:id/deliveries" : null, {
    params,
  });
  const links = useApi(own ? "GET /api/documents/:id/links" : null, { params });
  const chain = useApi(own && d?.status !== "draft" ? "GET /api/documents/:id/chain" : null, {
    params,
  });
  const [dialog, setDialog] = useState<
    null | "issue" | "register" | "return" | "delete" | "follow-on" | "recall" | "replacement"
  >(null);
  const action = useSubmit();

  if (doc.error) return <ErrorAlert error={doc.error} />;
  if (!d) return <Text>{t.common.loading}</Text>;
  const editable = d.can.edit || d.can.reviewEdit;
  const pdf = d.files.find((f) => f.role === "rendered");

  const actions = (
    <Group gap="xs" className="no-print">
      {d.can.edit && (
        <Button variant="default" component={Link} to={`/van-ban/${d.id}/sua`}>
          {t.document.edit}
        </Button>
      )}
      <ReviewActions doc={d} />
      {d.can.issue && <Button onClick={() => setDialog("issue")}>{t.document.issue}</Button>}
      {d.can.delete && (
        <Button variant="subtle" color="red" onClick={() => setDialog("delete")}>
          {t.document.delete}
        </Button>
      )}
      {d.can.publish && (
        <Button
          variant="light"
          color={d.isPublic ? "gray" : "teal"}
          onClick={() =>
            void action.run(
              () =>
                api.call("POST /api/documents/:id/publish", {
                  params: { id: d.id },
                  body: { public: !d.isPublic },
                }),
              { success: () => (d.isPublic ? t.document.unpublished : t.document.published) },
            )
          }
        >
          {d.isPublic ? t.document.unpublish : t.document.publish}
        </Button>
      )}
      {d.can.dashboard && (
        <Button variant="light" component={Link} to={`/van-ban/${d.id}/theo-doi`}>
          {t.document.dashboard}
        </Button>
      )}
      {d.can.register && (
        <Button onClick={() => setDialog("register")}>{t.document.register}</Button>
      )}
      {d.can.return && (
        <Button variant="light" color="orange" onClick={() => setDialog("return")}>
          {t.document.return}
        </Button>
      )}
      {d.mayRecall && (
        <Button variant="subtle" color="red" onClick={() => setDialog("recall")}>
          {t.exchange.recall}
        </Button>
      )}
      {issuedOutgoing && can(me, "clerk", "specialist") && (
        <Button variant="default" onClick={() => setDialog("replacement")}>
          {t.document.replacement}
        </Button>
      )}
      {d.can.followOn && (
        <Button variant="light" onClick={() => setDialog("follow-on")}>
          {t.document.followOn}
        </Button>
      )}
      <HandlingActions doc={d} />
      {d.can.progress.length > 0 && (
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="light">{t.document.progress}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {d.can.progress.map((s) => (
              <Menu.Item
                key={s}
                onClick={() =>
                  void action.run(
                    () =>
                      api.call("POST /api/documents/:id/progress", {
                        params: { id: d.id },
                        body: { status: s },
                      }),
                    { success: () => `${t.document.progressDone}: ${t.delivery[s]}` },
                  )
                }
              >
                {t.delivery[s]}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {pdf && (
        <Button
          variant="default"
          component="a"
          href={urlOf("GET /api/documents/:id/files/:name", {
            params: { id: d.id, name: pdf.name },
          })}
        >
          {t.document.pdf}
        </Button>
      )}
      {own && d.direction === "incoming" && (
        <Button variant="default" component={Link} to={`/van-ban/${d.id}/phieu-giai-quyet`}>
          {t.forms.slipButton}
        </Button>
      )}
      <Button variant="default" onClick={() => window.print()}>
        {t.document.print}
      </Button>
    </Group>
  );

  // A draft sent back shows the reviewer's comment above everything: it is what to fix.
  const sentBack =
    d.review?.state === "sent-back" && d.status === "draft"
      ? d.review.steps.findLast((s) => s.action === "send-back")
      : undefined;
  return (
    <Stack>
      <PageTitle right={actions}>
        {d.typeName ?? ""} {d.reference ?? ""}
      </PageTitle>
      <Group gap="xs">
        <StatusBadge doc={d} />
        {d.review && d.status === "draft" && <ReviewBadge state={d.review.state} />}
        <MarkBadges doc={d} />
        {/* The delivery's status where the record's own does not say it already (returned and
            registered would read twice: "Đã trả lại" beside "Bị trả lại"). */}
        {d.delivery && !["02", "03"].includes(d.delivery.status) && (
          <Badge color="blue" variant="outline" style={{ flexShrink: 0 }}>
            {t.delivery[d.delivery.status]}
          </Badge>
        )}
        {d.isPublic && (
          <Badge color="teal" variant="outline">
            {t.fields.public}
          </Badge>
        )}
        <Text fw={600} style={{ flex: "1 1 240px", minWidth: 0 }}>
          {d.subject}
        </Text>
      </Group>
      {sentBack && (
        <Alert
          color="orange"
          title={t.review.sentBackBy(sentBack.actor.fullName, viDateTime(sentBack.at))}
          data-testid="sent-back"
        >
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {sentBack.note}
          </Text>
        </Alert>
      )}
      <RecallNotice doc={d} />
      <ExchangePanel doc={d} />
      {d.signatures && <SignaturesPanel signatures={d.signatures} />}
      <ErrorAlert error={action.error} />
      {dialog === "issue" && <IssueDialog doc={d} onClose={() => setDialog(null)} />}
      {dialog === "delete" && (
        <ConfirmDialog
          title={t.document.deleteTitle}
          text={t.document.deleteText}
          confirm={t.document.delete}
          danger
          busy={action.busy}
          onClose={() => setDialog(null)}
          onConfirm={() =>
            void action.run(() => api.call("DELETE /api/documents/:id", { params: { id: d.id } }), {
              then: () =>
                void navigate(d.direction === "outgoing" ? "/du-thao" : "/van-ban-den", {
                  replace: true,
                }),
            })
          }
        />
      )}
      {dialog === "follow-on" && (
        <NewDraftDialog
          title={t.document.followOn}
          text={t.document.followOnText}
          confirm={t.document.followOnConfirm}
          onClose={() => setDialog(null)}
          create={() => api.call("POST /api/documents/:id/follow-on", { params: { id: d.id } })}
        />
      )}
      {dialog === "replacement" && (
        <NewDraftDialog
          title={t.document.replacement}
          text={t.document.replacementText}
          confirm={t.document.followOnConfirm}
          onClose={() => setDialog(null)}
          create={() =>
            api.call("POST /api/documents", {
              body: {
                ...toFields(fromDocument(d)),
                // Public as the original, when its writer may publish (else the clerk decides).
                isPublic: d.isPublic && mayAct(me.user.roles, "publish"),
                correctsId: d.id,
              },
            })
          }
        />
      )}
      {dialog === "register" && (
        <RegisterDialog doc={d} signatures={d.signatures} onClose={() => setDialog(null)} />
      )}
      {dialog === "return" && <ReturnDialog doc={d} onClose={() => setDialog(null)} />}
      {dialog === "recall" && <RecallDialog doc={d} onClose={() => setDialog(null)} />}
      <Tabs defaultValue="view" keepMounted={false}>
        <Tabs.List className="no-print">
          <Tabs.Tab value="view">{t.document.tabs.view}</Tabs.Tab>
          <Tabs.Tab value="info">{t.document.tabs.info}</Tabs.Tab>
          {d.review && <Tabs.Tab value="review">{t.review.title}</Tabs.Tab>}
          {issuedOutgoing && <Tabs.Tab value="delivery">{t.document.tabs.delivery}</Tabs.Tab>}
          {handlingShown(d, me.user.agencyId) && (
            <Tabs.Tab value="handling">{t.handling.tab}</Tabs.Tab>
          )}
          {own && <Tabs.Tab value="links">{t.document.tabs.links}</Tabs.Tab>}
          {own && (d.direction === "incoming" || d.status !== "returned") && (
            <Tabs.Tab value="tasks">{t.document.tabs.tasks}</Tabs.Tab>
          )}
          {own && d.direction === "outgoing" && (
            <Tabs.Tab value="lint">
              {t.document.tabs.lint}
              {!!view.data?.findings.filter((f) => f.severity !== "info").length && (
                <Badge ml={6} size="sm" color="orange">
                  {view.data.findings.filter((f) => f.severity !== "info").length}
                </Badge>
              )}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="view" pt="md">
          <ErrorAlert error={view.error} />
          {view.data && (
            <div
              className="nd30-frame"
              style={{ ["--nd30-zoom" as string]: "0.85" }}
              dangerouslySetInnerHTML={{ __html: view.data.html }}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="info" pt="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Text c="dimmed">{t.fields.reference}</Text>
            <Text>{d.reference}</Text>
            <Text c="dimmed">{t.fields.date}</Text>
            <Text>{viDate(d.date)}</Text>
            <Text c="dimmed">{t.fields.type}</Text>
            <Text>{d.typeName}</Text>
            <Text c="dimmed">{t.fields.issuer}</Text>
            <Text>{d.issuer}</Text>
            <Text c="dimmed">{t.fields.signer}</Text>
            <Text>{d.signerName}</Text>
            {d.register && (
              <>
                <Text c="dimmed">{t.document.registerEntry}</Text>
                <Text>
                  {t.document.entry(
                    d.register.book === "incoming" ? t.registers.incoming : t.registers.outgoing,
                    d.register.period,
                    d.register.number,
                  )}{" "}
                  ({viDateTime(d.register.registeredAt)}
                  {d.register.arrivedOn &&
                    `, ${t.document.arrivedOn(viDate(d.register.arrivedOn))}`}
                  )
                </Text>
              </>
            )}
          </SimpleGrid>
          <Title order={2} size="h5" mt="md">
            {t.document.files}
          </Title>
          {d.files?.length ? (
            d.files.map((f) => (
              <div key={f.name}>
                <Anchor href={`/api/documents/${d.id}/files/${encodeURIComponent(f.name)}`}>
                  {f.name}
                </Anchor>{" "}
                <Text span size="sm" c="dimmed">
                  ({Math.ceil(f.size / 1024)} KB)
                </Text>
              </div>
            ))
          ) : (
            <Text c="dimmed">{t.common.none}</Text>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="review" pt="md">
          <ReviewPanel doc={d} />
        </Tabs.Panel>
        <Tabs.Panel value="delivery" pt="md">
          <ErrorAlert error={deliveries.error} />
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.document.recipient}</Table.Th>
                  <Table.Th>{t.document.deliveryStatus}</Table.Th>
                  <Table.Th>{t.handling.stepTimes}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(deliveries.data?.items ?? []).map((x) => (
                  <Table.Tr key={x.id}>
                    <Table.Td>
                      {x.agency.name}{" "}
                      <Badge variant="light" color={x.kind === "action" ? "blue" : "gray"}>
                        {t.delivery[x.kind]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={
                          x.status === "02"
                            ? "orange"
                            : x.status === "01"
                              ? "yellow"
                              : x.status === "00"
                                ? "gray"
                                : "green"
                        }
                      >
                        {t.delivery[x.status]}
                      </Badge>
                      {x.returnReason && <Text size="sm">{x.returnReason}</Text>}
                      <DeliveryExchange delivery={x} />
                      {x.result && <Text size="sm">{t.handling.result_(x.result)}</Text>}
                      {x.reply && (
                        <Anchor
                          component={Link}
                          to={`/van-ban/${x.reply.id}`}
                          size="sm"
                          display="block"
                        >
                          {t.handling.replyLink}: {x.reply.reference}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {t.document.sentAt}: {viDateTime(x.sentAt)}
                      {(
                        [
                          ["02", x.returnedAt],
                          ["03", x.registeredAt],
                          ["04", x.assignedAt],
                          ["05", x.inProgressAt],
                          ["06", x.doneAt],
                        ] as const
                      ).map(([status, at]) =>
                        at ? (
                          <Text key={status} size="xs" c="dimmed">
                            {t.delivery[status]}: {viDateTime(at)}
                          </Text>
                        ) : null,
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Tabs.Panel>
        <Tabs.Panel value="handling" pt="md">
          <HandlingPanel doc={d} />
        </Tabs.Panel>
        <Tabs.Panel value="links" pt="md">
          <Title order={2} size="h5">
            {t.document.cites}
          </Title>
          {links.data?.cites.length ? (
            <Stack gap={4}>
              {links.data.cites.map((c, i) => (
                <Text key={i} size="sm">
                  {c.document ? (
                    <Anchor component={Link} to={`/van-ban/${c.document.id}`}>
                      {c.typeName} {c.reference}
                    </Anchor>
                  ) : (
                    <>
                      {c.typeName} {c.reference}{" "}
                      <Badge size="xs" color="gray">
                        {t.document.unresolved}
                      </Badge>
                    </>
                  )}{" "}
                  {c.date ? t.document.citedOn(viDate(c.date)) : ""}{" "}
                  {c.issuer ? t.document.citedFrom(c.issuer) : ""}
                </Text>
              ))}
            </Stack>
          ) : (
            <Text c="dimmed">{t.common.none}</Text>
          )}
          <Title order={2} size="h5" mt="md">
            {t.document.citedBy}
          </Title>
          {links.data?.citedBy.length ? (
            links.data.citedBy.map((c) => (
              <div key={c.id}>
                <Anchor component={Link} to={`/van-ban/${c.id}`}>
                  {c.reference ?? c.subject}
                </Anchor>{" "}
                {c.subject}
              </div>
            ))
          ) : (
            <Text c="dimmed">{t.common.none}</Text>
          )}
          {chain.data && (chain.data.children.length > 0 || chain.data.document.id !== d.id) && (
            <>
              <Title order={2} size="h5" mt="md">
                {t.document.chain}
              </Title>
              <ul>
                <ChainTree node={chain.data} current={d.id} />
              </ul>
            </>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          {own && d.direction === "outgoing" && d.status === "draft" ? (
            <TaskPlanPanel doc={d} />
          ) : (
            <TasksPanel doc={d} issuer={issuedOutgoing} editable={d.can.editTasks} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="lint" pt="md">
          {view.data?.findings.length ? (
            <Stack gap={4}>
              {view.data.findings.map((f) => (
                <Group key={`${f.code}-${f.start}`} gap="xs">
                  <Badge
                    color={
                      f.severity === "error" ? "red" : f.severity === "warning" ? "orange" : "gray"
                    }
                    variant="light"
                  >
                    {t.lint[f.severity]}
                  </Badge>
                  <Text size="sm" data-code={f.code} data-field={f.field}>
                    {f.message} <FindingPlace doc={d} finding={f} editable={editable} />
                  </Text>
                </Group>
              ))}
              {view.data.findingsTruncated && (
                <Text size="sm" c="dimmed">
                  {t.compose.findingsMore(
                    view.data.findings.length,
                    view.data.findingsTotal,
                    !view.data.findingsComplete,
                  )}
                </Text>
              )}
            </Stack>
          ) : (
            <Alert color="green">{t.compose.noFindings}</Alert>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
