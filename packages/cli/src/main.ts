import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { runCommandCleanups } from "./cleanup.ts";
import { processIo, type Io } from "./io.ts";

// Only what the help text and the argument parsing need is imported here: each command loads its
// own modules when it runs (the server, the database and PGlite cost a second of start-up, which
// `vanthu --version` and `vanthu parse` do not need).

const HELP = `vanthu: văn bản hành chính Việt Nam: đọc, kiểm tra, soạn, đăng ký, theo dõi.

Cách dùng:
  vanthu parse FILE... [--json]   Đọc văn bản (.txt, .md, .doc, .docx, .pdf, ảnh .png/.jpg/.tif;
                                   "-" là đầu vào chuẩn)
                                   --json: mỗi tệp một dòng JSON (trường "file" và các trường
                                   của hợp đồng phân tích), không có: bản tóm tắt dễ đọc
  vanthu lint FILE... [--json] [--fix] [--agency HOSO.json] [--issued] [--today YYYY-MM-DD]
                                   Kiểm tra thể thức và lỗi trước khi phát hành; --fix sửa các lỗi
                                   sửa an toàn được (bản gốc lưu ở FILE.orig); --issued: văn bản đã
                                   ban hành (để trống số, ngày là lỗi); --agency: hồ sơ cơ quan
                                   (tên, chữ viết tắt, cổng thông tin, người ký)
  vanthu render FILE --format pdf|docx|html -o OUT
                                   Trình bày văn bản theo thể thức Nghị định 30/2020/NĐ-CP
                                   (hoặc Hướng dẫn 36-HD/VPTW); FILE là văn bản hoặc JSON
  vanthu verify FILE.pdf... [--json] [--trust THƯ_MỤC_HOẶC_TỆP]
                                   Kiểm tra mọi chữ ký số của tệp PDF (toàn vẹn, người ký, thời
                                   điểm ký, chuỗi chứng thư theo các chứng thư gốc --trust);
                                   mã thoát 0: mọi chữ ký còn nguyên, 1: có chữ ký bị phá vỡ,
                                   2: có tệp không đọc được
  vanthu edxml read FILE... [--json] [--trust THƯ_MỤC_HOẶC_TỆP]
                                   Đọc gói edXML (QCVN 102:2016/BTTTT): gói văn bản hoặc gói trạng
                                   thái; --json: mỗi gói một dòng JSON; chữ ký XML được kiểm tra
                                   theo các chứng thư gốc --trust; mã thoát 1: có gói bị từ chối
                                   (mã lỗi và lý do trên stderr), 2: có tệp không đọc được
  vanthu edxml write VĂN_BẢN --from MÃ[=Tên] --to MÃ[=Tên]... [--attach TỆP]... -o GÓI.edxml
                                   Đóng gói edXML một văn bản (.pdf, .docx, ...) và các tệp kèm
                                   theo: số, ký hiệu, ngày, trích yếu, người ký lấy từ chính văn
                                   bản; MÃ là mã định danh cơ quan (ví dụ 000.00.00.H41)
  vanthu edxml status --for DOCUMENT_ID --code 01|02|03|04|05|06|13|15|16 --from MÃ[=Tên]
                    [--to MÃ] [--description "..."] -o GÓI.edxml
                                   Viết gói trạng thái trả lời một văn bản (01 đã đến, 02 từ chối,
                                   03 vào sổ, 04 phân công, 05 đang xử lý, 06 hoàn thành; 13 đề
                                   nghị lấy lại, 15 đồng ý, 16 từ chối lấy lại)
  vanthu demo [DIR]               Đọc các văn bản mẫu (mặc định: examples/) và liên kết giữa chúng
  vanthu serve [--port N] [--no-demo]
                                   Chạy dịch vụ (mặc định cổng 3000, dữ liệu trong ./data; PostgreSQL
                                   khi đặt DATABASE_URL); lần đầu tạo thế giới mẫu trừ khi --no-demo;
                                   --no-demo: chỉ một tài khoản quản trị hệ thống "admin", mật khẩu
                                   lấy từ ADMIN_PASSWORD hoặc tạo ngẫu nhiên và in ra một lần
  vanthu import DIR --as TÊN_ĐĂNG_NHẬP [--register]
                                   Nhập văn bản đến (.txt, .md, .doc, .docx, .pdf, ảnh) của thư
                                   mục; chạy lại an toàn (tệp đã nhập được bỏ qua); --register:
                                   vào sổ đến luôn
  vanthu agency add MÃ --name TÊN --abbr VIẾT_TẮT --kind state|party|union|press|broadcaster|other
                    [--parent MÃ] [--parent-line "UBND tỉnh ..."] [--place ...] [--term 2025-2030]
                                   Không có --parent: cơ quan cấp cao nhất (dòng lệnh có quyền
                                   quản trị hệ thống); tên trùng với cơ quan cùng cấp bị từ chối
  vanthu agency rename MÃ --name "Tên mới" --reason "Quyết định số ..." [--from YYYY-MM-DD]
                                   Đổi tên cơ quan; tên cũ được giữ trong lịch sử của cơ quan
  vanthu user add TÊN_ĐĂNG_NHẬP --agency MÃ --name "Họ tên" --role clerk,specialist,leader,admin
                    [--password ...] (không có: tạo mật khẩu tạm thời)
  vanthu user password TÊN_ĐĂNG_NHẬP
                                   Đặt mật khẩu mới (đọc từ đầu vào chuẩn, hoặc hỏi hai lần trên
                                   màn hình); mọi phiên đăng nhập của người đó kết thúc. Mật khẩu:
                                   ít nhất 10 ký tự, không phổ biến, không chứa tên đăng nhập
                                   Các lệnh trên dùng cùng DATA_DIR/DATABASE_URL với máy chủ; với
                                   PGlite phải dừng máy chủ trước
  vanthu backup DIR               Sao lưu cơ sở dữ liệu và các tệp vào thư mục mới DIR, kèm
                                   manifest.json (mã kiểm tra sha256 của từng tệp); PGlite: dừng
                                   máy chủ trước; PostgreSQL: chạy pg_dump nếu có
  vanthu restore DIR [--force]    Kiểm tra bản sao lưu rồi khôi phục vào DATA_DIR (hoặc
                                   DATABASE_URL, bằng pg_restore); từ chối nơi đã có dữ liệu trừ
                                   khi --force (dữ liệu cũ được giữ lại bên cạnh)
  vanthu --help | --version

Mã thoát: 0 khi mọi tệp đọc được (lint: và không có lỗi; verify: và mọi chữ ký còn nguyên), 1 khi có tệp lỗi (báo trên stderr kèm tên tệp; verify: có chữ ký bị phá vỡ; edxml read: có gói bị từ chối), 2 khi dùng sai (verify, edxml read: hoặc có tệp không đọc được).
`;

const EXAMPLES = fileURLToPath(new URL("../../../examples", import.meta.url));

/** Every option of every command; a command reads the ones it knows. */
const OPTIONS = {
  json: { type: "boolean", default: false },
  fix: { type: "boolean", default: false },
  issued: { type: "boolean", default: false },
  agency: { type: "string" },
  today: { type: "string" },
  format: { type: "string", default: "pdf" },
  out: { type: "string", short: "o" },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", short: "v", default: false },
  "no-demo": { type: "boolean", default: false },
  port: { type: "string" },
  as: { type: "string" },
  register: { type: "boolean", default: false },
  force: { type: "boolean", default: false },
  name: { type: "string" },
  role: { type: "string" },
  password: { type: "string" },
  title: { type: "string" },
  abbr: { type: "string" },
  kind: { type: "string" },
  parent: { type: "string" },
  "parent-line": { type: "string" },
  place: { type: "string" },
  term: { type: "string" },
  reason: { type: "string" },
  from: { type: "string" },
  trust: { type: "string", multiple: true },
  to: { type: "string", multiple: true },
  attach: { type: "string", multiple: true },
  for: { type: "string" },
  code: { type: "string" },
  description: { type: "string" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>["values"];

/** What a command is given: the positionals after its name, every option, where to write. */
interface Invocation {
  args: string[];
  values: Values;
  io: Io;
}

/**
 * The commands by name. Each checks its arguments, then imports its module: nothing of a command
 * is loaded before it runs. A new command (or a new option of one) is an entry here and, for an
 * option, a line in OPTIONS.
 */
const COMMANDS: Record<string, (c: Invocation) => Promise<number>> = {
  async parse({ args, values, io }) {
    if (!args.length)
      return usage(io, "vanthu parse: cần ít nhất một tệp. Ví dụ: vanthu parse van-ban.txt --json");
    const { parseCommand } = await import("./commands/parse.ts");
    return parseCommand(args, { json: values.json }, io);
  },
  async lint({ args, values, io }) {
    if (!args.length)
      return usage(io, "vanthu lint: cần ít nhất một tệp. Ví dụ: vanthu lint du-thao.txt");
    const { lintCommand } = await import("./commands/lint.ts");
    return lintCommand(
      args,
      {
        json: values.json,
        fix: values.fix,
        issued: values.issued,
        ...(values.agency ? { agency: values.agency } : {}),
        ...(values.today ? { today: values.today } : {}),
      },
      io,
    );
  },
  async render({ args, values, io }) {
    if (args.length !== 1)
      return usage(
        io,
        "vanthu render: cần đúng một tệp. Ví dụ: vanthu render du-thao.txt --format pdf -o du-thao.pdf",
      );
    const { renderCommand } = await import("./commands/render.ts");
    return renderCommand(
      args[0]!,
      { format: values.format, ...(values.out ? { out: values.out } : {}) },
      io,
    );
  },
  async verify({ args, values, io }) {
    if (!args.length)
      return usage(
        io,
        "vanthu verify: cần ít nhất một tệp PDF. Ví dụ: vanthu verify van-ban.pdf --json",
      );
    const { verifyCommand } = await import("./commands/verify.ts");
    return verifyCommand(args, { json: values.json, trust: values.trust ?? [] }, io);
  },
  async edxml({ args: [verb, ...files], values, io }) {
    if (verb === "read") {
      if (!files.length)
        return usage(
          io,
          "vanthu edxml read: cần ít nhất một tệp. Ví dụ: vanthu edxml read goi.edxml --json",
        );
      const { edxmlReadCommand } = await import("./commands/edxml.ts");
      return edxmlReadCommand(files, { json: values.json, trust: values.trust ?? [] }, io);
    }
    if (verb === "write") {
      if (files.length !== 1)
        return usage(
          io,
          "vanthu edxml write: cần đúng một văn bản. Ví dụ: vanthu edxml write cong-van.pdf --from 000.00.00.H41 --to 000.00.00.G22 -o cong-van.edxml",
        );
      const { edxmlWriteCommand } = await import("./commands/edxml.ts");
      return edxmlWriteCommand(
        files[0]!,
        {
          to: values.to ?? [],
          attach: values.attach ?? [],
          ...(values.from ? { from: values.from } : {}),
          ...(values.out ? { out: values.out } : {}),
        },
        io,
      );
    }
    if (verb === "status") {
      const { edxmlStatusCommand } = await import("./commands/edxml.ts");
      return edxmlStatusCommand(
        {
          ...(values.for ? { for: values.for } : {}),
          ...(values.code ? { code: values.code } : {}),
          ...(values.from ? { from: values.from } : {}),
          ...(values.to ? { to: values.to } : {}),
          ...(values.description ? { description: values.description } : {}),
          ...(values.out ? { out: values.out } : {}),
        },
        io,
      );
    }
    return usage(
      io,
      'vanthu edxml: dùng "vanthu edxml read|write|status ...". Gõ vanthu --help để xem cách dùng.',
    );
  },
  async demo({ args, io }) {
    const { demoCommand } = await import("./commands/demo.ts");
    return demoCommand(args[0] ?? EXAMPLES, io);
  },
  async serve({ values, io }) {
    const { serveCommand } = await import("./commands/serve.ts");
    return serveCommand(
      { demo: !values["no-demo"], ...(values.port ? { port: values.port } : {}) },
      io,
    );
  },
  async import({ args, values, io }) {
    if (args.length !== 1)
      return usage(
        io,
        "vanthu import: cần một thư mục. Ví dụ: vanthu import van-ban-den/ --as stttt-ls.vanthu --register",
      );
    const { importCommand } = await import("./commands/admin.ts");
    return importCommand(
      args[0]!,
      { register: values.register, ...(values.as ? { as: values.as } : {}) },
      io,
    );
  },
  async backup({ args, io }) {
    if (args.length !== 1)
      return usage(io, "vanthu backup: cần một thư mục. Ví dụ: vanthu backup /sao-luu/2026-12-01");
    const { backupCommand } = await import("./commands/backup.ts");
    return backupCommand(args[0]!, io);
  },
  async restore({ args, values, io }) {
    if (args.length !== 1)
      return usage(
        io,
        "vanthu restore: cần một thư mục. Ví dụ: vanthu restore /sao-luu/2026-12-01",
      );
    const { restoreCommand } = await import("./commands/backup.ts");
    return restoreCommand(args[0]!, { force: values.force }, io);
  },
  async agency({ args: [verb, key], values, io }) {
    if (verb === "rename" && key) {
      const { agencyRenameCommand } = await import("./commands/admin.ts");
      return agencyRenameCommand(
        key,
        {
          ...(values.name ? { name: values.name } : {}),
          ...(values.reason ? { reason: values.reason } : {}),
          ...(values.from ? { validFrom: values.from } : {}),
        },
        io,
      );
    }
    if (verb !== "add" || !key)
      return usage(
        io,
        'vanthu agency: dùng "vanthu agency add MÃ --name ... --abbr ... --kind state".',
      );
    const { agencyAddCommand } = await import("./commands/admin.ts");
    return agencyAddCommand(key, addOptions(values), io);
  },
  async user({ args: [verb, key], values, io }) {
    if (verb === "password" && key) {
      const { userPasswordCommand } = await import("./commands/admin.ts");
      return userPasswordCommand(key, io);
    }
    if (verb !== "add" || !key)
      return usage(
        io,
        'vanthu user: dùng "vanthu user add TÊN_ĐĂNG_NHẬP --agency MÃ --name ... --role clerk" hoặc "vanthu user password TÊN_ĐĂNG_NHẬP".',
      );
    const { userAddCommand } = await import("./commands/admin.ts");
    return userAddCommand(key, addOptions(values), io);
  },
};

/** The options `agency add` and `user add` take, those given only. */
function addOptions(values: Values): Record<string, string> {
  return Object.fromEntries(
    Object.entries({
      agency: values.agency,
      name: values.name,
      role: values.role,
      password: values.password,
      title: values.title,
      abbr: values.abbr,
      kind: values.kind,
      parent: values.parent,
      parentLine: values["parent-line"],
      place: values.place,
      term: values.term,
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

function usage(io: Io, message: string): number {
  io.err(message);
  return 2;
}

/** The server's ConfigError (a bad variable), known by its code so that main need not load it. */
function isConfigError(e: unknown): e is Error & { problems: string[] } {
  return (
    e instanceof Error &&
    (e as { code?: unknown }).code === "CONFIG_INVALID" &&
    Array.isArray((e as { problems?: unknown }).problems)
  );
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (isConfigError(e)) {
      io.err(`vanthu: cấu hình không hợp lệ:\n${e.problems.map((p) => `  - ${p}`).join("\n")}`);
      return 2;
    }
    throw e;
  } finally {
    await runCommandCleanups();
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    io.err(`vanthu: ${(error as Error).message}`);
    io.err("Gõ vanthu --help để xem cách dùng.");
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.version) {
    io.out("vanthu 0.1.0");
    return 0;
  }
  if (values.help || !command) {
    (command || values.help ? io.out : io.err)(HELP);
    return values.help ? 0 : 2;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run)
    return usage(io, `vanthu: lệnh không có: ${command}. Gõ vanthu --help để xem các lệnh.`);
  return run({ args, values, io });
}
