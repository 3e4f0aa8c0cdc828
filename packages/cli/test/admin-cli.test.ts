import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { userPasswordCommand } from "../src/commands/admin.ts";
import { runCliText as run } from "./run-cli.ts";

test("agency add, user add, import DIR --register: resumable and idempotent, errors named", async () => {
  const data = mkdtempSync(join(tmpdir(), "vanthu-cli-"));
  const inbox = join(data, "inbox");
  mkdirSync(join(inbox, "sub"), { recursive: true });
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  process.env.DATA_DIR = data;
  delete process.env.DATABASE_URL;
  try {
    for (const f of ["02-ke-hoach-tinh-uy.txt", "03-quyet-dinh-ubnd.txt"])
      copyFileSync(new URL(`../../../examples/${f}`, import.meta.url), join(inbox, f));
    copyFileSync(
      new URL("../../../examples/04-cong-van-cuc-thue.txt", import.meta.url),
      join(inbox, "sub", "04.txt"),
    );
    writeFileSync(join(inbox, "hong.pdf"), "not a pdf");
    writeFileSync(join(inbox, "ghi-chu.odt"), "ignored: not a document type");

    const addAgency = [
      "agency",
      "add",
      "syt-cn",
      "--name",
      "Sở Y tế",
      "--abbr",
      "SYT",
      "--kind",
      "state",
    ];
    const agency = await run(addAgency);
    assert.equal(agency.code, 0, agency.err);
    const dup = await run(addAgency); // the same command again
    assert.equal(dup.code, 1);
    assert.match(dup.err, /Mã “syt-cn” đã được dùng cho cơ quan “Sở Y tế”/);
    // A second agency of the same name at the top level (the CLI has installation rights).
    const clone = await run(["agency", "add", "syt-2", "--name", "SỞ Y TẾ", "--abbr", "SYT"]);
    assert.equal(clone.code, 1);
    assert.match(clone.err, /Đã có cơ quan “Sở Y tế” \(mã syt-cn, cấp cao nhất\).*AGENCY_EXISTS/);
    // Under it, the same name is another parent's: allowed.
    const under = await run([
      "agency",
      "add",
      "syt-cn-tt",
      "--name",
      "Sở Y tế",
      "--abbr",
      "SYT",
      "--parent",
      "syt-cn",
    ]);
    assert.equal(under.code, 0, under.err);
    const rename = await run([
      "agency",
      "rename",
      "syt-cn-tt",
      "--name",
      "Trung tâm Y tế",
      "--reason",
      "Quyết định số 1/QĐ-SYT",
      "--from",
      "2026-11-01",
    ]);
    assert.equal(rename.code, 0, rename.err);
    assert.match(rename.out, /“Sở Y tế” thành “Trung tâm Y tế”/);
    const noReason = await run(["agency", "rename", "syt-cn-tt", "--name", "Trung tâm Khác"]);
    assert.equal(noReason.code, 2);
    assert.match(noReason.err, /reason/);
    // Its first admin, on this database without a demo world.
    const addUser = (username: string, name: string, role: string) =>
      run(["user", "add", username, "--agency", "syt-cn", "--name", name, "--role", role]);
    const admin = await addUser("syt.admin", "Quản trị Sở Y tế", "admin");
    assert.equal(admin.code, 0, admin.err);
    const bad = await run(["agency", "add", "Sai Ma", "--name", "x", "--kind", "bank"]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /code:/);
    assert.match(bad.err, /kind:/);

    const user = await addUser("syt.vanthu", "Lê Thư", "clerk");
    assert.equal(user.code, 0, user.err);
    assert.match(user.out, /Mật khẩu tạm thời: \S{8,}/);

    const first = await run(["import", inbox, "--as", "syt.vanthu", "--register"]);
    assert.equal(first.code, 1, "one file is broken");
    assert.match(first.out, /Nhập 4 tệp: 3 mới, 0 đã có từ trước, 3 vào sổ đến, 1 lỗi\./);
    assert.match(first.err, /hong\.pdf: .*CORRUPT_FILE/);
    const again = await run(["import", inbox, "--as", "syt.vanthu", "--register"]);
    assert.match(again.out, /Nhập 4 tệp: 0 mới, 3 đã có từ trước, 0 vào sổ đến, 1 lỗi\./);
    const nobody = await run(["import", inbox, "--as", "khong.co"]);
    assert.equal(nobody.code, 1);
  } finally {
    Object.assign(process.env, saved);
    if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
    if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
    rmSync(data, { recursive: true, force: true });
  }
});

test("user add and user password apply the password policy; a new password works", async () => {
  const data = mkdtempSync(join(tmpdir(), "vanthu-cli-"));
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  process.env.DATA_DIR = data;
  delete process.env.DATABASE_URL;
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  };
  try {
    const agency = ["agency", "add", "syt-hn", "--name", "Sở Y tế", "--abbr", "SYT"];
    assert.equal((await run(agency)).code, 0);
    const user = ["user", "add", "syt-hn.admin", "--agency", "syt-hn", "--role", "admin"];
    const weak = await run([...user, "--password", "matkhau123"]);
    assert.equal(weak.code, 1);
    assert.match(weak.err, /WEAK_PASSWORD/);
    assert.match(weak.err, /password: Mật khẩu này quá phổ biến/);
    assert.equal((await run(user)).code, 0);

    const refused = io();
    assert.equal(await userPasswordCommand("syt-hn.admin", refused.io, async () => "1234"), 1);
    assert.match(refused.err.join("\n"), /ít nhất 10 ký tự/);
    const mismatch = io();
    assert.equal(await userPasswordCommand("syt-hn.admin", mismatch.io, async () => null), 2);
    const set = io();
    const code = await userPasswordCommand("syt-hn.admin", set.io, async () => "hồ Hoàn Kiếm sáng");
    assert.equal(code, 0, set.err.join("\n"));
    assert.match(set.out.join("\n"), /Đã đặt mật khẩu mới cho syt-hn\.admin/);
    const unknown = io();
    assert.equal(
      await userPasswordCommand("khong.co", unknown.io, async () => "hồ Tây lộng gió"),
      1,
    );
  } finally {
    Object.assign(process.env, saved);
    if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
    if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
    rmSync(data, { recursive: true, force: true });
  }
});
