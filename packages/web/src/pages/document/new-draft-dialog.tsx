/**
 * The confirmation that makes a draft from a document (its follow-on, a reply, a replacement)
 * and opens the new draft to edit; what went wrong is said in the dialog.
 */
import { useNavigate } from "react-router";
import { ConfirmDialog, ErrorAlert } from "../../components.tsx";
import { useSubmit } from "../../hooks.ts";

export function NewDraftDialog(props: {
  title: string;
  text: string;
  confirm: string;
  create: () => Promise<{ id: string }>;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const { busy, error, run } = useSubmit();
  return (
    <ConfirmDialog
      title={props.title}
      text={props.text}
      confirm={props.confirm}
      busy={busy}
      onClose={props.onClose}
      onConfirm={() =>
        void run(props.create, { then: (r) => void navigate(`/van-ban/${r.id}/sua`) })
      }
    >
      {error !== null && <ErrorAlert error={error} />}
    </ConfirmDialog>
  );
}
