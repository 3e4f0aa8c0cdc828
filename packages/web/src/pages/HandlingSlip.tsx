/**
 * The instruction slip of a received document (Phiếu giải quyết văn bản đến, ND30 Phụ lục IV):
 * the page the server draws from the handling (the same layout as its PDF), printed on portrait
 * A4 like a document.
 */
import { Link, useParams } from "react-router";
import { Button, Group, Stack } from "@mantine/core";
import { urlOf, useApi } from "../api.ts";
import { ErrorAlert, PageTitle } from "../components.tsx";
import { t } from "../i18n.ts";

export default function HandlingSlip() {
  const id = useParams().id ?? "";
  const slip = useApi("GET /api/forms/handling-slip/:id", { params: { id } });
  return (
    <Stack className="print-slip-page">
      <PageTitle
        right={
          <Group gap="xs" className="no-print">
            <Button variant="default" component={Link} to={`/van-ban/${id}`}>
              {t.forms.backToDocument}
            </Button>
            <Button
              variant="default"
              component="a"
              href={urlOf("GET /api/forms/handling-slip/:id/pdf", { params: { id } })}
            >
              {t.forms.slipPdf}
            </Button>
            <Button onClick={() => window.print()}>{t.common.print}</Button>
          </Group>
        }
      >
        {t.forms.slipTitle}
      </PageTitle>
      <ErrorAlert error={slip.error} />
      {slip.data && (
        <div
          className="nd30-frame print-slip"
          style={{ ["--nd30-zoom" as string]: "0.85" }}
          dangerouslySetInnerHTML={{ __html: slip.data.html }}
        />
      )}
    </Stack>
  );
}
